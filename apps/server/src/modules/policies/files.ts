// Originals of uploaded policy documents, under filesDir, named by their SHA-256: the same file
// uploaded by two units is stored once, and a stored file never changes under its name.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEMO_DOCUMENTS } from './demo/documents';
import { renderDemo } from './demo/render';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Path under filesDir for a file with this hash. */
export const storagePathFor = (hash: string) => join('policies', hash.slice(0, 2), hash);

/** Writes the bytes once (write to a temporary name, then rename, so a crash leaves no half file). */
export async function storeOriginal(
  filesDir: string,
  bytes: Uint8Array,
): Promise<{ hash: string; path: string }> {
  const hash = sha256(bytes);
  const path = storagePathFor(hash);
  const full = join(filesDir, path);
  if (!existsSync(full)) {
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, full);
  }
  return { hash, path };
}

/** The original's bytes. Demo documents ('demo:<file name>') are rendered again from code. */
export async function readOriginal(filesDir: string, path: string): Promise<Buffer> {
  if (path.startsWith('demo:')) {
    const doc = DEMO_DOCUMENTS.find((d) => `demo:${d.fileName}` === path);
    if (!doc) throw new Error(`unknown demo document ${path}`);
    return (await renderDemo(doc)).bytes;
  }
  return readFile(join(filesDir, path));
}
