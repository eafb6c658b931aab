// PDF text items (pdf.js getTextContent: a string with x, y, width and font height) → text.
//
// 1. Items are grouped into visual lines by their baseline and split into cells at wide gaps.
// 2. Tables: a PDF draws a table's cells as separate text runs, and a cell's text wraps inside its
//    narrow column (县科技和 / 工业信息 / 化局). Runs of lines whose pieces sit in the same columns
//    are rebuilt into rows, each cell's wrapped lines joined, and written as `cell | cell | cell`
//    (the form the HTML and DOCX loaders give tables), across page breaks.
// 3. Paragraph geometry: the page's left and right margins are measured, an indented line keeps two
//    full-width spaces, and each line that reaches the right margin is recorded (`lineFill`), so the
//    re-flow joins a wrapped line to the next by where it ends on the page, not by counting characters.

export interface PdfItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol: boolean;
}

interface Cell {
  x0: number;
  x1: number;
  s: string;
  /** The first text run's string and width (to measure the cell's first word). */
  head?: { s: string; w: number };
}

interface VLine {
  page: number;
  y: number;
  h: number;
  cells: Cell[];
  /** The text runs of the line (finer than cells: a gap of any width separates them). */
  runs: Cell[];
  x0: number;
  x1: number;
  /** A page number (— 3 —, 第3页): never part of a table or a paragraph. */
  pageNo: boolean;
}

export interface PdfText {
  text: string;
  /** End offset of each line that reaches the right margin → true when flush with it. */
  lineFill: Map<number, boolean>;
}

/**
 * Estimated advance of the first k characters of a run drawn `width` wide: CJK characters a full
 * cell, ASCII half, and a space next to CJK a full cell (it holds the place of a glyph another font
 * draws over it).
 */
function charOffset(run: string, width: number, k: number): number {
  let total = 0;
  let upto = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const cjkNear = (j: number) => j >= 0 && j < run.length && run.charCodeAt(j) >= 0x2e80;
    const w = c >= 0x2e80 || (c === 0x20 && (cjkNear(i - 1) || cjkNear(i + 1))) ? 1 : 0.5;
    if (i < k) upto += w;
    total += w;
  }
  return total ? (width * upto) / total : 0;
}

interface Piece {
  x: number;
  w: number;
  /** The run's own text, and what other items laid over it insert (at offsets of `run`). */
  run: string;
  inserts: { at: number; s: string }[];
  /** Separator put before the run (a space). */
  lead: string;
  newCell: boolean;
}

const pieceText = (p: Piece): string => {
  let out = p.lead;
  let from = 0;
  for (const x of [...p.inserts].sort((a, b) => a.at - b.at)) {
    out += p.run.slice(from, x.at) + x.s;
    from = x.at;
  }
  return out + p.run.slice(from);
};

/**
 * Joins one line's items (sorted by x) into cells. Fonts that lack a glyph (often “” in Chinese
 * PDFs) are drawn by a fallback font as separate items laid over the main run, so such an item is
 * spliced into the run at the character its x position falls on, rather than appended after it.
 * A gap wider than about a character separates cells; a narrower one is a space.
 */
