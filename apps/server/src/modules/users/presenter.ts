import { eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES } from '../../auth/roles';
import type { Queryable } from '../../db/client';
import { departments, orgUnits, users } from '../../db/schema';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** Users as the API shows them: never the hash, always names next to codes. */
export function selectUserViews(q: Queryable, where: SQL | undefined) {
  return q
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      orgUnitCode: users.orgUnitCode,
      orgUnitName: orgUnits.name,
      departmentId: users.departmentId,
      departmentName: departments.name,
      mustChangePassword: users.mustChangePassword,
      disabled: users.disabled,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
      isDemo: users.isDemo,
      version: users.version,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectUserViews>>[number];

export function presentUser(r: Row, now = new Date()): UserView {
  return {
    ...r,
    role: r.role as UserView['role'],
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.toISOString() : null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function findUserView(q: Queryable, id: string, now?: Date): Promise<UserView | null> {
  const [row] = await selectUserViews(q, eq(users.id, id));
  return row ? presentUser(row, now) : null;
}
