// MHTML (.mht/.mhtml): a page saved "as a single file" by a browser, a MIME multipart message. Its
// text/html part is decoded (quoted-printable or base64, in its charset) and read as HTML.
import iconv from 'iconv-lite';

/** True when the text starts like a MIME message that carries a page. */
export function looksLikeMht(head: string): boolean {
  const h = head.slice(0, 4096);
  return (
    /^(?:From:|Subject:|Date:|MIME-Version:|Content-Type:|Snapshot-Content-Location:)/im.test(h) &&
    /multipart\/related/i.test(h)
  );
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const body = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = body.charCodeAt(i);
      if (code < 0x80) bytes.push(code);
      else for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** The HTML of the first text/html part, or null. */
export function mhtToHtml(raw: string): string | null {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const charset = /charset="?([\w-]+)"?/i.exec(headers)?.[1] ?? 'utf-8';
    const bytes =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(body)
          : Buffer.from(body, 'latin1');
    return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
  }
  return null;
}
