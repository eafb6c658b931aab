// Public API of @innocounty/policy.

export { Budget, isPolicyError, PolicyError, type PolicyErrorCode } from './errors.js';
export { extract } from './extract.js';
export { DEFAULT_MAX_CHARS, type LoadedDocument, type LoadOptions, loadDocument } from './load/index.js';
export { closeSandbox } from './load/sandbox.js';
export { type NormalisedText, normalise } from './normalise/index.js';
export { parseChineseInteger, parseNumber } from './numerals.js';
export {
  DEFAULT_MAX_BYTES,
  ENGINE_VERSION,
  type ParseInput,
  type ParseOptions,
  type ParseResult,
  parseLoaded,
  parsePolicy,
  parseText,
  toPolicyJson,
} from './parse.js';
export type * from './types.js';