function lineCells(items: PdfItem[]): { cells: Cell[]; runs: Cell[] } {
  const pieces: Piece[] = [];
  let pendingSpace = false;
  for (const it of items) {
    const last = pieces[pieces.length - 1];
    if (!it.s.trim()) {
      pendingSpace = true;
      continue;
    }
    if (last && it.x < last.x + last.w - it.h * 0.3) {
      const rel = it.x - last.x;
      let k = 0;
      while (k < last.run.length && charOffset(last.run, last.w, k + 1) <= rel + it.h * 0.25) k++;
      last.inserts.push({ at: k, s: it.s });
      continue;
    }
    let run = it.s;
    let lead = '';
    const gap = last ? it.x - (last.x + last.w) : 0;
    const newCell = !last || gap > it.h * 0.9;
    if (newCell) run = run.trimStart();
    else if ((pendingSpace || gap > it.h * 0.3) && !/\s$/.test(pieceText(last)) && !/^\s/.test(run))
      lead = ' ';
    pendingSpace = false;
    pieces.push({ x: it.x, w: it.w, run, inserts: [], lead, newCell });
  }
  const cells: Cell[] = [];
  const runs: Cell[] = [];
  for (const p of pieces) {
    const c = cells[cells.length - 1];
    const text = pieceText(p);
    const own = text.slice(p.lead.length).trimEnd();
    if (own) runs.push({ x0: p.x, x1: p.x + p.w, s: own });
    if (p.newCell || !c) cells.push({ x0: p.x, x1: p.x + p.w, s: text, head: { s: text, w: p.w } });
    else {
      c.s += text;
      c.x1 = Math.max(c.x1, p.x + p.w);
    }
  }
  for (const c of cells) c.s = c.s.trimEnd();
  return { cells: cells.filter((c) => c.s), runs };
}

const PAGE_NO =
  /^(?:[-—–－_~·\s]*\d{1,4}[-—–－_~·\s]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

function pageLines(items: PdfItem[], page: number): VLine[] {
  const groups: { y: number; h: number; items: PdfItem[] }[] = [];
  for (const it of items) {
    if (!it.s) continue;
    const g = groups.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, it.h) * 0.4));
    if (g) g.items.push(it);
    else groups.push({ y: it.y, h: it.h, items: [it] });
  }
  groups.sort((a, b) => b.y - a.y);
  const out: VLine[] = [];
  for (const g of groups) {
    g.items.sort((a, b) => a.x - b.x);
    const { cells, runs } = lineCells(g.items);
    if (!cells.length) continue;
    const h = Math.max(...g.items.filter((i) => i.s.trim()).map((i) => i.h), 1);
    const text = cells.map((c) => c.s).join('');
    out.push({
      page,
      y: g.y,
      h,
      cells,
      runs,
      x0: cells[0].x0,
      x1: Math.max(...cells.map((c) => c.x1)),
      pageNo: text.length <= 16 && PAGE_NO.test(text),
    });
  }
  return out;
}

/** The most common value of xs rounded to whole points (ties: the smallest). */
function mode(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [x, c] of counts) if (c > n || (c === n && best != null && x < best)) [best, n] = [x, c];
  return best;
}

interface Margins {
  left: number;
  right: number;
  h: number;
}

/** Left margin (most common line start) and right margin (where long lines end) of body lines. */
function margins(lines: VLine[], fallback: Margins | null): Margins | null {
  const body = lines.filter((l) => !l.pageNo && l.cells.length === 1);
  const h = mode(body.map((l) => l.h * 2)) ?? (fallback ? fallback.h * 2 : null);
  if (h == null) return fallback;
  const bh = h / 2;
  const same = body.filter((l) => Math.abs(l.h - bh) <= bh * 0.2);
  const long = same.filter((l) => l.x1 - l.x0 > bh * 10);
  if (long.length < (fallback ? 4 : 1)) return fallback;
  // Headings and first lines are indented, so the margin is the leftmost start that recurs.
  const starts = new Map<number, number>();
  for (const l of same) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const recurring = [...starts].filter(([, n]) => n >= 2).map(([x]) => x);
  const left = recurring.length
    ? Math.min(...recurring)
    : (fallback?.left ?? Math.min(...same.map((l) => l.x0)));
  const ends = long.map((l) => l.x1).sort((a, b) => b - a);
  // Justified text ends many lines exactly at the margin; ragged text comes close to it. The value a
  // tenth of the way down ignores a few lines that stick out.
  const right = ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.1))];
  return { left, right, h: bh };
}

interface Region {
  members: number[];
  rows: string[];
}

interface Frag {
  /** Index in the region's member lines. */
  k: number;
  col: number;
  s: string;
  x0: number;
  x1: number;
}

