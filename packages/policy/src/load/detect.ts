// What a file is, from its first bytes (and its name only to tell OLE files apart). Formats we do
// not read get a PolicyError naming the format and what the user can do.
import { PolicyError } from '../errors.js';

export type Sniffed = 'pdf' | 'docx' | 'textlike';

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string => {
  let s = '';
  for (let i = from; i < Math.min(to, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
};

/** Names of the entries of a zip archive, read from its local file headers (first 64 KiB only). */
function zipEntryNames(b: Uint8Array): string[] {
  const names: string[] = [];
  const end = Math.min(b.length, 1 << 16);
  for (let i = 0; i + 30 < end; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x03 && b[i + 3] === 0x04) {
      const nameLen = b[i + 26] | (b[i + 27] << 8);
      names.push(ascii(b, i + 30, i + 30 + nameLen));
      i += 29 + nameLen;
    }
  }
  // The central directory (at the end) names every entry even when the first is large.
  const tail = Math.max(0, b.length - (1 << 16));
  for (let i = tail; i + 46 < b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) {
      const nameLen = b[i + 28] | (b[i + 29] << 8);
      names.push(ascii(b, i + 46, i + 46 + nameLen));
    }
  }
  return names;
}

const ext = (fileName?: string): string =>
  (fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '').trim();

export function sniff(bytes: Uint8Array, fileName?: string): Sniffed {
  if (bytes.length === 0) throw new PolicyError('EMPTY_DOCUMENT', '文件为空，没有可读取的内容');
  const head = ascii(bytes, 0, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => /^OFD\.xml$/i.test(n) || /^Doc_\d+\//.test(n)))
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_OFD',
        '不支持 OFD 版式文件，请用数科阅读器等软件另存为 PDF 或 DOCX 后再上传',
      );
    if (names.some((n) => n.startsWith('xl/')))
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_SPREADSHEET',
        '这是 Excel 表格文件，不是政策文件正文，请上传 DOCX、PDF、网页或文本格式的政策文件',
      );
    if (names.some((n) => n.startsWith('ppt/')))
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_PRESENTATION',
        '这是 PowerPoint 演示文件，请把政策文件正文另存为 DOCX 或 PDF 后再上传',
      );
    if (ext(fileName) === 'docx')
      throw new PolicyError(
        'DOCX_INVALID',
        'DOCX 文件已损坏或不完整，无法读取，请在 Word/WPS 中打开后重新保存',
      );
    throw new PolicyError('UNSUPPORTED_FORMAT_ARCHIVE', '这是压缩包（ZIP），请解压后分别上传其中的政策文件');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const e = ext(fileName);
    if (e === 'wps' || e === 'wpt')
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_WPS',
        '不支持 WPS 文字旧格式（.wps），请在 WPS 中另存为 .docx 后再上传',
      );
    if (e === 'xls' || e === 'et')
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_SPREADSHEET',
        '这是 Excel 表格文件，不是政策文件正文，请上传 DOCX、PDF、网页或文本格式的政策文件',
      );
    if (e === 'ppt' || e === 'dps')
      throw new PolicyError(
        'UNSUPPORTED_FORMAT_PRESENTATION',
        '这是 PowerPoint 演示文件，请把政策文件正文另存为 DOCX 或 PDF 后再上传',
      );
    throw new PolicyError(
      'UNSUPPORTED_FORMAT_DOC',
      '不支持旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx 后再上传',
    );
  }
  if (head.startsWith('{\\rtf'))
    throw new PolicyError('UNSUPPORTED_FORMAT_RTF', '不支持 RTF 格式，请在 Word/WPS 中另存为 .docx 后再上传');
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') ||
    head.startsWith('BM')
  )
    throw new PolicyError(
      'UNSUPPORTED_FORMAT_IMAGE',
      '这是图片文件，无法读取文字；请上传含文字层的 PDF、DOCX 或文本，或先做文字识别（OCR）',
    );
  if (
    startsWith(bytes, [0x1f, 0x8b]) ||
    head.startsWith('Rar!') ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])
  )
    throw new PolicyError('UNSUPPORTED_FORMAT_ARCHIVE', '这是压缩包，请解压后分别上传其中的政策文件');
  return 'textlike';
}

/** Sums the uncompressed sizes a zip's central directory declares, to refuse zip bombs before inflating. */
export function zipDeclaredSize(b: Uint8Array): { total: number; entries: number; maxRatio: number } {
  let total = 0;
  let entries = 0;
  let maxRatio = 0;
  for (let i = Math.max(0, b.length - (1 << 22)); i + 46 < b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) {
      const dv = new DataView(b.buffer, b.byteOffset + i, 46);
      const compressed = dv.getUint32(20, true);
      const size = dv.getUint32(24, true);
      total += size;
      entries++;
      if (compressed > 0) maxRatio = Math.max(maxRatio, size / compressed);
      i += 45;
    }
  }
  return { total, entries, maxRatio };
}
