import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../../../api/ledger';
import { buildTree } from './ItemsTab';

const item = (id: string, parentId: string | null): LedgerItem => ({ id, parentId }) as LedgerItem;

describe('buildTree', () => {
  it('nests items under their parents in ledger order, orphans at the top', () => {
    const tree = buildTree([
      item('a', null),
      item('b', 'a'),
      item('c', 'b'),
      item('d', 'a'),
      item('e', 'gone'),
    ]);
    expect(tree.map((r) => r.id)).toEqual(['a', 'e']);
    expect(tree[0].children?.map((r) => r.id)).toEqual(['b', 'd']);
    expect(tree[0].children?.[0].children?.map((r) => r.id)).toEqual(['c']);
    expect(tree[1].children).toBeUndefined();
  });
});