/** A bare number (24.6, ≥70, 15%, 1,200) fills a cell of one line: it never continues the cell above. */
const BARE_NUMBER = /^(?:[≥≤>＞<＜~～±+-]|约)?\d[\d,.]*[%％‰]?$/;

const SERIAL = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$/;

/**
 * Splits a run that crosses column starts at the space where the next column begins (a PDF writer
 * may run neighbouring cells together with a space); null when there is no such space.
 */
function splitRun(run: Cell, starts: number[], h: number): Cell[] | null {
  const out: Cell[] = [];
  let rest = run;
  for (const at of starts) {
    if (at <= rest.x0 + h * 0.5 || at >= rest.x1 - h * 0.3) continue;
    const s = rest.s;
    let k = 0;
    const width = rest.x1 - rest.x0;
    while (k < s.length && rest.x0 + charOffset(s, width, k + 1) <= at + h * 0.25) k++;
    // Only at a space next to the estimated split: a run without one is a line across columns.
    const d = [0, -1, 1, -2, 2].find((x) => s[k + x] === ' ');
    if (d === undefined) return null;
    k += d;
    const left = s.slice(0, k).trimEnd();
    const right = s.slice(k).trimStart();
    if (!left || !right) continue;
    const x = rest.x0 + charOffset(s, width, k);
    out.push({ x0: rest.x0, x1: x, s: left });
    rest = { x0: at, x1: rest.x1, s: right };
  }
  out.push(rest);
  return out;
}

/**
 * Places a line's runs in the table's columns; null when the line does not fit (a run spanning
 * columns it cannot be split between, or a lone run outside every column).
 */
function placeRuns(l: VLine, cols: [number, number][], h: number): Omit<Frag, 'k'>[] | null {
  const tol = h * 0.1;
  const overlaps = (x0: number, x1: number) =>
    cols.map((c, n) => ({ n, a: c[0], b: c[1] })).filter(({ a, b }) => x0 < b - tol && a < x1 - tol);
  const out: Omit<Frag, 'k'>[] = [];
  for (const run of l.runs) {
    // A run over two or more columns is split where the later ones start (cells a PDF writer ran
    // together); a run wider than its own column (centred text) is not.
    const starts = overlaps(run.x0, run.x1)
      .map((x) => x.a)
      .sort((a, b) => a - b)
      .slice(1);
    const pieces = splitRun(run, starts, h);
    if (!pieces) return null;
    for (const piece of pieces) {
      const hit = overlaps(piece.x0, piece.x1);
      if (hit.length > 1) return null;
      let col = hit.length ? hit[0].n : -1;
      // A piece touching the previous one, outside any column, belongs to that one's cell.
      const prev = out[out.length - 1];
      if (col < 0 && prev && piece.x0 - prev.x1 < h * 0.5) col = prev.col;
      out.push({ col, s: piece.s, x0: piece.x0, x1: piece.x1 });
    }
  }
  if (out.length === 1 && out[0].col < 0) return null;
  return out;
}

/**
 * Tables: a line of two or more cells starts a candidate; following lines of the same font size
 * whose runs fall in its columns (or open new ones beside them) continue it, across page breaks.
 * A run with at least two lines using two or more columns, and three columns or three lines, is a
 * table.
 */
