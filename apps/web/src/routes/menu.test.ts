import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import type { MessageKey } from '../i18n/translate';
import { canSee, type MenuPageDef, menuForRole, menuLeaves, menuPageForPath, pageForPath } from './menu';
import { HOME_PATH, MENU_GROUPS, PAGES } from './pages';

const k = (s: string) => s as MessageKey;
const groups = [
  { key: 'a', titleKey: k('g.a') },
  { key: 'b', titleKey: k('g.b') },
];
const pages: MenuPageDef[] = [
  { path: '/home', titleKey: k('p.home'), roles: ['admin', 'bureau', 'department'] },
  { path: '/b/one', titleKey: k('p.b1'), roles: ['admin'], group: 'b' },
  { path: '/a/one', titleKey: k('p.a1'), roles: ['admin', 'bureau'], group: 'a' },
  { path: '/b/two', titleKey: k('p.b2'), roles: ['admin', 'bureau'], group: 'b' },
  { path: '/a/hidden', titleKey: k('p.ah'), roles: ['admin'], group: 'a', hideInMenu: true },
];

describe('menuForRole', () => {
  it('keeps table order and places a group where its first visible page is', () => {
    expect(menuForRole('admin', pages, groups)).toEqual([
      { key: '/home', labelKey: 'p.home', path: '/home' },
      {
        key: 'group:b',
        labelKey: 'g.b',
        children: [
          { key: '/b/one', labelKey: 'p.b1', path: '/b/one' },
          { key: '/b/two', labelKey: 'p.b2', path: '/b/two' },
        ],
      },
      { key: 'group:a', labelKey: 'g.a', children: [{ key: '/a/one', labelKey: 'p.a1', path: '/a/one' }] },
    ]);
  });

  it('drops pages the role may not open, and groups left empty', () => {
    const bureau = menuForRole('bureau', pages, groups);
    // /b/one is hidden from a bureau, so group b now starts after group a's first page.
    expect(menuLeaves(bureau).map((n) => n.path)).toEqual(['/home', '/a/one', '/b/two']);
    expect(menuForRole('department', pages, groups)).toEqual([
      { key: '/home', labelKey: 'p.home', path: '/home' },
    ]);
    expect(menuForRole('entity', pages, groups)).toEqual([]);
  });

  it('refuses a page that names a group not in the table', () => {
    expect(() =>
      menuForRole('admin', [{ path: '/x', titleKey: k('x'), roles: ['admin'], group: 'zz' }], groups),
    ).toThrow(/unknown menu group zz/);
  });
});

describe('pageForPath', () => {
  it('matches exactly or by the longest path prefix, never by a partial segment', () => {
    expect(pageForPath('/b/one', pages)?.path).toBe('/b/one');
    expect(pageForPath('/b/one/42/edit', pages)?.path).toBe('/b/one');
    expect(pageForPath('/b/onex', pages)).toBeUndefined();
  });

  const withParams: MenuPageDef[] = [
    { path: '/p', titleKey: k('list'), roles: ['admin'] },
    { path: '/p/upload', titleKey: k('upload'), roles: ['admin'] },
    { path: '/p/:id', titleKey: k('detail'), roles: ['admin'], hideInMenu: true },
    { path: '/p/:id/alignment', titleKey: k('align'), roles: ['admin'], hideInMenu: true },
  ];

  it('understands :param segments, preferring literal ones', () => {
    expect(pageForPath('/p/upload', withParams)?.titleKey).toBe('upload');
    expect(pageForPath('/p/42', withParams)?.titleKey).toBe('detail');
    expect(pageForPath('/p/42/alignment', withParams)?.titleKey).toBe('align');
    expect(pageForPath('/p', withParams)?.titleKey).toBe('list');
  });

  it('lights up the listed page a hidden detail page sits under', () => {
    expect(menuPageForPath('/p/42/alignment', withParams)?.path).toBe('/p');
    expect(menuPageForPath('/p/upload', withParams)?.path).toBe('/p/upload');
    expect(menuPageForPath('/q', withParams)).toBeUndefined();
  });
});

describe('the real page table', () => {
  const leaves = (role: (typeof ROLES)[number]) =>
    menuLeaves(menuForRole(role, PAGES, MENU_GROUPS)).map((n) => n.path);

  it('gives every role the workbench', () => {
    for (const role of ROLES) expect(leaves(role)).toContain(HOME_PATH);
  });

  it('gives the logs and demo data to administrators only', () => {
    for (const path of ['/system/login-log', '/system/audit-log', '/system/demo']) {
      expect(ROLES.filter((r) => leaves(r).includes(path))).toEqual(['admin']);
    }
  });

  it('lets a bureau manage its org tree, departments and users, but not the logs', () => {
    expect(leaves('bureau')).toEqual([
      HOME_PATH,
      '/policies',
      '/policies/upload',
      '/policies/graph',
      '/ledger/board',
      '/ledger',
      '/org/units',
      '/org/departments',
      '/system/users',
      '/system/roles',
    ]);
  });

  it('gives department users the workbench, the policies they carry out (to read) and their to-do list', () => {
    expect(leaves('department')).toEqual([HOME_PATH, '/policies', '/policies/graph', '/ledger/todo']);
  });

  it('gives entity and commissioner users only the workbench for now', () => {
    for (const role of ['entity', 'commissioner'] as const) expect(leaves(role)).toEqual([HOME_PATH]);
  });

  it('has unique paths, each under a known group or at the top', () => {
    expect(new Set(PAGES.map((p) => p.path)).size).toBe(PAGES.length);
    for (const p of PAGES) {
      if (p.group) expect(MENU_GROUPS.map((g) => g.key)).toContain(p.group);
      expect(canSee('admin', p)).toBe(true);
    }
  });
});
