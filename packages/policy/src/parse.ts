// parsePolicy: path | bytes | stream → Policy JSON with offsets, within size and time limits.
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Budget, PolicyError, toPolicyError } from './errors.js';
import { extract } from './extract.js';
import { type LoadedDocument, loadDocument } from './load/index.js';
import { assertReadable } from './load/text.js';
import { normalise } from './normalise/index.js';
import type { Policy, SourceFormat, Warning } from './types.js';

export const ENGINE_VERSION = '1.0.0';

export interface ParseOptions {
  /** File name, used to tell formats apart (e.g. .wps from .doc) and in messages. */
  fileName?: string;
  mime?: string;
  /** Wall-clock budget for the whole parse (default 30 s). */
  timeBudgetMs?: number;
  /** Largest input accepted (default 64 MiB). */
  maxBytes?: number;
  /** Longest loaded text accepted (default 10 million characters). */
  maxChars?: number;
  /** Heap limit for the PDF/DOCX worker (default 512 MB). */
  memoryMb?: number;
}

export interface ParseResult {
  policy: Policy;
  /** The loaded text every `span` refers to. */
  originalText: string;
  /** Normalised text: chrome removed, PDF lines re-flowed, one paragraph per line. */
  normalisedText: string;
  /** offsets[i] = offset in originalText of normalisedText[i]; offsets[normalisedText.length] = its end. */
  offsets: Int32Array;
  format: SourceFormat;
  encoding: string | null;
  warnings: Warning[];
  engineVersion: string;
  fileName: string | null;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export type ParseInput = string | Uint8Array | Readable | { text: string };

async function readStream(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > maxBytes) {
      stream.destroy();
      throw tooLarge(size, maxBytes);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (size: number, max: number): PolicyError =>
  new PolicyError(
    'FILE_TOO_LARGE',
    `文件过大（${(size / 1048576).toFixed(1)} MB 以上，上限 ${(max / 1048576).toFixed(0)} MB），请拆分或压缩后上传`,
    {
      bytes: size,
      maxBytes: max,
    },
  );

/** Reads any input into bytes, refusing oversize input before reading it whole where possible. */
export async function readInput(input: ParseInput, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  if (typeof input === 'string') {
    let size: number;
    try {
      const st = await stat(input);
      if (!st.isFile()) throw new PolicyError('READ_FAILED', `不是文件：${input}`);
      size = st.size;
    } catch (e) {
      if (e instanceof PolicyError) throw e;
      throw new PolicyError('FILE_NOT_FOUND', `找不到文件：${input}`);
    }
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    return readFile(input);
  }
  if (input instanceof Uint8Array) {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes);
    return input;
  }
  if ('text' in input && typeof input.text === 'string') return Buffer.from(input.text, 'utf8');
  return readStream(input as Readable, maxBytes);
}

/** Normalise + extract over an already loaded document. */
export function parseLoaded(loaded: LoadedDocument, budget: Budget, fileName: string | null): ParseResult {
  const norm = normalise(loaded.text, {
    format: loaded.format,
    lineFill: loaded.lineFill,
    onProgress: (s) => budget.check(s),
  });
  budget.check('normalise');
  const policy = extract(norm, { budget });
  return {
    policy,
    originalText: loaded.text,
    normalisedText: norm.text,
    offsets: norm.mapped.map,
    format: loaded.format,
    encoding: loaded.encoding,
    warnings: [...loaded.warnings, ...norm.warnings],
    engineVersion: ENGINE_VERSION,
    fileName,
  };
}

export async function parsePolicy(input: ParseInput, opts: ParseOptions = {}): Promise<ParseResult> {
  const budget = new Budget(opts.timeBudgetMs ?? 30_000);
  const fileName = opts.fileName ?? (typeof input === 'string' ? input : null);
  try {
    const bytes = await readInput(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    budget.check('read');
    const loaded = await loadDocument(bytes, {
      fileName: fileName ?? undefined,
      mime: opts.mime,
      timeBudgetMs: Math.max(1, budget.remaining()),
      maxChars: opts.maxChars,
      memoryMb: opts.memoryMb,
    });
    budget.check('load');
    return parseLoaded(loaded, budget, fileName);
  } catch (e) {
    throw toPolicyError(e);
  }
}

/** Parses text already in memory (no format detection: it is read as plain text). */
export function parseText(
  text: string,
  opts: Pick<ParseOptions, 'timeBudgetMs' | 'maxChars' | 'fileName'> = {},
): ParseResult {
  const max = opts.maxChars ?? 10_000_000;
  if (text.length > max)
    throw new PolicyError('TEXT_TOO_LONG', `文字过多（${text.length} 字，上限 ${max} 字）`);
  if (!text.trim()) throw new PolicyError('EMPTY_DOCUMENT', '没有可读取的文字');
  assertReadable(text);
  const budget = new Budget(opts.timeBudgetMs ?? 30_000);
  return parseLoaded({ text, format: 'text', encoding: null, warnings: [] }, budget, opts.fileName ?? null);
}

/** The JSON the CLI prints and the scorer reads: the spec's object plus a `source` record. */
export function toPolicyJson(r: ParseResult): Policy & { source: Record<string, unknown> } {
  return {
    ...r.policy,
    source: {
      fileName: r.fileName,
      format: r.format,
      encoding: r.encoding,
      engineVersion: r.engineVersion,
      warnings: r.warnings,
    },
  };
}
