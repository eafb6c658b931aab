// Builds a derived string while remembering, for every character, the offset of the character of the
// original it came from. No library keeps such a map through arbitrary deletions and joins, so it is
// written here; it is a growable Int32Array, one slot per output character.

export class MappedText {
  constructor(
    readonly text: string,
    /** map[i] = original offset of text[i]; map[text.length] = original end. */
    readonly map: Int32Array,
  ) {}

  /** Original [start, end) for a derived [start, end). */
  toOriginal(start: number, end: number): [number, number] {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    if (e === s) return [this.map[s], this.map[s]];
    return [this.map[s], this.map[e - 1] + 1];
  }
}

export class MappedTextBuilder {
  private chunks: string[] = [];
  private map = new Int32Array(1024);
  private length = 0;

  private grow(need: number): void {
    if (this.length + need <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < this.length + need) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.length));
    this.map = next;
  }

  /** Copies source[from, to) verbatim. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.grow(to - from);
    this.chunks.push(source.slice(from, to));
    for (let i = from; i < to; i++) this.map[this.length++] = i;
  }

  /** Appends text that stands for the original position `at` (e.g. a paragraph break). */
  insert(text: string, at: number): void {
    this.grow(text.length);
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) this.map[this.length++] = at;
  }

  get size(): number {
    return this.length;
  }

  lastChar(): string {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last[last.length - 1] : '';
  }

  build(originalEnd: number): MappedText {
    this.grow(1);
    this.map[this.length] = originalEnd;
    return new MappedText(this.chunks.join(''), this.map.slice(0, this.length + 1));
  }
}
