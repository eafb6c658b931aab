import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit';
import type { Actor } from '../../auth/actor';
import { generatePassword, hashPassword } from '../../auth/password';
import type { Role } from '../../auth/roles';
import { requireOrgUnitInScope } from '../../auth/scope';
import { endUserSessions } from '../../auth/sessions';
import type { Db, Queryable } from '../../db/client';
import { departments, orgUnits, users } from '../../db/schema';
import { badRequest, conflict, notFound, versionConflict } from '../../http/errors';
import { authorizeUserManagement } from './policy';
import { findUserView, type UserView } from './presenter';

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  departmentId?: string | null;
}

async function checkDepartment(
  q: Queryable,
  role: Role,
  orgUnitCode: string,
  departmentId: string | null | undefined,
) {
  if (role !== 'department') return null;
  if (!departmentId) throw badRequest('DEPARTMENT_REQUIRED', '责任部门用户必须选择所属部门');
  const [d] = await q.select().from(departments).where(eq(departments.id, departmentId));
  if (!d || d.deletedAt || d.orgUnitCode !== orgUnitCode) {
    throw badRequest('DEPARTMENT_MISMATCH', '所选部门不属于该用户的行政区划/单位');
  }
  return d.id;
}

async function loadTarget(q: Queryable, id: string) {
  const [row] = await q
    .select({ user: users, orgPath: orgUnits.path })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.code, users.orgUnitCode))
    .where(eq(users.id, id));
  if (!row) throw notFound('用户');
  return row;
}

export async function createUser(db: Db, actor: Actor, input: UserInput, now: Date) {
  const username = input.username.trim().toLowerCase();
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    const unit = await requireOrgUnitInScope(tx, actor, input.orgUnitCode);
    authorizeUserManagement(actor, { role: input.role, orgPath: unit.path });
    const departmentId = await checkDepartment(tx, input.role, unit.code, input.departmentId);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw conflict('USERNAME_TAKEN', `用户名 ${username} 已被使用`);
    const [created] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim(),
        role: input.role,
        orgUnitCode: unit.code,
        departmentId,
        passwordHash,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    const user = (await findUserView(tx, created.id, now))!;
    await writeAudit(tx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: user,
    });
    return { user, initialPassword };
  });
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  orgUnitCode?: string;
  departmentId?: string | null;
  disabled?: boolean;
  version: number;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: UserPatch,
  now: Date,
): Promise<UserView> {
  return db.transaction(async (tx) => {
    const { user, orgPath } = await loadTarget(tx, id);
    authorizeUserManagement(actor, { role: user.role, orgPath });
    const before = (await findUserView(tx, id, now))!;
    if (patch.version !== user.version) throw versionConflict(before);
    const role = patch.role ?? (user.role as Role);
    const orgUnitCode = patch.orgUnitCode ?? user.orgUnitCode;
    const unit = await requireOrgUnitInScope(tx, actor, orgUnitCode);
    authorizeUserManagement(actor, { role, orgPath: unit.path });
    if (id === actor.id && (patch.disabled || (patch.role && patch.role !== user.role))) {
      throw badRequest('SELF_LOCKOUT', '不能停用自己的账户或修改自己的角色');
    }
    const departmentId = await checkDepartment(
      tx,
      role,
      orgUnitCode,
      patch.departmentId === undefined ? user.departmentId : patch.departmentId,
    );
    const updated = await tx
      .update(users)
      .set({
        displayName: patch.displayName?.trim() ?? user.displayName,
        role,
        orgUnitCode,
        departmentId,
        disabled: patch.disabled ?? user.disabled,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.id, id), eq(users.version, patch.version)))
      .returning({ id: users.id });
    if (!updated.length) throw versionConflict(before);
    // A disabled account, or one whose scope changed, must sign in again.
    if (patch.disabled || orgUnitCode !== user.orgUnitCode || role !== user.role)
      await endUserSessions(tx, id);
    const after = (await findUserView(tx, id, now))!;
    await writeAudit(tx, actor, { action: 'user.update', targetType: 'user', targetId: id, before, after });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, now: Date) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    const { user, orgPath } = await loadTarget(tx, id);
    authorizeUserManagement(actor, { role: user.role, orgPath });
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
    await endUserSessions(tx, id);
    await writeAudit(tx, actor, {
      action: 'user.resetPassword',
      targetType: 'user',
      targetId: id,
      after: { mustChangePassword: true },
    });
    return { initialPassword };
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string, now: Date): Promise<UserView> {
  return db.transaction(async (tx) => {
    const { user, orgPath } = await loadTarget(tx, id);
    authorizeUserManagement(actor, { role: user.role, orgPath });
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
    await writeAudit(tx, actor, {
      action: 'user.unlock',
      targetType: 'user',
      targetId: id,
      before: { lockedUntil: user.lockedUntil },
      after: { lockedUntil: null },
    });
    return (await findUserView(tx, id, now))!;
  });
}
