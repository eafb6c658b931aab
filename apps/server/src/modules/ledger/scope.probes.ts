import { randomBytes } from 'node:crypto';
import { multipart } from '../../../test/multipart';
import type { ScopeFixtures, ScopeProbe } from '../../../test/scope';
import { OTHER } from '../../../test/scope';

/**
 * Cross-county probes of the ledger: every route aimed at a ledger, item, report, extension,
 * 督办单 or reminder of OTHER (莫力达瓦旗), whose 财政局 leads the items. Fixtures are made by
 * the admin (and OTHER's 财政局 user for department steps); steps that use a resource up get a
 * fresh one per request.
 */
const tag = () => randomBytes(4).toString('hex');

async function ok<T>(res: { statusCode: number; body: string; json(): T }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`probe fixture ${what} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const newLedger = async (fx: ScopeFixtures) =>
  (
    await ok<{ id: string }>(
      await fx.admin.post('/api/ledgers', { orgUnitCode: OTHER, title: `探针台账${tag()}` }),
      'ledger',
    )
  ).id;

type Stage = 'draft' | 'assigned' | 'accepted' | 'pending_review';

async function newItem(fx: ScopeFixtures, ledgerId: string, stage: Stage) {
  const item = await ok<{ id: string; version: number }>(
    await fx.admin.post(`/api/ledgers/${ledgerId}/items`, {
      title: `探针事项${tag()}`,
      leadIds: [fx.otherDepartmentId],
      dueDate: '2030-12-31',
      targets: [{ metric: '探针指标', value: 3, unit: '个' }],
    }),
    'item',
  );
  const version = async () => (await fx.admin.get(`/api/ledger-items/${item.id}`)).json().version as number;
  if (stage !== 'draft')
    await ok(await fx.admin.post(`/api/ledgers/${ledgerId}/assign`, { itemIds: [item.id] }), 'assign');
  if (stage === 'accepted' || stage === 'pending_review')
    await ok(
      await fx.otherDepartment.post(`/api/ledger-items/${item.id}/accept`, { version: await version() }),
      'accept',
    );
  if (stage === 'pending_review')
    await ok(
      await fx.otherDepartment.post(`/api/ledger-items/${item.id}/request-completion`, {
        version: await version(),
      }),
      'request completion',
    );
  return { id: item.id, version: await version() };
}

const mainLedger = (fx: ScopeFixtures) => fx.memo('ledger:main', () => newLedger(fx));
/** An accepted item of OTHER with a report, evidence, an extension request, a 督办单 and a bureau reminder. */
const mainItem = (fx: ScopeFixtures) =>
  fx.memo('ledger:item', async () => {
    const ledgerId = await mainLedger(fx);
    const item = await newItem(fx, ledgerId, 'accepted');
    const { body, headers } = multipart([
      { fileName: '佐证.pdf', content: '%PDF-1.4 probe', type: 'application/pdf' },
    ]);
    const [file] = await ok<{ id: string }[]>(
      await fx.otherDepartment.request('POST', `/api/ledger-items/${item.id}/evidence`, body, headers),
      'evidence',
    );
    await ok(
      await fx.otherDepartment.post(`/api/ledger-items/${item.id}/reports`, {
        text: '探针进展',
        percent: 20,
      }),
      'report',
    );
    const ext = await ok<{ id: string }>(
      await fx.otherDepartment.post(`/api/ledger-items/${item.id}/extensions`, {
        reason: '探针延期',
        requestedDue: '2031-06-30',
      }),
      'extension',
    );
    const [urging] = await ok<{ id: string }[]>(
      await fx.admin.post(`/api/ledger-items/${item.id}/urgings`, { level: 'blue', content: '探针督办' }),
      'urging',
    );
    const review = await newItem(fx, ledgerId, 'pending_review'); // leaves a 申请办结 reminder for OTHER's bureau
    return {
      ledgerId,
      itemId: item.id,
      evidenceId: file.id,
      extensionId: ext.id,
      urgingId: urging.id,
      reviewId: review.id,
    };
  });

const newExtension = async (fx: ScopeFixtures) => {
  const item = await newItem(fx, await mainLedger(fx), 'accepted');
  return ok<{ id: string; version: number }>(
    await fx.otherDepartment.post(`/api/ledger-items/${item.id}/extensions`, {
      reason: '探针',
      requestedDue: '2031-01-31',
    }),
    'extension',
  );
};
const newUrging = async (fx: ScopeFixtures) => {
  const item = await newItem(fx, await mainLedger(fx), 'accepted');
  const [u] = await ok<{ id: string; version: number }[]>(
    await fx.admin.post(`/api/ledger-items/${item.id}/urgings`, { level: 'yellow', content: '探针督办' }),
    'urging',
  );
  return u;
};

const ledgerVersion = async (fx: ScopeFixtures, id: string) =>
  (await fx.admin.get(`/api/ledgers/${id}`)).json().version as number;
const itemVersion = async (fx: ScopeFixtures, id: string) =>
  (await fx.admin.get(`/api/ledger-items/${id}`)).json().version as number;

/** A policy of OTHER whose lead unit no department is called: a name to map. */
const policyWithUnknownName = async (fx: ScopeFixtures, uploadOnly = false) => {
  const t = tag();
  const text = [
    `莫力达瓦达斡尔族自治旗探针实施方案${t}`,
    '一、重点任务',
    `（一）建设探针平台。到2030年建成平台1个。（牵头单位：探针中心${t}；配合单位：财政局）`,
  ].join('\n');
  const { body, headers } = multipart([{ fileName: `探针${t}.txt`, content: text, type: 'text/plain' }]);
  const res = await fx.admin.request('POST', `/api/policies?orgUnitCode=${OTHER}`, body, headers);
  const policyId = (await ok<{ results: { id: string }[] }>(res, 'policy')).results[0].id;
  if (uploadOnly) return { policyId, ledgerId: '', name: '' };
  const ledger = await ok<{ id: string }>(
    await fx.admin.post('/api/ledgers/from-policy', { policyId }),
    'from policy',
  );
  return { policyId, ledgerId: ledger.id, name: `探针中心${t}` };
};

/** The item the to-do probe looks for (set by its request, read by its leak check). */
let todoItemId = '';

export const ledgerProbes: ScopeProbe[] = [
  {
    route: 'GET /api/ledgers',
    request: async (fx) => {
      await mainLedger(fx);
      return { method: 'GET', url: `/api/ledgers?orgUnitCode=${OTHER}` };
    },
    leaked: (res) => res.statusCode === 200 && (res.json() as unknown[]).length > 0,
  },
  {
    route: 'POST /api/ledgers',
    request: async () => ({
      method: 'POST',
      url: '/api/ledgers',
      body: { orgUnitCode: OTHER, title: '越界台账' },
    }),
  },
  {
    route: 'POST /api/ledgers/from-policy',
    request: async (fx) => {
      const { policyId } = await fx.memo('ledger:policy', () => policyWithUnknownName(fx, true));
      return { method: 'POST', url: '/api/ledgers/from-policy', body: { policyId } };
    },
  },
  {
    route: 'GET /api/ledgers/:id',
    request: async (fx) => ({ method: 'GET', url: `/api/ledgers/${await mainLedger(fx)}` }),
  },
  {
    route: 'PATCH /api/ledgers/:id',
    request: async (fx) => {
      const id = await mainLedger(fx);
      return {
        method: 'PATCH',
        url: `/api/ledgers/${id}`,
        body: { reportDay: 20, version: await ledgerVersion(fx, id) },
      };
    },
  },
  {
    route: 'DELETE /api/ledgers/:id',
    request: async (fx) => {
      const id = await newLedger(fx);
      return { method: 'DELETE', url: `/api/ledgers/${id}?version=${await ledgerVersion(fx, id)}` };
    },
  },
  {
    route: 'GET /api/ledgers/:id/items',
    request: async (fx) => ({ method: 'GET', url: `/api/ledgers/${(await mainItem(fx)).ledgerId}/items` }),
  },
  {
    route: 'POST /api/ledgers/:id/items',
    request: async (fx) => ({
      method: 'POST',
      url: `/api/ledgers/${await mainLedger(fx)}/items`,
      body: { title: '越界事项', leadIds: [fx.otherDepartmentId] },
    }),
  },
  {
    route: 'POST /api/ledgers/:id/assign',
    request: async (fx) => ({ method: 'POST', url: `/api/ledgers/${await mainLedger(fx)}/assign`, body: {} }),
  },
  {
    route: 'GET /api/ledgers/:id/names',
    request: async (fx) => {
      const { ledgerId } = await fx.memo('ledger:names', () => policyWithUnknownName(fx));
      return { method: 'GET', url: `/api/ledgers/${ledgerId}/names` };
    },
  },
  {
    route: 'POST /api/ledgers/:id/names/map',
    request: async (fx) => {
      const { ledgerId, name } = await policyWithUnknownName(fx);
      return {
        method: 'POST',
        url: `/api/ledgers/${ledgerId}/names/map`,
        body: { name, departmentId: fx.otherDepartmentId, remember: false },
      };
    },
  },
  {
    route: 'POST /api/ledgers/:id/recompute',
    request: async (fx) => ({
      method: 'POST',
      url: `/api/ledgers/${await mainLedger(fx)}/recompute`,
      body: {},
    }),
  },
  {
    route: 'GET /api/ledgers/:id/scores',
    request: async (fx) => ({ method: 'GET', url: `/api/ledgers/${(await mainItem(fx)).ledgerId}/scores` }),
  },
  {
    route: 'GET /api/ledger-items/:id',
    request: async (fx) => ({ method: 'GET', url: `/api/ledger-items/${(await mainItem(fx)).itemId}` }),
  },
  {
    route: 'PATCH /api/ledger-items/:id',
    request: async (fx) => {
      const { itemId } = await mainItem(fx);
      return {
        method: 'PATCH',
        url: `/api/ledger-items/${itemId}`,
        body: { remark: '探针', version: await itemVersion(fx, itemId) },
      };
    },
  },
  {
    route: 'DELETE /api/ledger-items/:id',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'draft');
      return { method: 'DELETE', url: `/api/ledger-items/${item.id}?version=${item.version}` };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/accept',
    control: 'otherDepartment',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'assigned');
      return { method: 'POST', url: `/api/ledger-items/${item.id}/accept`, body: { version: item.version } };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/request-completion',
    control: 'otherDepartment',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'accepted');
      return {
        method: 'POST',
        url: `/api/ledger-items/${item.id}/request-completion`,
        body: { version: item.version },
      };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/approve',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'pending_review');
      return { method: 'POST', url: `/api/ledger-items/${item.id}/approve`, body: { version: item.version } };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/return',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'pending_review');
      return {
        method: 'POST',
        url: `/api/ledger-items/${item.id}/return`,
        body: { version: item.version, reason: '探针退回' },
      };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/reports',
    control: 'otherDepartment',
    request: async (fx) => ({
      method: 'POST',
      url: `/api/ledger-items/${(await mainItem(fx)).itemId}/reports`,
      body: { text: '越界报送' },
    }),
  },
  {
    route: 'POST /api/ledger-items/:id/evidence',
    request: async (fx) => {
      const { body, headers } = multipart([
        { fileName: '越界.pdf', content: '%PDF-1.4', type: 'application/pdf' },
      ]);
      return {
        method: 'POST',
        url: `/api/ledger-items/${(await mainItem(fx)).itemId}/evidence`,
        body,
        headers,
      };
    },
  },
  {
    route: 'GET /api/evidence/:id',
    request: async (fx) => ({ method: 'GET', url: `/api/evidence/${(await mainItem(fx)).evidenceId}` }),
  },
  {
    route: 'POST /api/ledger-items/:id/extensions',
    control: 'otherDepartment',
    request: async (fx) => {
      const item = await newItem(fx, await mainLedger(fx), 'accepted');
      return {
        method: 'POST',
        url: `/api/ledger-items/${item.id}/extensions`,
        body: { reason: '越界延期', requestedDue: '2031-12-31' },
      };
    },
  },
  {
    route: 'GET /api/ledger-extensions',
    request: async (fx) => {
      await mainItem(fx);
      return { method: 'GET', url: '/api/ledger-extensions' };
    },
    leaked: (res) => res.statusCode === 200 && (res.json() as unknown[]).length > 0,
  },
  {
    route: 'POST /api/ledger-extensions/:id/decide',
    request: async (fx) => {
      const ext = await newExtension(fx);
      return {
        method: 'POST',
        url: `/api/ledger-extensions/${ext.id}/decide`,
        body: { approve: false, note: '探针', version: ext.version },
      };
    },
  },
  {
    route: 'POST /api/ledger-items/:id/urgings',
    request: async (fx) => ({
      method: 'POST',
      url: `/api/ledger-items/${(await mainItem(fx)).itemId}/urgings`,
      body: { level: 'blue', content: '越界督办' },
    }),
  },
  {
    route: 'GET /api/urgings',
    request: async (fx) => {
      await mainItem(fx);
      return { method: 'GET', url: '/api/urgings' };
    },
    leaked: (res) => res.statusCode === 200 && (res.json() as unknown[]).length > 0,
  },
  {
    route: 'POST /api/urgings/:id/sign',
    control: 'otherDepartment',
    request: async (fx) => {
      const u = await newUrging(fx);
      return { method: 'POST', url: `/api/urgings/${u.id}/sign`, body: { version: u.version } };
    },
  },
  {
    route: 'POST /api/urgings/:id/answer',
    control: 'otherDepartment',
    request: async (fx) => {
      const u = await newUrging(fx);
      return {
        method: 'POST',
        url: `/api/urgings/${u.id}/answer`,
        body: { version: u.version, answer: '探针答复' },
      };
    },
  },
  {
    route: 'GET /api/ledger/todo',
    control: 'otherDepartment',
    request: async (fx) => {
      todoItemId = (await mainItem(fx)).itemId;
      return { method: 'GET', url: '/api/ledger/todo' };
    },
    // OTHER's accepted item: on its 财政局's list (the control), on nobody's list at home. (The
    // department's own id is in every answer, so it proves nothing either way.)
    leaked: (res) =>
      res.statusCode === 200 &&
      (res.json() as { items: { id: string }[] }).items.some((i) => i.id === todoItemId),
  },
  {
    route: 'GET /api/ledger/board',
    request: async (fx) => {
      await mainItem(fx);
      return { method: 'GET', url: `/api/ledger/board?orgUnitCode=${OTHER}` };
    },
  },
  {
    route: 'GET /api/ledger/rollup',
    request: async (fx) => {
      await mainItem(fx);
      return { method: 'GET', url: `/api/ledger/rollup?orgUnitCode=${OTHER}` };
    },
  },
  {
    route: 'GET /api/ledger/notifications',
    request: async (fx) => {
      await mainItem(fx);
      return { method: 'GET', url: '/api/ledger/notifications' };
    },
    leaked: (res) => res.statusCode === 200 && (res.json() as { items: unknown[] }).items.length > 0,
  },
  {
    route: 'POST /api/ledger/notifications/:id/read',
    request: async (fx) => {
      await mainItem(fx);
      const list = (await fx.otherBureau.get('/api/ledger/notifications')).json() as {
        items: { id: string }[];
      };
      if (!list.items.length) throw new Error('probe fixture: OTHER has no bureau reminder');
      return { method: 'POST', url: `/api/ledger/notifications/${list.items[0].id}/read`, body: {} };
    },
  },
  {
    route: 'GET /api/ledgers/:id/export',
    request: async (fx) => ({ method: 'GET', url: `/api/ledgers/${(await mainItem(fx)).ledgerId}/export` }),
  },
  {
    route: 'POST /api/ledgers/:id/import',
    request: async (fx) => {
      const { ledgerId } = await mainItem(fx);
      const file = (await fx.admin.get(`/api/ledgers/${ledgerId}/export`)).rawPayload;
      const { body, headers } = multipart([{ fileName: '台账.xlsx', content: file, field: 'file' }]);
      return { method: 'POST', url: `/api/ledgers/${ledgerId}/import?dryRun=true`, body, headers };
    },
  },
  {
    route: 'POST /api/ledgers/import',
    request: async (fx) => {
      const { ledgerId } = await mainItem(fx);
      const file = (await fx.admin.get(`/api/ledgers/${ledgerId}/export`)).rawPayload;
      const { body, headers } = multipart([{ fileName: '台账.xlsx', content: file, field: 'file' }]);
      return { method: 'POST', url: `/api/ledgers/import?orgUnitCode=${OTHER}&title=probe`, body, headers };
    },
  },
  {
    route: 'GET /api/ledgers/:id/documents/:kind',
    request: async (fx) => ({
      method: 'GET',
      url: `/api/ledgers/${(await mainItem(fx)).ledgerId}/documents/urging`,
    }),
  },
];
