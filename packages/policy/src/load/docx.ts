// DOCX → HTML (mammoth, in the sandbox) → text (the HTML reader), after refusing zip bombs by the
// sizes the archive declares.
import { PolicyError } from '../errors.js';
import { zipDeclaredSize } from './detect.js';
import { htmlToText } from './html.js';
import { runInSandbox, type SandboxOptions } from './sandbox.js';

const MAX_UNZIPPED = 200 * 1024 * 1024;
const MAX_RATIO = 200;

export async function loadDocx(bytes: Uint8Array, opts: SandboxOptions): Promise<string> {
  const z = zipDeclaredSize(bytes);
  if (z.entries === 0)
    throw new PolicyError(
      'DOCX_INVALID',
      'DOCX 文件已损坏或不完整（缺少目录），请在 Word/WPS 中打开后重新保存',
    );
  if (z.total > MAX_UNZIPPED || z.maxRatio > MAX_RATIO)
    throw new PolicyError('DOCX_TOO_LARGE', 'DOCX 文件解压后过大或压缩比异常，疑似压缩炸弹，已拒绝读取', {
      declaredBytes: z.total,
      maxRatio: Math.round(z.maxRatio),
    });
  const r = await runInSandbox<{ html?: string; error?: string; detail?: string }>(
    { kind: 'docx', data: bytes },
    opts,
  );
  if (r.error || r.html == null)
    throw new PolicyError(
      'DOCX_INVALID',
      `DOCX 文件无法读取，请在 Word/WPS 中打开后重新保存（${(r.detail ?? '').slice(0, 80)}）`,
    );
  return htmlToText(r.html);
}