function findTables(lines: VLine[]): Region[] {
  const regions: Region[] = [];
  const used = new Uint8Array(lines.length);
  // Candidates that fail are retried from their next line; a cap on the lines looked at keeps a
  // pathological file (thousands of multi-cell lines that never form a table) linear.
  let budget = 40 * lines.length + 1000;
  for (let i = 0; i < lines.length && budget > 0; i++) {
    const first = lines[i];
    if (used[i] || first.pageNo || first.cells.length < 2) continue;
    const h = first.h;
    const cols: [number, number][] = [];
    const frags: Frag[] = [];
    const members: number[] = [];
    let multi = 0;
    let last = -1;
    for (let j = i; j < lines.length && budget-- > 0; j++) {
      const l = lines[j];
      if (l.pageNo || used[j]) continue;
      if (Math.abs(l.h - h) > h * 0.25) break;
      if (last >= 0) {
        const prev = lines[last];
        if (l.page === prev.page && prev.y - l.y > h * 5) break;
        if (l.page !== prev.page && l.page !== prev.page + 1) break;
      }
      const placed =
        j === i ? l.cells.map((c) => ({ col: -1, s: c.s, x0: c.x0, x1: c.x1 })) : placeRuns(l, cols, h);
      if (!placed) break;
      const trial = cols.map((c) => [...c] as [number, number]);
      let clash = false;
      for (const f of placed) {
        if (f.col >= 0) trial[f.col] = [Math.min(trial[f.col][0], f.x0), Math.max(trial[f.col][1], f.x1)];
        else {
          f.col = trial.length;
          trial.push([f.x0, f.x1]);
        }
      }
      // Columns stay apart.
      const sorted = trial.map((c, n) => ({ c, n })).sort((a, b) => a.c[0] - b.c[0]);
      for (let n = 1; n < sorted.length; n++) if (sorted[n].c[0] < sorted[n - 1].c[1] - h * 0.1) clash = true;
      // No table has dozens of columns: scattered text is not one.
      if (clash || trial.length > 24) break;
      cols.splice(0, cols.length, ...trial);
      const k = members.length;
      members.push(j);
      for (const f of placed) frags.push({ k, ...f });
      if (new Set(placed.map((f) => f.col)).size >= 2) multi++;
      last = j;
    }
    if (multi < 2 || (cols.length < 3 && members.length < 3)) continue;
    // Each wide-gap cell of a line must fall in a column of its own, else the columns are wrong.
    const colOfCell = (c: Cell) => {
      let best = -1;
      let most = 0;
      cols.forEach(([a, b], n) => {
        const o = Math.min(b, c.x1) - Math.max(a, c.x0);
        if (o > most) [best, most] = [n, o];
      });
      return best;
    };
    if (members.some((m) => new Set(lines[m].cells.map(colOfCell)).size < lines[m].cells.length)) continue;
    const rows = tableRows(lines, members, cols, frags);
    // A header row with empty cells means the columns were not found: leave the lines as they are.
    if (rows[0].split(' | ').filter((c) => !c).length > 0) continue;
    for (const k of members) used[k] = 1;
    regions.push({ members, rows });
  }
  return regions;
}

type Block = { col: number; frags: Frag[] };

/**
 * A table with no room between its rows runs a column's cells together at the line pitch
 * (每万人口高价 / 值发明专利拥 / 有量（件） / PCT国际专利 / 申请量（件）), so one block of lines spans
 * several rows. The one-line cells of the other columns (numbers, 序号, 预期性) beside such a block
 * mark its rows; its lines are cut into one cell per row, each cell's lines centred on its row when
 * the table centres its cells (some row sits between two lines of a block), else starting at it.
 */
