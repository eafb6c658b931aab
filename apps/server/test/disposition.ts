/**
 * Content-Disposition as a strict RFC 6266 reader sees it, for tests of file downloads: the
 * parameters in order (a name that smuggles in a parameter of its own shows up here), and the
 * name a browser saves under.
 */
export function dispositionParams(header: string): Array<[string, string]> {
  const semi = header.indexOf(';');
  const type = semi < 0 ? header : header.slice(0, semi);
  if (type.trim().toLowerCase() !== 'attachment') throw new Error(`not an attachment: ${header}`);
  const text = semi < 0 ? '' : header.slice(semi + 1);
  const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  const re = new RegExp(`\\s*(${token})=("(?:[^"\\\\]|\\\\.)*"|${token})\\s*(?:;|$)`, 'y');
  const out: Array<[string, string]> = [];
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`malformed Content-Disposition at ${at}: ${text.slice(at)}`);
    out.push([m[1].toLowerCase(), m[2]]);
    at = re.lastIndex;
  }
  return out;
}

/** The file name a browser saves under: filename* decoded. */
export function savedName(header: string): string {
  const ext = dispositionParams(header).find(([k]) => k === 'filename*');
  if (!ext) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(ext[1].replace(/^UTF-8''/i, ''));
}
