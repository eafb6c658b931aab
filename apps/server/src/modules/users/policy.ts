import type { Actor } from '../../auth/actor';
import type { Role } from '../../auth/roles';
import { pathInScope } from '../../auth/scope';
import { forbidden } from '../../http/errors';

/**
 * Who may manage whom: an admin everyone; a bureau user the non-admin accounts of its own
 * subtree (so a county bureau can open accounts for its departments), never an admin account.
 */
export function authorizeUserManagement(
  actor: Actor,
  target: { role: Role | string; orgPath: string },
): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'bureau') throw forbidden();
  if (target.role === 'admin') throw forbidden('ROLE_NOT_ASSIGNABLE', '只有系统管理员可以管理管理员账户');
  if (!pathInScope(actor, target.orgPath)) throw forbidden('OUT_OF_SCOPE', '该用户不在您的数据范围内');
}
