// HTML pages saved from government sites (and the HTML mammoth makes of a DOCX) → text with one
// block per line. Data tables become rows of cells joined by " | " so the 分工表 reader sees them;
// layout tables (cells holding paragraphs) are flattened into lines. htmlparser2 streams tags, so
// nesting depth costs nothing.
import { Parser } from 'htmlparser2';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'select',
  'button',
  'head',
  'svg',
  'object',
  'canvas',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'dd',
  'dt',
  'dl',
  'blockquote',
  'pre',
  'center',
  'form',
  'hr',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'address',
  'caption',
  'title',
]);

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}
interface TableCtx {
  row: Cell[] | null;
  cell: string[] | null;
  cellAttrs: { colspan: number; rowspan: number };
  /** Column → text still to repeat in following rows (rowspan). */
  pending: Map<number, { text: string; left: number }>;
}

const clean = (s: string): string => s.replace(/[ \t\r\f\v\u00a0]+/g, ' ');

// Container and inline tags carry nothing we need but their line breaks. Rewriting them before
// parsing keeps the parser's open-element stack shallow: htmlparser2 searches that stack on every
// closing tag, so thousands of nested <div>s would otherwise cost quadratic time.
const CONTAINER_TAGS =
  /<\/?(?:div|section|article|header|footer|main|aside|nav|center|form|figure|figcaption|address|blockquote|dl|dd|dt|ul|ol)\b[^>]*>/gi;
const INLINE_TAGS =
  /<\/?(?:span|font|a|b|strong|em|i|u|small|big|sup|sub|label|abbr|ins|del|s|strike|o:p)\b[^>]*>/gi;
const TABLE_TAGS = /<\/?(?:table|tbody|thead|tfoot|tr|td|th|caption|colgroup|col)\b[^>]*>/gi;

function flatten(html: string): string {
  let s = html.replace(CONTAINER_TAGS, '<br>').replace(INLINE_TAGS, '');
  // Pathological table nesting is layout noise: keep its text, drop its structure.
  let depth = 0;
  let max = 0;
  for (const m of s.matchAll(/<(\/?)table\b/gi)) {
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
    if (max > 64) break;
  }
  if (max > 64) s = s.replace(TABLE_TAGS, '<br>');
  return s;
}

export function htmlToText(input: string): string {
  const html = flatten(input);
  const out: string[] = [];
  const tables: TableCtx[] = [];
  let skipDepth = 0;
  let skipTag = '';
  /** Where text goes: the innermost open cell, else the document. */
  const sink = (): string[] => {
    const t = tables[tables.length - 1];
    return t?.cell ?? out;
  };
  const newline = () => {
    const s = sink();
    if (s.length && s[s.length - 1] !== '\n') s.push('\n');
  };
  const finishRow = (t: TableCtx) => {
    if (!t.row) return;
    const cells: string[] = [];
    let col = 0;
    const take = (c: Cell) => {
      while (t.pending.get(col)?.left) {
        const p = t.pending.get(col)!;
        cells.push(p.text);
        p.left--;
        col++;
      }
      cells.push(c.text);
      if (c.rowspan > 1) t.pending.set(col, { text: c.text, left: c.rowspan - 1 });
      col++;
      for (let k = 1; k < c.colspan; k++) {
        cells.push('');
        col++;
      }
    };
    for (const c of t.row) take(c);
    while (t.pending.get(col)?.left) {
      const p = t.pending.get(col)!;
      cells.push(p.text);
      p.left--;
      col++;
    }
    t.row = null;
    const target = tables.length > 1 ? (tables[tables.length - 2].cell ?? out) : out;
    const layout = cells.some((c) => c.includes('\n')) || cells.filter((c) => c.trim()).length < 2;
    if (target.length && target[target.length - 1] !== '\n') target.push('\n');
    if (layout) {
      for (const c of cells) if (c.trim()) target.push(c.trim(), '\n');
    } else {
      target.push(cells.map((c) => c.trim().replace(/\|/g, '｜')).join(' | '), '\n');
    }
  };
  const finishCell = (t: TableCtx) => {
    if (!t.cell) return;
    const text = clean(t.cell.join(''))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    t.row ??= [];
    t.row.push({ text, ...t.cellAttrs });
    t.cell = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth) {
          if (name === skipTag) skipDepth++;
          return;
        }
        if (SKIP.has(name)) {
          skipDepth = 1;
          skipTag = name;
          return;
        }
        if (name === 'table') {
          newline();
          tables.push({ row: null, cell: null, cellAttrs: { colspan: 1, rowspan: 1 }, pending: new Map() });
          return;
        }
        const t = tables[tables.length - 1];
        if (t && name === 'tr') {
          finishCell(t);
          finishRow(t);
          t.row = [];
          return;
        }
        if (t && (name === 'td' || name === 'th')) {
          finishCell(t);
          t.row ??= [];
          const n = (v: string | undefined) => Math.max(1, Math.min(50, Number.parseInt(v ?? '1', 10) || 1));
          t.cellAttrs = { colspan: n(attrs.colspan), rowspan: n(attrs.rowspan) };
          t.cell = [];
          return;
        }
        if (BLOCK.has(name)) newline();
      },
      ontext(text) {
        if (skipDepth) return;
        sink().push(text.replace(/[\r\n]+/g, ' '));
      },
      onclosetag(name) {
        if (skipDepth) {
          if (name === skipTag) skipDepth--;
          return;
        }
        const t = tables[tables.length - 1];
        if (name === 'table' && t) {
          finishCell(t);
          finishRow(t);
          tables.pop();
          newline();
          return;
        }
        if (t && (name === 'td' || name === 'th')) {
          finishCell(t);
          return;
        }
        if (t && name === 'tr') {
          finishCell(t);
          finishRow(t);
          return;
        }
        if (BLOCK.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (tables.length) {
    const t = tables[tables.length - 1];
    finishCell(t);
    finishRow(t);
    tables.pop();
  }
  return clean(out.join(''))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** A decoded text is HTML when it starts like markup. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 4096).trimStart().toLowerCase();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)?<(?:!doctype\s+html|html|head|body|meta|div|p|table|title)\b/.test(
    head,
  );
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