function splitBlocks(ls: VLine[], blocks: Block[], pitch: number): void {
  const lineKs = (b: Block) => [...new Set(b.frags.map((f) => f.k))];
  const marks = blocks
    .filter((b) => lineKs(b).length === 1)
    .map((b) => ({ col: b.col, page: ls[b.frags[0].k].page, y: ls[b.frags[0].k].y }));
  const plans: { b: Block; ks: number[]; rows: number[] }[] = [];
  let centred = false;
  for (const b of blocks) {
    const ks = lineKs(b);
    if (ks.length < 2) continue;
    const page = ls[ks[0]].page;
    const hi = ls[ks[0]].y + pitch * 0.5;
    const lo = ls[ks[ks.length - 1]].y - pitch * 0.5;
    const ys = marks
      .filter((m) => m.col !== b.col && m.page === page && m.y <= hi && m.y >= lo)
      .map((m) => m.y)
      .sort((a, c) => c - a);
    const rows: number[] = [];
    for (const y of ys) if (!rows.length || rows[rows.length - 1] - y > pitch * 0.5) rows.push(y);
    if (rows.length < 2 || rows.length > ks.length) continue;
    if (rows.some((y) => ks.every((k) => Math.abs(ls[k].y - y) > pitch * 0.25))) centred = true;
    plans.push({ b, ks, rows });
  }
  // Cells wrap over at most this many lines (and the cut stays linear in the table's length).
  const MAX = 16;
  for (const { b, ks, rows } of plans) {
    const n = ks.length;
    const m = rows.length;
    if (m * n * MAX > 4_000_000) continue;
    // How far a cell's lines sit from its row, less a cut's gap beyond the pitch (a cell's padding
    // leaves a little more room between rows than between the lines of a cell).
    const cost = (s: number, e: number, y: number) =>
      Math.abs((centred ? (ls[ks[s]].y + ls[ks[e - 1]].y) / 2 : ls[ks[s]].y) - y) -
      (s > 0 ? Math.max(0, ls[ks[s - 1]].y - ls[ks[s]].y - pitch) : 0);
    // best[j][e]: the least cost of cutting lines [0, e) into j cells; from[j][e] where the last starts.
    const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
    const from = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
    best[0][0] = 0;
    for (let j = 1; j <= m; j++)
      for (let e = j; e <= n - (m - j); e++)
        for (let s = Math.max(j - 1, e - MAX); s < e; s++) {
          // On a tie (a line midway between two rows) the line stays with the row above.
          const c = best[j - 1][s] + cost(s, e, rows[j - 1]);
          if (c <= best[j][e] + 0.01) [best[j][e], from[j][e]] = [Math.min(c, best[j][e]), s];
        }
    if (!Number.isFinite(best[m][n])) continue;
    const cuts: number[] = [];
    for (let j = m, e = n; j > 0; j--) {
      e = from[j][e];
      cuts.unshift(e);
    }
    const parts = cuts.map((s, j) => {
      const ksIn = new Set(ks.slice(s, j + 1 < cuts.length ? cuts[j + 1] : n));
      return { col: b.col, frags: b.frags.filter((f) => ksIn.has(f.k)) };
    });
    blocks.splice(blocks.indexOf(b), 1, ...parts);
  }
}

/**
 * Rebuilds the rows of a table region, each cell's wrapped lines joined, cells joined by " | ".
 * Rows are anchored on a 序号 column when there is one, else on where the first column's cells
 * start. Cells whose text starts on the anchor line are top-aligned and take every line down to the
 * next anchor; otherwise cells are vertically centred and each cell's block of lines goes to the
 * nearest anchor. A block that runs over several rows (no room between them) is first cut at the
 * rows the other columns mark (splitBlocks), and the rest of a cell at the top of a page joins its
 * row on the page before.
 */
