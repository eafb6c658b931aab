// loadDocument: bytes of any supported format → the original text every offset refers to.

import iconv from 'iconv-lite';
import { PolicyError } from '../errors.js';
import type { SourceFormat, Warning } from '../types.js';
import { sniff } from './detect.js';
import { loadDocx } from './docx.js';
import { declaredCharset, htmlToText, looksLikeHtml } from './html.js';
import { looksLikeMht, mhtToHtml } from './mht.js';
import { loadPdf } from './pdf.js';
import { assertReadable, decodeText, looksBinary } from './text.js';

export interface LoadedDocument {
  /** The text all offsets refer to: the file's text as read (HTML/DOCX/PDF: the text extracted). */
  text: string;
  format: SourceFormat;
  encoding: string | null;
  warnings: Warning[];
  /**
   * PDF only: the end offset (in `text`) of each line that reaches the page's right margin → true
   * when flush with it, false when within about a character and a half. Re-flow joins a line to the
   * next only across such ends.
   */
  lineFill?: ReadonlyMap<number, boolean>;
}

export interface LoadOptions {
  fileName?: string;
  mime?: string;
  timeBudgetMs?: number;
  /** Heap limit of the worker that parses PDF/DOCX. */
  memoryMb?: number;
  /** Longest text accepted after loading, in characters. */
  maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 10_000_000;

export async function loadDocument(bytes: Uint8Array, opts: LoadOptions = {}): Promise<LoadedDocument> {
  const warnings: Warning[] = [];
  const sandbox = { timeMs: opts.timeBudgetMs ?? 30_000, memoryMb: opts.memoryMb ?? 512 };
  const kind = sniff(bytes, opts.fileName);
  let text: string;
  let format: SourceFormat;
  let encoding: string | null = null;
  let lineFill: ReadonlyMap<number, boolean> | undefined;
  if (kind === 'pdf') {
    const laid = await loadPdf(bytes, sandbox);
    text = laid.text;
    lineFill = laid.lineFill;
    format = 'pdf';
  } else if (kind === 'docx') {
    text = await loadDocx(bytes, sandbox);
    format = 'docx';
  } else {
    const decoded = decodeText(bytes);
    text = decoded.text;
    encoding = decoded.encoding;
    if (looksBinary(text))
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_BINARY',
        '无法识别文件格式，文件可能已损坏或不是文本；请上传 DOCX、PDF、网页或文本格式的政策文件',
      );
    if (looksLikeMht(text)) {
      // MIME parts are 7-bit; read the message as bytes so each part's own charset applies.
      const html = mhtToHtml(Buffer.from(bytes).toString('latin1'));
      if (html == null)
        throw new PolicyError(
          'HTML_INVALID',
          'MHT 网页文件中没有找到网页正文，请在浏览器中另存为 HTML 后再上传',
        );
      text = htmlToText(html);
      const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
      if (text.length > max)
        throw new PolicyError('TEXT_TOO_LONG', `文件文字过多（${text.length} 字，上限 ${max} 字）`);
      if (!text.trim()) throw new PolicyError('EMPTY_DOCUMENT', '文件中没有可读取的文字');
      assertReadable(text);
      return { text, format: 'html', encoding: 'MHTML', warnings };
    }
    const htmlByName =
      /\.(?:html?|xhtml|shtml|mht)$/i.test(opts.fileName ?? '') || /html/.test(opts.mime ?? '');
    if (htmlByName || looksLikeHtml(text)) {
      const cs = declaredCharset(bytes);
      if (encoding === 'UTF-8' && cs && /gb|big5/.test(cs) && iconv.encodingExists(cs)) {
        // Declared legacy charset but valid UTF-8: trust the bytes. Otherwise honour the declaration.
      } else if (cs && encoding !== 'UTF-8' && iconv.encodingExists(cs)) {
        text = iconv.decode(Buffer.from(bytes), cs);
        encoding = cs.toUpperCase();
      }
      text = htmlToText(text);
      format = 'html';
    } else format = 'text';
  }
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > max)
    throw new PolicyError(
      'TEXT_TOO_LONG',
      `文件文字过多（${text.length} 字，上限 ${max} 字），不像单个政策文件，请拆分后上传`,
      {
        chars: text.length,
      },
    );
  if (text.replace(/\s+/g, '').length === 0)
    throw new PolicyError('EMPTY_DOCUMENT', '文件中没有可读取的文字');
  assertReadable(text);
  return lineFill ? { text, format, encoding, warnings, lineFill } : { text, format, encoding, warnings };
}
