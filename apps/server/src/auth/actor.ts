import type { Role } from './roles';

/** Who is calling: the signed-in user as every service and scope check sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  /** Path of the user's org unit ('/000000/150000/150700/150721/'): the data scope is its subtree. */
  orgPath: string;
  departmentId: string | null;
  mustChangePassword: boolean;
  /** Client address as Fastify sees it (trustProxy decides whether X-Forwarded-For counts). */
  ip: string;
  sessionId: string;
}

/** Who did something, for the audit log: an actor, or an anonymous caller (failed sign-in). */
export interface AuditSubject {
  id: string | null;
  username: string | null;
  role: string | null;
  orgUnitCode: string | null;
  ip: string | null;
}

export const systemSubject: AuditSubject = {
  id: null,
  username: 'system',
  role: null,
  orgUnitCode: null,
  ip: null,
};