function tableRows(lines: VLine[], members: number[], cols: [number, number][], frags: Frag[]): string[] {
  const order = cols.map((c, n) => ({ c, n })).sort((a, b) => a.c[0] - b.c[0]);
  const rank = new Array<number>(cols.length);
  order.forEach((o, r) => {
    rank[o.n] = r;
  });
  for (const f of frags) f.col = rank[f.col];
  const ls = members.map((m) => lines[m]);
  const h = ls[0].h;
  // Line pitch: the smallest distance between successive lines of one column on a page (lines of
  // other columns may sit between them: a cell centred beside an even number of lines).
  let pitch = Number.POSITIVE_INFINITY;
  const lastOf = new Map<number, Frag>();
  for (const f of frags) {
    const p = lastOf.get(f.col);
    if (p && p.k !== f.k && ls[p.k].page === ls[f.k].page && ls[p.k].y - ls[f.k].y > h * 0.3)
      pitch = Math.min(pitch, ls[p.k].y - ls[f.k].y);
    lastOf.set(f.col, f);
  }
  if (!Number.isFinite(pitch)) pitch = h * 1.2;
  const firstOnPage = (k: number) => k === 0 || ls[k].page !== ls[k - 1].page;
  // Blocks: the lines of one column that follow each other at the line pitch.
  const col0 = frags.filter((f) => f.col === 0 && f.k > 0);
  const serial = col0.length >= 2 && col0.every((f) => SERIAL.test(f.s.replace(/\s+/g, '')));
  const blocks: Block[] = [];
  const open = new Map<number, Block>();
  for (const f of frags) {
    const b = open.get(f.col);
    const prev = b?.frags[b.frags.length - 1];
    const joins =
      b &&
      prev &&
      !(serial && f.col === 0) &&
      ls[prev.k].page === ls[f.k].page &&
      ls[prev.k].y - ls[f.k].y <= pitch * 1.3 &&
      prev.k !== f.k &&
      !BARE_NUMBER.test(f.s.replace(/\s+/g, ''));
    if (joins) b.frags.push(f);
    else if (b && prev && prev.k === f.k) b.frags.push(f);
    else {
      const nb = { col: f.col, frags: [f] };
      blocks.push(nb);
      open.set(f.col, nb);
    }
  }
  splitBlocks(ls, blocks, pitch);
  // Anchors: the header line, then each 序号 or each start of a first-column cell.
  const anchorBlocks = blocks.filter((b) => b.col === 0 && b.frags[0].k > 0);
  const anchors = [0, ...anchorBlocks.map((b) => b.frags[0].k)].filter((k, n, a) => a.indexOf(k) === n);
  const centre = (b: { frags: Frag[] }) => (ls[b.frags[0].k].y + ls[b.frags[b.frags.length - 1].k].y) / 2;
  const anchorY = new Map<number, number>([[0, ls[0].y]]);
  for (const b of anchorBlocks) if (!anchorY.has(b.frags[0].k)) anchorY.set(b.frags[0].k, ls[b.frags[0].k].y);
  const top = blocks.every((b) => {
    const k = b.frags[0].k;
    return (
      firstOnPage(k) ||
      anchors.some((a) => ls[a].page === ls[k].page && Math.abs(ls[a].y - ls[k].y) <= pitch * 0.3)
    );
  });
  if (!top && !serial) for (const b of anchorBlocks) anchorY.set(b.frags[0].k, centre(b));
  // The last anchor at or before line k (anchors are in reading order).
  const anchorAt = (k: number): number => {
    let lo = 0;
    let hi = anchors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const rowOf = new Map<Frag, number>();
  for (const b of blocks) {
    if (top) {
      for (const f of b.frags) rowOf.set(f, anchorAt(f.k));
      continue;
    }
    // Centred cells: the nearest anchor on the same page, looked for beside the block's own lines.
    const k0 = b.frags[0].k;
    const y = centre(b);
    const at = anchorAt(k0);
    let r = at;
    let best = Number.POSITIVE_INFINITY;
    for (let n = Math.max(0, at - 2); n <= Math.min(anchors.length - 1, at + 3); n++) {
      const a = anchors[n];
      if (ls[a].page !== ls[k0].page) continue;
      const d = Math.abs((anchorY.get(a) ?? ls[a].y) - y);
      if (d < best) [r, best] = [n, d];
    }
    for (const f of b.frags) rowOf.set(f, r);
  }
  const rows = anchors.map(() => cols.map(() => ''));
  const sortedFrags = [...frags].sort((a, b) => a.k - b.k || a.x0 - b.x0);
  for (const f of sortedFrags) {
    const row = rows[rowOf.get(f) ?? 0];
    const prev = row[f.col];
    const space = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(f.s) ? ' ' : '';
    row[f.col] = prev + space + f.s;
  }
  // A cell cut by a page break: the rest of it at the top of the next page, alone in its row, without
  // a number and not starting a numbered item, continues the last row of the page before.
  const firstK = rows.map(() => Number.POSITIVE_INFINITY);
  const lastK = rows.map(() => -1);
  for (const f of frags) {
    const r = rowOf.get(f) ?? 0;
    firstK[r] = Math.min(firstK[r], f.k);
    lastK[r] = Math.max(lastK[r], f.k);
  }
  const filled = (r: string[]) => r.filter((c) => c).length;
  for (let r = rows.length - 1; r >= 2; r--) {
    const c = rows[r].findIndex((x) => x);
    if (filled(rows[r]) !== 1 || filled(rows[r - 1]) < 2 || !firstOnPage(firstK[r])) continue;
    if (ls[lastK[r - 1]].page >= ls[firstK[r]].page) continue;
    if (/\d/.test(rows[r][c]) || /^[（(]?[一二三四五六七八九十]+[)）、.．]/.test(rows[r][c])) continue;
    rows[r - 1][c] += rows[r][c];
    rows.splice(r, 1);
  }
  return rows.map((r) => r.map((c) => c.replace(/\|/g, '｜')).join(' | '));
}

/** Closing punctuation may not start a line, so the character before it wraps along with it. */
const NO_LINE_START = /^[，。、；：？！）》」』”’,.;:?!)\]]/;

