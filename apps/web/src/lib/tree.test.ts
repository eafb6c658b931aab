import { describe, expect, it } from 'vitest';
import { ancestorsWithin, findNode, type LazyNode, withChildren } from './tree';

const path = [
  { code: '000000', name: '全国' },
  { code: '150000', name: '内蒙古自治区' },
  { code: '150700', name: '呼伦贝尔市' },
  { code: '150721', name: '阿荣旗' },
];

describe('ancestorsWithin', () => {
  it('opens from the tree root down to the parent, whether or not path includes the unit', () => {
    expect(ancestorsWithin(path, '000000', '150721')).toEqual(['000000', '150000', '150700']);
    expect(ancestorsWithin(path.slice(0, 3), '000000', '150721')).toEqual(['000000', '150000', '150700']);
  });
  it('starts at a county user own root and refuses units outside it', () => {
    expect(ancestorsWithin([...path, { code: '150721100', name: '那吉镇' }], '150721', '150721100')).toEqual([
      '150721',
    ]);
    expect(ancestorsWithin(path, '150100', '150721')).toBeNull();
    expect(ancestorsWithin(path, '150721', '150721')).toEqual([]);
  });
});

describe('withChildren', () => {
  it('attaches children deep in the tree without touching other branches', () => {
    const tree: LazyNode[] = [
      {
        key: '000000',
        title: '全国',
        isLeaf: false,
        children: [
          { key: '110000', title: '北京市', isLeaf: false },
          { key: '150000', title: '内蒙古自治区', isLeaf: false },
        ],
      },
    ];
    const next = withChildren(tree, '150000', [{ key: '150700', title: '呼伦贝尔市', isLeaf: false }]);
    expect(findNode(next, '150700')?.title).toBe('呼伦贝尔市');
    expect(next[0].children?.[0]).toBe(tree[0].children?.[0]);
    expect(findNode(tree, '150700')).toBeUndefined();
    expect(findNode(withChildren(next, '150700', []), '150700')?.isLeaf).toBe(true);
  });
});
