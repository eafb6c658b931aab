// Splitting lists of organisations (责任单位, 抄送) into units, as written.

const OPEN = '(（〔[【《“';
const CLOSE = ')）〕]】》”';

const SPLIT_RE = new Map<string, RegExp>();
const escapeClass = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');

/** Splits on any character of `seps` that is not inside brackets or quotes; pieces are trimmed. */
export function splitOutsideBrackets(
  s: string,
  seps: string,
): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  const push = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    if (b > a) out.push({ text: s.slice(a, b), start: a, end: b });
  };
  // Only brackets and separators matter: jump from one to the next.
  let re = SPLIT_RE.get(seps);
  if (!re) {
    re = new RegExp(`[${escapeClass(OPEN + CLOSE + seps)}]`, 'g');
    SPLIT_RE.set(seps, re);
  }
  re.lastIndex = 0;
  for (let x = re.exec(s); x; x = re.exec(s)) {
    const c = x[0];
    const i = x.index;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(s.length);
  return out;
}

/**
 * Units of a duty list: split on 、，,；; and 及, never inside brackets, never splitting a collective
 * idiom whose pieces are single characters (自治区各委、办、厅、局 stays one unit).
 */
export function splitUnits(s: string): { text: string; start: number; end: number }[] {
  const pieces = splitOutsideBrackets(s, '、，,；;及');
  const out: { text: string; start: number; end: number }[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && p.text.length === 1 && /[\u4e00-\u9fa5]/.test(p.text)) {
      prev.end = p.end;
      prev.text = s.slice(prev.start, prev.end);
      continue;
    }
    out.push({ ...p });
  }
  // A trailing 等/等部门 closes the list, it is not part of a name.
  return out
    .map((u) => {
      const m = /(?:等(?:单位|部门)?|按职责分工负责|按职能分工负责|分别负责|负责)$/.exec(u.text);
      if (m && m.index > 1) return { text: u.text.slice(0, m.index), start: u.start, end: u.start + m.index };
      return u;
    })
    .filter((u) => u.text.length > 0);
}
