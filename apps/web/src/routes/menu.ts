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

/**
 * How well a page path (which may hold `:param` segments, e.g. /policies/:id) matches a
 * location: null if not at all, else a score where longer patterns win and, at equal length,
 * literal segments beat parameters (/policies/upload beats /policies/:id). A pattern matches
 * the location itself or any location below it.
 */
export function matchScore(pattern: string, pathname: string): number | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (have.length < want.length) return null;
  let literals = 0;
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) continue;
    if (want[i] !== have[i]) return null;
    literals++;
  }
  const exact = have.length === want.length ? 1 : 0;
  return want.length * 1000 + exact * 100 + literals;
}

/** The page a location belongs to: the best-matching page path (see matchScore). */
export function pageForPath<P extends MenuPageDef>(pathname: string, pages: readonly P[]): P | undefined {
  let best: P | undefined;
  let bestScore = -1;
  for (const p of pages) {
    const score = matchScore(p.path, pathname);
    if (score !== null && score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The menu entry to highlight for a location. A page kept out of the menu (a detail page such
 * as /policies/:id) lights up the listed page it sits under (/policies).
 */
export function menuPageForPath<P extends MenuPageDef>(pathname: string, pages: readonly P[]): P | undefined {
  const listed = pages.filter((p) => !p.hideInMenu);
  const segments = pathname.split('/').filter(Boolean);
  // Walk up from the location itself: /policies/42/alignment, /policies/42, /policies.
  for (let n = segments.length; n > 0; n--) {
    const path = `/${segments.slice(0, n).join('/')}`;
    const hit = listed.find(
      (p) => p.path.split('/').filter(Boolean).length === n && matchScore(p.path, path) !== null,
    );
    if (hit) return hit;
  }
  return undefined;
}

/** Leaves of a menu, in order: what the home page offers as quick links. */
export function menuLeaves(nodes: readonly MenuNode[]): MenuNode[] {
  return nodes.flatMap((n) => (n.children ? menuLeaves(n.children) : [n]));
}
