// Worker thread for the loaders that parse untrusted binary files (PDF via pdf.js, DOCX via
// mammoth). Running them here lets the caller terminate a parse that runs past its time budget and
// caps its heap, so a zip bomb or a pathological PDF cannot take the process down.
// Plain JavaScript on purpose: a worker does not inherit the tsx loader of its parent.
import { parentPort } from 'node:worker_threads';

async function pdfLines(data) {
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(data, { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    const name = e?.name ?? '';
    if (name === 'PasswordException') return { error: 'PDF_ENCRYPTED' };
    return { error: 'PDF_INVALID', detail: String(e?.message ?? e) };
  }
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (typeof it.str !== 'string') continue;
      const [, , , d, x, y] = it.transform;
      items.push({ s: it.str, x, y, w: it.width, h: Math.abs(d) || it.height || 10, eol: !!it.hasEOL });
    }
    pages.push(items);
    page.cleanup();
  }
  await pdf.destroy();
  return { pages };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cn(n) {
  if (n <= 10) return CN[n - 1];
  if (n < 20) return `十${CN[n - 11]}`;
  return `${CN[Math.floor(n / 10) - 1]}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
}
/** Heading markers in GB/T 9704 order for Word's automatic numbering levels 0–3. */
const MARKERS = [(n) => `${cn(n)}、`, (n) => `（${cn(n)}）`, (n) => `${n}.`, (n) => `（${n}）`];

/**
 * Word's automatic numbering is not part of the text, so mammoth drops "一、" and its kin. Numbered
 * paragraphs get the marker their level takes in a 公文 (level 0 一、, 1 （一）, 2 1., 3 （1）), counted
 * in document order, so the heading hierarchy survives.
 */
function numberingTransform(mammoth) {
  const counters = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let list = null;
  return mammoth.transforms.paragraph((paragraph) => {
    const num = paragraph.numbering;
    if (!num?.isOrdered) return paragraph;
    const level = Math.min(8, Number(num.level) || 0);
    if (level === 0 && list !== num) {
      counters.fill(0);
      list = num;
    }
    counters[level]++;
    for (let k = level + 1; k < counters.length; k++) counters[k] = 0;
    const marker = level < MARKERS.length ? MARKERS[level](counters[level]) : '';
    if (!marker) return paragraph;
    const run = {
      type: 'run',
      children: [{ type: 'text', value: marker }],
      styleId: null,
      styleName: null,
      isBold: false,
      isItalic: false,
      isUnderline: false,
      isStrikethrough: false,
      isAllCaps: false,
      isSmallCaps: false,
      verticalAlignment: 'baseline',
      font: null,
      fontSize: null,
      highlight: null,
    };
    return { ...paragraph, numbering: null, children: [run, ...paragraph.children] };
  });
}

async function docxHtml(data) {
  const mammoth = (await import('mammoth')).default;
  try {
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(data) },
      { transformDocument: numberingTransform(mammoth) },
    );
    return { html: r.value, messages: r.messages.length };
  } catch (e) {
    return { error: 'DOCX_INVALID', detail: String(e?.message ?? e) };
  }
}

parentPort.on('message', async (msg) => {
  try {
    const result = msg.kind === 'pdf' ? await pdfLines(msg.data) : await docxHtml(msg.data);
    parentPort.postMessage({ id: msg.id, ...result });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: 'INTERNAL_ERROR', detail: String(e?.message ?? e) });
  }
});