/** Width of what cannot be split off the start of a line: a run of Latin letters and digits, else a character (two before closing punctuation). */
function firstWordWidth(l: VLine): number {
  const c = l.cells[0];
  const head = c.head?.s.trim() ? c.head : { s: c.s, w: c.x1 - c.x0 };
  const s = head.s.trimStart();
  let n = /^[A-Za-z0-9.,%:/+-]+/.exec(s)?.[0].length ?? 1;
  if (NO_LINE_START.test(s.slice(n))) n++;
  let part = 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const w = s.charCodeAt(i) < 0x2e80 ? 0.5 : 1;
    if (i < n) part += w;
    total += w;
  }
  return total ? (head.w * Math.min(part, total)) / total : 0;
}

export function layoutPdf(pages: PdfItem[][]): PdfText {
  const byPage = pages.map((items, p) => pageLines(items, p));
  const lines = byPage.flat();
  const regions = findTables(lines);
  const regionOf = new Map<number, Region>();
  for (const r of regions) for (const k of r.members) regionOf.set(k, r);
  const docMargins = margins(
    lines.filter((_, k) => !regionOf.has(k)),
    null,
  );
  const lineFill = new Map<number, boolean>();
  const parts: string[] = [];
  let at = 0;
  let k = 0;
  for (let p = 0; p < byPage.length; p++) {
    if (p > 0) {
      parts.push('\n\f');
      at += 2;
    }
    const first = k;
    const m = margins(
      byPage[p].filter((_, n) => !regionOf.has(first + n)),
      docMargins,
    );
    let lineNo = 0;
    const emit = (s: string, fill: boolean | null) => {
      if (lineNo++ > 0) {
        parts.push('\n');
        at += 1;
      }
      parts.push(s);
      at += s.length;
      if (fill != null) lineFill.set(at, fill);
    };
    for (let n = 0; n < byPage[p].length; n++, k++) {
      const l = lines[k];
      const region = regionOf.get(k);
      if (region) {
        if (region.members[0] === k) for (const row of region.rows) emit(row, null);
        continue;
      }
      let s = l.cells.map((c) => c.s).join('\t');
      if (m && l.x0 - m.left >= l.h * 1.5) s = `\u3000\u3000${s}`;
      // A long single-run line wraps when it ends at the right margin, or when the next line's first
      // word would not have fitted in the room left (short right-aligned lines never wrap).
      let fill: boolean | null = null;
      if (m && !l.pageNo && l.cells.length === 1 && l.x1 - l.x0 >= (m.right - m.left) * 0.6) {
        const slack = m.right - l.x1;
        let next = k + 1;
        while (next < lines.length && (lines[next].pageNo || regionOf.has(next))) next++;
        const word = next < lines.length ? firstWordWidth(lines[next]) : 0;
        if (slack <= l.h * 0.5) fill = true;
        else if (slack <= Math.max(l.h * 1.6, word + l.h * 0.5)) fill = false;
      }
      emit(s, fill);
    }
  }
  return { text: parts.join(''), lineFill };
}
