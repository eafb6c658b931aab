// Who may read the policy library: bureau staff and departments of the unit (departments read
// the clauses they carry out), never an enterprise (entity) or a commissioner, whose accounts
// see their own records only (issue 2). Cross-county reads are covered by test/access.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createSignedInUser,
  createTestPlatform,
  ENGINES,
  signInAdmin,
  type TestPlatform,
} from '../../../test/harness';
import { multipart } from '../../../test/multipart';
import { probePolicyText } from './scope.probes';

const HOME = '150721';

describe.each(ENGINES)('policy library readers on %s', (engine) => {
  let p: TestPlatform;
  const users: Record<'bureau' | 'department' | 'entity' | 'commissioner', ApiClient> = {} as never;
  let policyId: string;

  beforeAll(async () => {
    p = await createTestPlatform(engine);
    const admin = await signInAdmin(p.app);
    const deps = (await admin.get(`/api/departments?orgUnitCode=${HOME}`)).json() as Array<{
      id: string;
      name: string;
    }>;
    for (const role of ['bureau', 'department', 'entity', 'commissioner'] as const)
      users[role] = (
        await createSignedInUser(p.app, admin, {
          username: `readers-${role}`,
          role,
          orgUnitCode: HOME,
          departmentId: role === 'department' ? deps.find((d) => d.name === '财政局')!.id : undefined,
        })
      ).client;
    const { body, headers } = multipart([
      { fileName: '读者.txt', content: probePolicyText('readers'), type: 'text/plain' },
    ]);
    const res = await users.bureau.request('POST', `/api/policies?orgUnitCode=${HOME}`, body, headers);
    expect(res.statusCode, res.body).toBe(201);
    policyId = res.json().results[0].id;
  });
  afterAll(() => p?.close());

  const reads = () => [
    `/api/policies?orgUnitCode=${HOME}`,
    '/api/policies/graph',
    `/api/policies/${policyId}`,
    `/api/policies/${policyId}/original`,
    `/api/policies/${policyId}/export`,
    `/api/policies/${policyId}/alignment`,
  ];

  it('bureau and department users of the unit read the library', async () => {
    for (const role of ['bureau', 'department'] as const)
      for (const url of reads()) {
        const res = await users[role].get(url);
        expect(res.statusCode, `${role} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
      }
    const list = (await users.department.get(`/api/policies?orgUnitCode=${HOME}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(policyId);
  });

  it('an enterprise (entity) or a commissioner of the same unit reads none of it', async () => {
    for (const role of ['entity', 'commissioner'] as const)
      for (const url of reads()) {
        const res = await users[role].get(url);
        expect(res.statusCode, `${role} ${url}: ${res.body.slice(0, 200)}`).toBe(403);
      }
  });
});
