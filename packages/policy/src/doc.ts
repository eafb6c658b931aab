// The normalised document as the extractors see it: paragraphs over two same-length strings, the
// text in the document's own script (`text`, for output) and its simplified, folded copy (`match`,
// for rules).
import type { NormalisedText } from './normalise/index.js';
import type { Script, Span } from './types.js';

export interface Para {
  index: number;
  /** [start, end) in text/match. */
  start: number;
  end: number;
}

export class Doc {
  readonly text: string;
  readonly match: string;
  readonly paras: Para[];
  readonly script: Script;

  private ticks = 0;

  /** Called by extractors once per paragraph; every 256 calls it checks the time budget. */
  tick(stage: string): void {
    if (++this.ticks % 256 === 0) this.onTick?.(stage);
  }

  constructor(
    private readonly norm: NormalisedText,
    private readonly onTick?: (stage: string) => void,
  ) {
    this.text = norm.text;
    this.match = norm.match;
    this.script = norm.script;
    this.paras = [];
    let start = 0;
    for (let i = 0; i <= this.text.length; i++) {
      if (i === this.text.length || this.text[i] === '\n') {
        if (i > start) this.paras.push({ index: this.paras.length, start, end: i });
        start = i + 1;
      }
    }
  }

  /** Paragraph text in the document's script. */
  t(p: Para): string {
    return this.text.slice(p.start, p.end);
  }

  /** Paragraph matching text (simplified, folded). */
  m(p: Para): string {
    return this.match.slice(p.start, p.end);
  }

  /** Output string for [start, end): the document's own script, line breaks removed. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end).replace(/\n/g, '').trim();
  }

  span(start: number, end: number): Span {
    return this.norm.mapped.toOriginal(start, end);
  }
}
