import { describe, expect, it } from 'vitest';
import { MetricsError } from './errors';
import { loadFramework } from './framework';
import { asemAvailable, loadAsem } from './testing/asem';

function errorOf(f: () => unknown): MetricsError {
  try {
    f();
  } catch (e) {
    if (e instanceof MetricsError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const base = { id: 't', name: '测试' };

describe('framework as data', () => {
  it('compiles a tree of any depth, with COINr levels and children-first order', () => {
    const fw = loadFramework({
      ...base,
      index: {
        code: 'I',
        children: [
          {
            code: 'D1',
            children: [{ code: 'S1', children: [{ code: 'x1' }, { code: 'x2' }] }, { code: 'x3' }],
          },
          { code: 'x4' },
        ],
      },
    });
    expect(fw.indicators).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(fw.aggregates).toEqual(['S1', 'D1', 'I']);
    expect(fw.nodes.get('S1')!.level).toBe(2);
    expect(fw.nodes.get('D1')!.level).toBe(3);
    expect(fw.nodes.get('I')!.level).toBe(4);
    expect(fw.aggregatesTopDown).toEqual(['I', 'D1', 'S1']);
  });

  it('rejects weights that do not add up where they must, naming the group', () => {
    const e = errorOf(() =>
      loadFramework({
        ...base,
        weights: 'sum-to-one',
        index: {
          code: 'I',
          children: [
            {
              code: 'D1',
              weight: 0.5,
              children: [
                { code: 'x1', weight: 0.7 },
                { code: 'x2', weight: 0.2 },
              ],
            },
            { code: 'D2', weight: 0.5, children: [{ code: 'x3', weight: 1 }] },
          ],
        },
      }),
    );
    expect(e.code).toBe('WEIGHTS_DO_NOT_SUM');
    expect(e.message).toContain('D1');
    expect(e.message).toContain('x1');
    expect(e.message).toContain('0.9');
    expect(e.details.indicator).toBe('D1');
  });

  it('rejects duplicate codes, zero weight groups and malformed fields with a path', () => {
    expect(
      errorOf(() =>
        loadFramework({ ...base, index: { code: 'I', children: [{ code: 'x' }, { code: 'x' }] } }),
      ).code,
    ).toBe('INVALID_FRAMEWORK');
    expect(
      errorOf(() =>
        loadFramework({
          ...base,
          index: {
            code: 'I',
            children: [
              { code: 'x', weight: 0 },
              { code: 'y', weight: 0 },
            ],
          },
        }),
      ).code,
    ).toBe('INVALID_WEIGHT');
    const e = errorOf(() =>
      loadFramework({ ...base, index: { code: 'I', children: [{ code: 'x', direction: 2 }] } }),
    );
    expect(e.code).toBe('INVALID_FRAMEWORK');
    expect(e.message).toContain('index.children[0].direction');
    expect(e.messageEn).toContain('index.children[0].direction');
    expect(errorOf(() => loadFramework({ ...base, index: { code: 'I' } })).code).toBe('INVALID_FRAMEWORK');
    expect(
      errorOf(() => loadFramework({ ...base, index: { code: 'I', children: [{ code: 'x', colour: 1 }] } }))
        .code,
    ).toBe('INVALID_FRAMEWORK');
  });

  it.skipIf(!asemAvailable)('reads a COINr iMeta table', () => {
    const { fw } = loadAsem();
    expect(fw.indicators).toHaveLength(49);
    expect(fw.aggregates).toHaveLength(11);
    expect(fw.levels).toBe(4);
    expect(fw.nodes.get('CostImpEx')!.direction).toBe(-1);
    expect(fw.nodes.get('Flights')!.denominator).toBe('Population');
    expect(fw.spec.groups.map((g) => g.code)).toContain('EurAsia_group');
  });
});
