// PDF text layer → text (pdf.js via unpdf, in the sandbox). The items' positions are laid out by
// pdflayout.ts: visual lines, tables rebuilt into rows, indentation and where lines reach the right
// margin; pages end with a form feed so running headers and page numbers can be found.
import { PolicyError } from '../errors.js';
import { layoutPdf, type PdfItem, type PdfText } from './pdflayout.js';
import { runInSandbox, type SandboxOptions } from './sandbox.js';

export async function loadPdf(bytes: Uint8Array, opts: SandboxOptions): Promise<PdfText> {
  const r = await runInSandbox<{ pages?: PdfItem[][]; error?: string; detail?: string }>(
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
  const laid = layoutPdf(r.pages);
  const text = laid.text;
  const visible = text.replace(/\s+/g, '').length;
  if (visible < Math.max(20, r.pages.length * 5))
    throw new PolicyError(
      'PDF_NO_TEXT_LAYER',
      'PDF 没有文字层（可能是扫描件），无法读取文字；请上传可复制文字的 PDF 或 DOCX，或先做文字识别（OCR）',
      {
        pages: r.pages.length,
      },
    );
  return laid;
}
