// Helpers for the lazily loaded org tree. Pure, so the insertion rules are unit-tested.

export interface LazyNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: LazyNode[];
}

/** Returns a new tree in which the node `key` has `children`; other branches are shared. */
export function withChildren(nodes: LazyNode[], key: string, children: LazyNode[]): LazyNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: withChildren(n.children, key, children) };
    return n;
  });
}

export function findNode(nodes: LazyNode[], key: string): LazyNode | undefined {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = n.children && findNode(n.children, key);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The keys to open, top-down, to reveal a unit found by search: its ancestors from the tree's
 * root on (a county user's tree starts at the county, so higher levels are skipped). Returns
 * null when the unit is outside the tree.
 */
export function ancestorsWithin(
  path: { code: string }[],
  rootCode: string,
  targetCode: string,
): string[] | null {
  const codes = path.map((p) => p.code).filter((c) => c !== targetCode);
  if (targetCode === rootCode) return [];
  const start = codes.indexOf(rootCode);
  return start === -1 ? null : codes.slice(start);
}
