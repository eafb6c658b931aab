// A minimal PDF writer for tests: text placed at given positions, in a CID font (Identity-H, each
// character its own 2-byte code) with a ToUnicode map and no embedded glyphs, so pdf.js reads the
// text layer exactly as written. CJK characters are a full em wide, ASCII half.

export interface PdfRun {
  s: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Width of a run in points, as the writer's font draws it. */
export const runWidth = (s: string, size = 12): number =>
  [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? size / 2 : size), 0);

export function makePdf(pages: PdfRun[][], { width = 595, height = 842 } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const lo = hi * 256;
    ranges.push(`<${hex4(lo)}> <${hex4(lo + 255)}> <${hex4(lo)}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100)
    blocks.push(
      `${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`,
    );
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [32 [${new Array(95).fill(500).join(' ')}]] /CIDToGIDMap /Identity >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const kids: number[] = [];
  for (const runs of pages) {
    const ops = runs
      .map((r) => {
        const codes = [...r.s].map((c) => hex4(c.charCodeAt(0))).join('');
        return `BT /F1 ${r.size ?? 12} Tf 1 0 0 1 ${r.x} ${r.y} Tm <${codes}> Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, n) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${n + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
