// PDF text layer → text (pdf.js via unpdf, in the sandbox). Text items are grouped into visual lines
// by their baseline; an indented line keeps two full-width spaces so re-flow can see paragraph
// starts; pages end with a form feed so running headers and page numbers can be found.
import { PolicyError } from '../errors.js';
import { runInSandbox, type SandboxOptions } from './sandbox.js';

interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol: boolean;
}

function pageText(items: Item[]): string {
  const lines: { y: number; h: number; items: Item[] }[] = [];
  for (const it of items) {
    if (!it.s) continue;
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, it.h) * 0.4));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  if (!lines.length) return '';
  const left = Math.min(...lines.map((l) => Math.min(...l.items.map((i) => i.x))));
  const out: string[] = [];
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const s = joinLine(l.items);
    const indent = l.items[0].x - left >= l.h * 1.5 ? '\u3000\u3000' : '';
    out.push(indent + s.trimEnd());
  }
  return out.join('\n');
}

/** Estimated advance of each character, in proportion to the item's width (CJK full, ASCII half). */
function charOffset(it: Item, k: number): number {
  let total = 0;
  let upto = 0;
  for (let i = 0; i < it.s.length; i++) {
    const w = it.s.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
    if (i < k) upto += w;
    total += w;
  }
  return total ? (it.w * upto) / total : 0;
}

/**
 * Joins one line's items. Fonts that lack a glyph (often “” in Chinese PDFs) are drawn by a fallback
 * font as separate items laid over the main run, so such an item is spliced into the run at the
 * character its x position falls on, rather than appended after it.
 */
function joinLine(items: Item[]): string {
  const segs: { x: number; w: number; item: Item; s: string }[] = [];
  let pendingSpace = false;
  for (const it of items) {
    const last = segs[segs.length - 1];
    if (!it.s.trim()) {
      // Whitespace items only widen the gap; the gap itself decides between space and tab.
      pendingSpace = true;
      continue;
    }
    if (last && it.x < last.x + last.w - it.h * 0.3) {
      const rel = it.x - last.x;
      let k = 0;
      while (k < last.s.length && charOffset({ ...last.item, s: last.s }, k + 1) <= rel + it.h * 0.25) k++;
      last.s = last.s.slice(0, k) + it.s + last.s.slice(k);
      continue;
    }
    let s = it.s;
    // A wide gap separates table cells (a tab, kept by the normaliser); a narrow one is a space.
    const gap = last ? it.x - (last.x + last.w) : 0;
    if (last && gap > it.h * 0.9) s = `\t${s.trimStart()}`;
    else if (last && (pendingSpace || gap > it.h * 0.3) && !/\s$/.test(last.s) && !/^\s/.test(s)) s = ` ${s}`;
    pendingSpace = false;
    segs.push({ x: it.x, w: it.w, item: it, s });
  }
  return segs.map((g) => g.s).join('');
}

export async function loadPdf(bytes: Uint8Array, opts: SandboxOptions): Promise<string> {
  const r = await runInSandbox<{ pages?: Item[][]; error?: string; detail?: string }>(
    { kind: 'pdf', data: bytes },
    opts,
  );
  if (r.error === 'PDF_ENCRYPTED')
    throw new PolicyError('PDF_ENCRYPTED', 'PDF 文件已加密（需要密码），请去除密码保护后再上传');
  if (r.error || !r.pages)
    throw new PolicyError(
      'PDF_INVALID',
      `PDF 文件已损坏或不完整，无法读取（${(r.detail ?? '').slice(0, 80)}）`,
    );
  const text = r.pages.map(pageText).join('\n\f');
  const visible = text.replace(/\s+/g, '').length;
  if (visible < Math.max(20, r.pages.length * 5))
    throw new PolicyError(
      'PDF_NO_TEXT_LAYER',
      'PDF 没有文字层（可能是扫描件），无法读取文字；请上传可复制文字的 PDF 或 DOCX，或先做文字识别（OCR）',
      {
        pages: r.pages.length,
      },
    );
  return text;
}
