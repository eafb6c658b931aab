import * as OpenCC from 'opencc-js';

// One converter for the process: building it loads OpenCC's dictionaries (~100 ms).
let toSimplified: ((s: string) => string) | undefined;

/** Traditional → simplified (OpenCC t2s), for matching only; stored text keeps its own script. */
export function t2s(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/** The form two names are compared in: NFKC, simplified, no whitespace. */
export function matchKey(text: string): string {
  return t2s(text.normalize('NFKC')).replace(/\s+/g, '');
}
