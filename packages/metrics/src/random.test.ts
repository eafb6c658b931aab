import { describe, expect, it } from 'vitest';
import { createRng, discreteIndices } from './random';

describe('seeded sampling', () => {
  it('the same seed gives the same stream, another seed another one', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("maps draws onto alternatives: ⌊u·k⌋, or R's cut(u, k) over the observed range as COINr does", () => {
    const u = Float64Array.of(0.1, 0.5, 0.9, 0.3);
    expect(Array.from(discreteIndices(u, 2))).toEqual([0, 1, 1, 0]);
    // cut(c(.1,.5,.9,.3), 2): breaks .1−.0008, .5, .9+.0008, intervals closed on the right.
    expect(Array.from(discreteIndices(u, 2, 'coinr'))).toEqual([0, 0, 1, 0]);
    expect(Array.from(discreteIndices(u, 1))).toEqual([0, 0, 0, 0]);
  });
});
