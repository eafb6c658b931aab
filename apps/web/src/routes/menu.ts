// Which menu entries a role sees, derived from the page table. Pure, so it is unit-tested; the
// layout only turns the result into antd Menu items.
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/translate';

export interface MenuGroupDef<G extends string = string> {
  key: G;
  titleKey: MessageKey;
}

export interface MenuPageDef<G extends string = string> {
  path: string;
  titleKey: MessageKey;
  roles: readonly Role[];
  group?: G;
  /** Reachable by URL (e.g. from a link) but not listed in the menu. */
  hideInMenu?: boolean;
}

export interface MenuNode {
  key: string;
  labelKey: MessageKey;
  /** Set on leaves: the page path. Groups have children instead. */
  path?: string;
  children?: MenuNode[];
}

export function canSee(role: Role, page: Pick<MenuPageDef, 'roles'>): boolean {
  return page.roles.includes(role);
}

export const groupKey = (g: string) => `group:${g}`;

/**
 * Menu for one role: pages in table order; a group appears where its first visible page is,
 * and a group none of whose pages the role may open is left out rather than shown empty.
 */
export function menuForRole<G extends string>(
  role: Role,
  pages: readonly MenuPageDef<G>[],
  groups: readonly MenuGroupDef<G>[],
): MenuNode[] {
  const out: MenuNode[] = [];
  const groupNodes = new Map<string, MenuNode>();
  for (const page of pages) {
    if (page.hideInMenu || !canSee(role, page)) continue;
    const leaf: MenuNode = { key: page.path, labelKey: page.titleKey, path: page.path };
    if (!page.group) {
      out.push(leaf);
      continue;
    }
    let node = groupNodes.get(page.group);
    if (!node) {
      const def = groups.find((g) => g.key === page.group);
      if (!def) throw new Error(`page ${page.path} names unknown menu group ${page.group}`);
      node = { key: groupKey(def.key), labelKey: def.titleKey, children: [] };
      groupNodes.set(page.group, node);
      out.push(node);
    }
    node.children!.push(leaf);
  }
  return out;
}

/** The page a location belongs to: exact path, or the longest page path that prefixes it. */
export function pageForPath<P extends MenuPageDef>(pathname: string, pages: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of pages) {
    const hit = pathname === p.path || pathname.startsWith(`${p.path}/`);
    if (hit && (!best || p.path.length > best.path.length)) best = p;
  }
  return best;
}

/** Leaves of a menu, in order: what the home page offers as quick links. */
export function menuLeaves(nodes: readonly MenuNode[]): MenuNode[] {
  return nodes.flatMap((n) => (n.children ? menuLeaves(n.children) : [n]));
}
