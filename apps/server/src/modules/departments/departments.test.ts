import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createSignedInUser,
  createTestPlatform,
  ENGINES,
  signInAdmin,
  type TestPlatform,
} from '../../../test/harness';

interface Dept {
  id: string;
  name: string;
  aliases: string[];
  version: number;
  kind: string;
}

describe.each(ENGINES)('departments and aliases on %s', (engine) => {
  let p: TestPlatform;
  let admin: ApiClient;
  beforeAll(async () => {
    p = await createTestPlatform(engine);
    admin = await signInAdmin(p.app);
  });
  afterAll(() => p?.close());
  const list = async (code = '150721') =>
    (await admin.get(`/api/departments?orgUnitCode=${code}`)).json() as Dept[];

  it('seeds a county’s catalogue on first use, with one government per township', async () => {
    const deps = await list();
    expect(deps.length).toBeGreaterThan(40);
    expect(deps.find((d) => d.name === '科技局')).toMatchObject({ kind: 'bureau' });
    expect(deps.filter((d) => d.kind === 'township').every((d) => d.name.endsWith('人民政府'))).toBe(true);
    expect((await list()).length).toBe(deps.length); // idempotent
  });

  it('adds, renames and removes aliases, and refuses a name owned by another department', async () => {
    const keji = (await list()).find((d) => d.name === '科技局')!;
    const res = await admin.patch(`/api/departments/${keji.id}`, {
      aliases: [...keji.aliases, '科技和信息化局'],
      version: keji.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().aliases).toContain('科技和信息化局');
    const clash = await admin.patch(`/api/departments/${keji.id}`, {
      aliases: ['财政局'],
      version: res.json().version,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('DEPARTMENT_NAME_TAKEN');
    const resolved = (
      await admin.post('/api/departments/resolve', {
        orgUnitCode: '150721',
        names: ['科技和信息化局', '教科体局', '气象局'],
      })
    ).json();
    expect(resolved.map((r: { status: string }) => r.status)).toEqual(['resolved', 'resolved', 'unresolved']);
  });

  it('creates and soft-deletes a department; its name becomes free again', async () => {
    const created = await admin.post('/api/departments', {
      orgUnitCode: '150721',
      name: '气象局',
      kind: 'department',
      aliases: ['阿荣旗气象局'],
    });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect((await admin.delete(`/api/departments/${d.id}?version=${d.version + 5}`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/departments/${d.id}?version=${d.version}`)).statusCode).toBe(200);
    expect((await list()).some((x) => x.name === '气象局')).toBe(false);
    expect(
      (await admin.post('/api/departments', { orgUnitCode: '150721', name: '气象局', kind: 'department' }))
        .statusCode,
    ).toBe(201);
  });

  it('lets department users read their county’s departments but not edit them', async () => {
    const deps = await list();
    const { client } = await createSignedInUser(p.app, admin, {
      username: 'nongmu',
      role: 'department',
      orgUnitCode: '150721',
      departmentId: deps.find((d) => d.name === '农牧局')!.id,
    });
    expect((await client.get('/api/departments?orgUnitCode=150721')).statusCode).toBe(200);
    const res = await client.post('/api/departments', {
      orgUnitCode: '150721',
      name: '新局',
      kind: 'department',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('org tree', () => {
  let p: TestPlatform;
  let admin: ApiClient;
  beforeAll(async () => {
    p = await createTestPlatform('pglite');
    admin = await signInAdmin(p.app);
  });
  afterAll(() => p?.close());

  it('counts children and gives the path from the root', async () => {
    const arong = (await admin.get('/api/org-units/150721')).json();
    expect(arong.childCount).toBeGreaterThan(5);
    expect(arong.path.map((x: { name: string }) => x.name)).toEqual([
      '全国',
      '内蒙古自治区',
      '呼伦贝尔市',
      '阿荣旗',
    ]);
    const provinces = (await admin.get('/api/org-units/000000/children')).json();
    expect(provinces.length).toBe(34);
    expect(provinces.find((x: { code: string }) => x.code === '150000').childCount).toBe(12);
    const towns = (await admin.get('/api/org-units/150721/children')).json();
    expect(
      towns.every((t: { level: string; childCount: number }) => t.level === 'township' && t.childCount === 0),
    ).toBe(true);
  });
});
