import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { AuditSubject } from '../../auth/actor';
import { generatePassword, hashPassword } from '../../auth/password';
import type { Role } from '../../auth/roles';
import type { Db } from '../../db/client';
import { departments, orgUnits, users } from '../../db/schema';
import { ensureCatalogue } from '../departments/service';

/**
 * The demo county: a made-up banner under 呼伦贝尔市 with a code no real unit uses (GB/T 2260
 * leaves 150799 free), so demo rows never mix with a real county's data.
 */
export const DEMO_COUNTY = { code: '150799', name: '演示旗', parentCode: '150700' };
export const DEMO_TOWNSHIPS = [
  { code: '150799100', name: '东风镇（演示）' },
  { code: '150799101', name: '红旗镇（演示）' },
  { code: '150799200', name: '向阳乡（演示）' },
];

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  department?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'demo-region', displayName: '演示-自治区科技厅', role: 'bureau', orgUnitCode: '150000' },
  { username: 'demo-city', displayName: '演示-呼伦贝尔市科技局', role: 'bureau', orgUnitCode: '150700' },
  {
    username: 'demo-bureau',
    displayName: '演示-演示旗科技局',
    role: 'bureau',
    orgUnitCode: DEMO_COUNTY.code,
  },
  {
    username: 'demo-nongmu',
    displayName: '演示-农牧局',
    role: 'department',
    orgUnitCode: DEMO_COUNTY.code,
    department: '农牧局',
  },
  {
    username: 'demo-gongxin',
    displayName: '演示-工信局',
    role: 'department',
    orgUnitCode: DEMO_COUNTY.code,
    department: '工信局',
  },
  {
    username: 'demo-caizheng',
    displayName: '演示-财政局',
    role: 'department',
    orgUnitCode: DEMO_COUNTY.code,
    department: '财政局',
  },
  {
    username: 'demo-township',
    displayName: '演示-东风镇',
    role: 'department',
    orgUnitCode: DEMO_COUNTY.code,
    department: '东风镇（演示）人民政府',
  },
  { username: 'demo-entity', displayName: '演示-科技企业', role: 'entity', orgUnitCode: DEMO_COUNTY.code },
  {
    username: 'demo-commissioner',
    displayName: '演示-科技特派员',
    role: 'commissioner',
    orgUnitCode: DEMO_COUNTY.code,
  },
];

/** Creates the demo county and its users; existing demo users keep their passwords and are not listed. */
export async function loadDemoUsers(db: Db, who: AuditSubject, now: Date) {
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.code, DEMO_COUNTY.parentCode));
  if (!city) throw new Error('行政区划尚未载入（缺少呼伦贝尔市 150700）');
  const countyPath = `${city.path}${DEMO_COUNTY.code}/`;
  await db
    .insert(orgUnits)
    .values([
      {
        code: DEMO_COUNTY.code,
        name: DEMO_COUNTY.name,
        level: 'county',
        parentCode: city.code,
        path: countyPath,
        sortOrder: 9999,
        isDemo: true,
      },
      ...DEMO_TOWNSHIPS.map((t, i) => ({
        code: t.code,
        name: t.name,
        level: 'township',
        parentCode: DEMO_COUNTY.code,
        path: `${countyPath}${t.code}/`,
        sortOrder: i,
        isDemo: true,
      })),
    ])
    .onConflictDoNothing();
  await ensureCatalogue(db, DEMO_COUNTY.code, now);
  const password = generatePassword(12);
  const passwordHash = await hashPassword(password);
  const created: Array<{ username: string; role: Role; displayName: string; password: string }> = [];
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, u.username));
      if (exists) continue;
      const [dept] = u.department
        ? await tx
            .select({ id: departments.id })
            .from(departments)
            .where(and(eq(departments.orgUnitCode, u.orgUnitCode), eq(departments.name, u.department)))
        : [];
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          orgUnitCode: u.orgUnitCode,
          departmentId: dept?.id ?? null,
          passwordHash,
          // Demo accounts are for trying the platform: no forced change.
          mustChangePassword: false,
          isDemo: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      await writeAudit(tx, who, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        after: { ...u, isDemo: true },
      });
      created.push({ username: u.username, role: u.role, displayName: u.displayName, password });
    }
  });
  return created;
}
