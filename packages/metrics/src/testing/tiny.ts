// A small hand-checkable framework and data set for unit tests.
import { createDataset, type Dataset } from '../dataset';
import { type Framework, loadFramework } from '../framework';

/** Index ← A (a1, a2 [direction −1]) and B (b1, b2 weight 3). */
export function tinyFramework(extra: Record<string, unknown> = {}): Framework {
  return loadFramework({
    id: 'tiny',
    name: '演示小体系',
    groups: [{ code: 'zone' }],
    index: {
      code: 'Index',
      children: [
        {
          code: 'A',
          children: [
            { code: 'a1', standard: 10, goalposts: { lower: 0, upper: 20 }, target: 15 },
            { code: 'a2', direction: -1, standard: 4 },
          ],
        },
        {
          code: 'B',
          weight: 2,
          children: [{ code: 'b1' }, { code: 'b2', weight: 3 }],
        },
      ],
    },
    ...extra,
  });
}

export function tinyData(): Dataset {
  return createDataset({
    units: ['U1', 'U2', 'U3', 'U4', 'U5'],
    columns: {
      a1: [2, 4, 6, 8, 30],
      a2: [5, 3, null, 1, 2],
      b1: [10, 20, 30, 40, 50],
      b2: [1, 1, 2, 3, 5],
    },
    groups: { zone: ['x', 'x', 'y', 'y', 'y'] },
  });
}
