import { randomBytes } from 'node:crypto';

export interface FilePart {
  fileName: string;
  content: Buffer | string;
  type?: string;
  /** Form field name; defaults to "files". */
  field?: string;
}

/**
 * A multipart/form-data body for app.inject, with the header that goes with it. File names are
 * written as raw UTF-8, as browsers send them.
 */
export function multipart(files: FilePart[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----innocounty${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.fileName.replace(/"/g, '%22')}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
