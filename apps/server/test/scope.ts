import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type ApiClient, createSignedInUser } from './harness';

/**
 * The cross-county matrix: for every org-scoped route, a probe that aims a request at a
 * resource of ANOTHER county. Each module keeps its probes beside its code (modules/<m>/scope.probes.ts)
 * and lists them in test/probes.ts; test/access.test.ts fails for any route without a probe.
 */
export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** For bodies that are not JSON (multipart uploads). */
  headers?: Record<string, string>;
}

export interface ScopeProbe {
  /** 'METHOD /api/path/:param' exactly as registered. */
  route: string;
  /** Builds the request at county B's resource (creating it as admin through `fx` if needed). */
  request(fx: ScopeFixtures): Promise<ProbeRequest>;
  /** List routes answer 200; this says whether county B's data leaked into the answer. */
  leaked?(res: LightMyRequestResponse, fx: ScopeFixtures): boolean;
  /** Who must succeed with the same request (proves the probe reaches a real resource). Default: B's bureau. */
  control?: 'otherBureau' | 'admin' | 'cityBureau' | 'otherDepartment';
}

/** Routes that are not about an org unit's data, with the reason. */
export interface ScopeExemption {
  route: string;
  reason: string;
}

export const HOME = '150721'; // 阿荣旗
export const OTHER = '150722'; // 莫力达瓦达斡尔族自治旗, same city
export const CITY = '150700'; // 呼伦贝尔市

export interface ScopeFixtures {
  app: FastifyInstance;
  admin: ApiClient;
  /** Signed-in users of the home county, one per role; they must never reach OTHER's data. */
  home: Record<'bureau' | 'department' | 'entity' | 'commissioner', ApiClient>;
  otherBureau: ApiClient;
  cityBureau: ApiClient;
  /** A user of OTHER's 财政局 (not otherUserId, which user probes reset), the control for department-only routes. */
  otherDepartment: ApiClient;
  /** A department and a user of OTHER, for probes that need one. */
  otherDepartmentId: string;
  otherUserId: string;
  /** Module probes cache what they create here (memo('policy', () => …)). */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export async function buildScopeFixtures(app: FastifyInstance, admin: ApiClient): Promise<ScopeFixtures> {
  const deps = async (code: string) =>
    (await admin.get(`/api/departments?orgUnitCode=${code}`)).json() as Array<{ id: string; name: string }>;
  const homeDeps = await deps(HOME);
  const otherDeps = await deps(OTHER);
  const mk = async (username: string, role: string, orgUnitCode: string, departmentId?: string) =>
    (await createSignedInUser(app, admin, { username, role, orgUnitCode, departmentId })).client;
  const home = {
    bureau: await mk('home-bureau', 'bureau', HOME),
    department: await mk('home-dept', 'department', HOME, homeDeps.find((d) => d.name === '农牧局')!.id),
    entity: await mk('home-entity', 'entity', HOME),
    commissioner: await mk('home-commissioner', 'commissioner', HOME),
  };
  const otherUser = await createSignedInUser(app, admin, {
    username: 'other-dept',
    role: 'department',
    orgUnitCode: OTHER,
    departmentId: otherDeps.find((d) => d.name === '财政局')!.id,
  });
  const cache = new Map<string, Promise<unknown>>();
  return {
    app,
    admin,
    home,
    otherBureau: await mk('other-bureau', 'bureau', OTHER),
    cityBureau: await mk('city-bureau', 'bureau', CITY),
    otherDepartment: await mk(
      'other-dept-2',
      'department',
      OTHER,
      otherDeps.find((d) => d.name === '财政局')!.id,
    ),
    otherDepartmentId: otherDeps.find((d) => d.name === '财政局')!.id,
    otherUserId: otherUser.user.id,
    memo<T>(key: string, make: () => Promise<T>) {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as Promise<T>;
    },
  };
}

export function send(client: ApiClient, r: ProbeRequest) {
  return client.request(
    r.method,
    r.url,
    r.body ?? (r.method === 'GET' || r.method === 'DELETE' ? undefined : {}),
    r.headers,
  );
}
