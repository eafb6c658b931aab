import { randomBytes } from 'node:crypto';
import { multipart } from '../../../test/multipart';
import type { ScopeFixtures, ScopeProbe } from '../../../test/scope';
import { OTHER } from '../../../test/scope';

/** A short invented policy text; the tag makes each file distinct (no duplicate refusals). */
export function probePolicyText(tag: string): string {
  return [
    `探针县人民政府关于推进科技创新的实施方案（测试${tag}）`,
    '探政发〔2024〕9号',
    '一、重点任务',
    '（一）培育科技型企业。到2025年，全县科技型中小企业达到10家。（牵头单位：县科技局；配合单位：县财政局）',
    '（二）建设创新平台。建成县级创新平台2个。（牵头单位：县工信局）',
    '探针县人民政府',
    '2024年1月5日',
  ].join('\n');
}

export const uploadTo = (orgUnitCode: string, tag = randomBytes(6).toString('hex')) => {
  const { body, headers } = multipart([
    { fileName: `探针${tag}.txt`, content: probePolicyText(tag), type: 'text/plain' },
  ]);
  return { method: 'POST' as const, url: `/api/policies?orgUnitCode=${orgUnitCode}`, body, headers };
};

/** A policy of OTHER, uploaded by the admin; `key` keeps separate ones for destructive probes. */
const otherPolicy = (fx: ScopeFixtures, key = 'main') =>
  fx.memo(`policy:${key}`, async () => {
    const r = uploadTo(OTHER);
    const res = await fx.admin.request(r.method, r.url, r.body, r.headers);
    if (res.statusCode !== 201) throw new Error(`probe fixture upload failed: ${res.body}`);
    return res.json().results[0].id as string;
  });

const versionOf = async (fx: ScopeFixtures, id: string) =>
  (await fx.admin.get(`/api/policies/${id}`)).json().version as number;

export const policyProbes: ScopeProbe[] = [
  {
    route: 'POST /api/policies',
    request: async () => uploadTo(OTHER),
  },
  {
    route: 'GET /api/policies',
    request: async (fx) => {
      await otherPolicy(fx);
      return { method: 'GET', url: `/api/policies?pageSize=500&orgUnitCode=${OTHER}` };
    },
    leaked: (res) => res.statusCode === 200 && res.json().items.length > 0,
  },
  {
    route: 'GET /api/policies/graph',
    request: async (fx) => {
      await otherPolicy(fx);
      // The whole graph in the caller's scope: asking for OTHER by code is refused before the
      // query runs, so it would not show whether the query itself keeps to the scope.
      return { method: 'GET', url: '/api/policies/graph' };
    },
    leaked: (res) =>
      res.statusCode === 200 &&
      res.json().nodes.some((n: { orgUnitCode: string | null }) => n.orgUnitCode === OTHER),
  },
  {
    route: 'GET /api/policies/:id',
    request: async (fx) => ({ method: 'GET', url: `/api/policies/${await otherPolicy(fx)}` }),
  },
  {
    route: 'GET /api/policies/:id/original',
    request: async (fx) => ({ method: 'GET', url: `/api/policies/${await otherPolicy(fx)}/original` }),
  },
  {
    route: 'GET /api/policies/:id/export',
    request: async (fx) => ({ method: 'GET', url: `/api/policies/${await otherPolicy(fx)}/export` }),
  },
  {
    route: 'GET /api/policies/:id/alignment',
    request: async (fx) => ({ method: 'GET', url: `/api/policies/${await otherPolicy(fx)}/alignment` }),
  },
  {
    route: 'POST /api/policies/:id/corrections',
    request: async (fx) => {
      const id = await otherPolicy(fx);
      return {
        method: 'POST',
        url: `/api/policies/${id}/corrections`,
        body: {
          version: await versionOf(fx, id),
          kind: 'section',
          op: 'edit',
          itemId: 's:一/(二)',
          fields: { heading: `建设县级创新平台${randomBytes(3).toString('hex')}` },
        },
      };
    },
  },
  {
    route: 'DELETE /api/policies/:id/corrections/:correctionId',
    request: async (fx) => {
      const id = await otherPolicy(fx, 'revert');
      const detail = (await fx.admin.get(`/api/policies/${id}`)).json();
      let correctionId = detail.sections.find(
        (s: { correction: { correctionId: string } | null }) => s.correction,
      )?.correction.correctionId as string | undefined;
      if (!correctionId) {
        const made = await fx.admin.post(`/api/policies/${id}/corrections`, {
          version: detail.version,
          kind: 'section',
          op: 'edit',
          itemId: 's:一/(一)',
          fields: { heading: '培育科技型中小企业' },
        });
        if (made.statusCode !== 200) throw new Error(`probe fixture correction failed: ${made.body}`);
        const again = (await fx.admin.get(`/api/policies/${id}`)).json();
        correctionId = again.sections[1].correction.correctionId;
      }
      return {
        method: 'DELETE',
        url: `/api/policies/${id}/corrections/${correctionId}?version=${await versionOf(fx, id)}`,
      };
    },
  },
  {
    route: 'POST /api/policies/:id/reparse',
    request: async (fx) => ({ method: 'POST', url: `/api/policies/${await otherPolicy(fx)}/reparse` }),
  },
  {
    route: 'DELETE /api/policies/:id',
    request: async (fx) => {
      // Each request gets a policy of its own: the control deletes the one it is given.
      const id = await otherPolicy(fx, `delete:${randomBytes(4).toString('hex')}`);
      return { method: 'DELETE', url: `/api/policies/${id}?version=${await versionOf(fx, id)}` };
    },
  },
];
