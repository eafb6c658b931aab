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

async function docxHtml(data) {
  const mammoth = (await import('mammoth')).default;
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
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
