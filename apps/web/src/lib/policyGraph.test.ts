import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../api/policies';
import { COLUMN_WIDTH, layoutGraph, ROW_HEIGHT } from './policyGraph';

const node = (id: string, over: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind: 'policy',
  title: id,
  docNumber: null,
  orgUnitCode: null,
  issuerLevel: null,
  year: null,
  ...over,
});

describe('layoutGraph', () => {
  it('puts levels in columns from national to county and stacks by year', () => {
    const pos = layoutGraph({
      nodes: [
        node('county-2022', { issuerLevel: 'county', year: 2022 }),
        node('county-2021', { issuerLevel: 'county', year: 2021 }),
        node('region', { issuerLevel: 'region' }),
        node('cited', { kind: 'placeholder', docNumber: '国办发〔2017〕43号' }),
        node('unknown', { kind: 'placeholder' }),
      ],
      edges: [{ source: 'county-2021', target: 'unknown', relation: 'implements' }],
      truncated: false,
    });
    expect(pos.get('cited')).toEqual({ x: 0, y: 0, column: 0 });
    expect(pos.get('region')?.x).toBe(COLUMN_WIDTH);
    expect(pos.get('county-2021')).toEqual({ x: 3 * COLUMN_WIDTH, y: 0, column: 3 });
    expect(pos.get('county-2022')?.y).toBe(ROW_HEIGHT);
    // A placeholder with no level sits one column left of the document citing it.
    expect(pos.get('unknown')?.column).toBe(2);
  });
});
