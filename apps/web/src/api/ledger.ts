// The task ledger API (督查督办): shapes of /api/ledgers, /api/ledger-items and the views, and the
// calls the ledger pages make. Names follow the DESIGN glossary (LedgerItem 督办事项, ProgressReport
// 进展报告, Evidence 佐证材料).
import { api } from './client';

export const ITEM_STATUSES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'pending_review',
  'returned',
  'completed',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
export const REPORT_CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];
export type UrgingLevel = 'blue' | 'yellow' | 'red';

export interface DeptRef {
  id: string;
  name: string;
}

export interface Target {
  id: string;
  metric: string;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  per: string | null;
  deadline: number | null;
  text: string;
  currentValue: number | null;
  currentAt: string | null;
}

export interface LedgerItem {
  id: string;
  ledgerId: string;
  ledgerTitle: string;
  orgUnitCode: string;
  parentId: string | null;
  kind: 'task' | 'group';
  seq: string | null;
  sortOrder: number;
  sectionPath: string | null;
  marker: string | null;
  title: string;
  content: string;
  source: {
    policyId: string | null;
    title: string | null;
    docNumber: string | null;
    sectionPath: string | null;
    sectionId?: string | null;
    span: [number, number] | null;
  } | null;
  leads: DeptRef[];
  cos: DeptRef[];
  leadNames: string[];
  coNames: string[];
  unresolved: { name: string; role: string }[];
  notes: { name: string; role: string }[];
  flags: { code: string; message: string }[];
  responsiblePerson: string | null;
  startDate: string | null;
  dueDate: string | null;
  dueSource: string | null;
  milestones: { name: string; date: string }[];
  status: ItemStatus;
  statusName: string;
  percent: number;
  progressText: string | null;
  problems: string | null;
  nextSteps: string | null;
  lastReportAt: string | null;
  remark: string | null;
  returnReason: string | null;
  colour: Colour | null;
  colourReasons: { code: string; colour: string; message: string }[];
  scheduleProgress: number | null;
  assignedAt: string | null;
  acceptedAt: string | null;
  completionRequestedAt: string | null;
  completedAt: string | null;
  targets: Target[];
  isDemo: boolean;
  version: number;
}

export interface Evidence {
  id: string;
  itemId: string;
  reportId: string | null;
  fileName: string;
  mime: string | null;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface ProgressReport {
  id: string;
  departmentId: string | null;
  departmentName: string | null;
  role: string;
  period: string;
  text: string;
  percent: number | null;
  targetValues: { targetId: string; value: number }[];
  problems: string | null;
  nextSteps: string | null;
  channel: string;
  reportedByName: string | null;
  reportedAt: string;
  evidence: Evidence[];
}

export interface Extension {
  id: string;
  itemId: string;
  itemTitle?: string;
  departmentName: string | null;
  reason: string;
  previousDue: string | null;
  requestedDue: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
}

export interface Urging {
  id: string;
  itemId: string;
  itemTitle: string;
  itemSeq: string | null;
  ledgerId: string;
  departmentId: string;
  departmentName: string;
  number: string;
  level: UrgingLevel;
  content: string;
  answerBy: string;
  status: 'issued' | 'signed' | 'answered';
  issuedAt: string;
  signedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  overdue: boolean;
  version: number;
}

export interface ItemDetail extends LedgerItem {
  myRole: 'bureau' | 'lead' | 'co';
  reports: ProgressReport[];
  pendingEvidence: Evidence[];
  events: {
    id: number;
    action: string;
    actionName: string;
    at: string;
    actorName: string | null;
    details: unknown;
  }[];
  extensions: Extension[];
  urgings: Urging[];
  reportSchedule: { cycle: ReportCycle; day: number; nextPeriod: string; nextDeadline: string };
}

export interface WarningRules {
  dueSoonDays: number;
  behindYellowPct: number;
  behindRedPct: number;
  reportGraceDays: number;
  missedReportsYellow: number;
  missedReportsRed: number;
  remindBeforeDueDays: number[];
  remindBeforeReportDays: number;
  urgingAnswerDays: number;
}

export interface ScoringRules {
  weights: { reporting: number; completion: number; targets: number };
  targetCap: number;
  redPenalty: number;
  yellowPenalty: number;
  coReports: boolean;
}

export interface Ledger {
  id: string;
  orgUnitCode: string;
  orgUnitName: string;
  title: string;
  source: 'policy' | 'manual' | 'excel';
  policyId: string | null;
  policyTitle: string | null;
  policyDocNumber: string | null;
  planStart: string | null;
  planEnd: string | null;
  phases: { name: string; start: string | null; end: string | null }[];
  reportCycle: ReportCycle;
  reportDay: number;
  warningRules: WarningRules;
  scoringRules: ScoringRules;
  status: 'active' | 'closed';
  counts: {
    tasks: number;
    draft: number;
    active: number;
    completed: number;
    red: number;
    yellow: number;
    green: number;
    flagged: number;
  };
  isDemo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TodoItem {
  id: string;
  ledgerId: string;
  ledgerTitle: string;
  seq: string | null;
  marker: string | null;
  title: string;
  status: ItemStatus;
  statusName: string;
  colour: Colour | null;
  colourReasons: string[];
  scheduleProgress: number | null;
  dueDate: string | null;
  percent: number;
  returnReason: string | null;
  leads: string[];
  version: number;
  myRole: 'lead' | 'co';
  needsReport: boolean;
  nextPeriod: string;
  nextDeadline: string;
  actions: string[];
}

export interface Todo {
  department: DeptRef;
  counts: {
    toAccept: number;
    toReport: number;
    returned: number;
    urgings: number;
    overdue: number;
    red: number;
    unreadNotifications: number;
  };
  items: TodoItem[];
  urgings: Urging[];
}

export type StatusCounts = Record<ItemStatus, number>;
export interface ColourCounts {
  green: number;
  yellow: number;
  red: number;
  none: number;
}

export interface ItemSummary {
  id: string;
  ledgerId: string;
  ledgerTitle: string;
  seq: string | null;
  title: string;
  status: ItemStatus;
  statusName: string;
  colour: Colour | null;
  dueDate: string | null;
  percent: number;
  leads: string[];
}

export interface Board {
  orgUnitCode: string;
  orgUnitName: string;
  today: string;
  lights: {
    id: string;
    seq: string | null;
    marker: string | null;
    title: string;
    status: ItemStatus;
    colour: Colour | null;
  }[];
  totals: { items: number; overdue: number; byStatus: StatusCounts; byColour: ColourCounts };
  departments: {
    departmentId: string;
    name: string;
    lead: number;
    co: number;
    overdue: number;
    byStatus: StatusCounts;
    byColour: ColourCounts;
  }[];
  overdue: ItemSummary[];
  dueSoon: ItemSummary[];
  pendingReview: ItemSummary[];
  pending: { reviews: number; extensions: number; urgings: number; dueSoon: number };
  timeline: {
    ledgers: {
      id: string;
      title: string;
      planStart: string | null;
      planEnd: string | null;
      phases: Ledger['phases'];
    }[];
    dueByMonth: { month: string; n: number; red: number }[];
  };
}

export interface Rollup {
  orgUnitCode: string;
  orgUnitName: string;
  today: string;
  totals: { items: number; overdue: number; byStatus: StatusCounts; byColour: ColourCounts };
  units: {
    orgUnitCode: string;
    name: string;
    level: string;
    parentName: string | null;
    items: number;
    overdue: number;
    byStatus: StatusCounts;
    byColour: ColourCounts;
    completionRate: number;
  }[];
}

export interface ScoreRow {
  departmentId: string;
  departmentName: string;
  rank: number;
  score: number;
  parts: { reporting: number | null; completion: number | null; targets: number | null };
  penalty: number;
  leadItems: number;
  coItems: number;
  redItems: number;
  items: {
    itemId: string;
    seq: string | null;
    title: string;
    role: 'lead' | 'co';
    colour: Colour | null;
    status: ItemStatus;
    reportsOwed: number;
    reportsOnTime: number;
    completion: number | null;
    targets: {
      metric: string;
      value: number;
      unit: string | null;
      currentValue: number | null;
      ratio: number;
    }[];
    penalty: number;
  }[];
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  itemId: string | null;
  ledgerId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ReportInput {
  period?: string;
  text: string;
  percent?: number | null;
  targetValues?: { targetId: string; value: number }[];
  problems?: string | null;
  nextSteps?: string | null;
  evidenceIds?: string[];
  requestCompletion?: boolean;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  updated: number;
  reports: number;
  unchanged: number;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** Files go as multipart (the client sends FormData as is, with the CSRF header). */
function uploadForm<T>(
  path: string,
  files: File[],
  query?: Record<string, string | boolean | undefined>,
): Promise<T> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.post<T>(path, form, { query, quiet: true });
}

export const ledgerApi = {
  list: (query: { orgUnitCode?: string } = {}) => api.get<Ledger[]>('/ledgers', { query }),
  get: (id: string) => api.get<Ledger>(`/ledgers/${id}`),
  create: (body: { orgUnitCode: string; title: string; reportCycle?: ReportCycle; reportDay?: number }) =>
    api.post<Ledger>('/ledgers', body, { quiet: true }),
  fromPolicy: (body: { policyId: string; orgUnitCode?: string; title?: string }) =>
    api.post<Ledger>('/ledgers/from-policy', body, { quiet: true }),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<Ledger>(`/ledgers/${id}`, body, { quiet: true }),
  remove: (l: Ledger) => api.del<unknown>(`/ledgers/${l.id}`, { query: { version: l.version } }),
  items: (
    id: string,
    query: { status?: string; colour?: string; departmentId?: string; q?: string; flagged?: boolean } = {},
  ) =>
    api.get<{ items: LedgerItem[]; total: number }>(`/ledgers/${id}/items`, {
      query: { ...query, pageSize: 1000 },
    }),
  addItem: (id: string, body: Record<string, unknown>) =>
    api.post<LedgerItem>(`/ledgers/${id}/items`, body, { quiet: true }),
  assign: (id: string, itemIds?: string[]) =>
    api.post<{
      assigned: string[];
      skipped: { itemId: string; seq: string | null; title: string; reasons: string[] }[];
    }>(`/ledgers/${id}/assign`, itemIds ? { itemIds } : {}),
  names: (id: string) =>
    api.get<{ name: string; roles: string[]; items: { id: string; seq: string | null; title: string }[] }[]>(
      `/ledgers/${id}/names`,
    ),
  mapName: (id: string, body: { name: string; departmentId: string; remember: boolean }) =>
    api.post<{ items: number; linked: number; aliasAdded: boolean }>(`/ledgers/${id}/names/map`, body),
  recompute: (id: string) => api.post<{ items: number; reminders: number }>(`/ledgers/${id}/recompute`, {}),
  scores: (id: string, period: string) =>
    api.get<{ period: string; window: { start: string; end: string }; rows: ScoreRow[] }>(
      `/ledgers/${id}/scores`,
      {
        query: { period },
      },
    ),
  exportFile: (id: string, query: Record<string, string | undefined>, fallback: string) =>
    api.download(`/ledgers/${id}/export`, fallback, { query }),
  importFile: (id: string, file: File, dryRun: boolean) =>
    uploadForm<ImportResult>(`/ledgers/${id}/import`, [file], { dryRun: dryRun || undefined }),
  createFromExcel: (query: { orgUnitCode: string; title: string }, file: File) =>
    uploadForm<Ledger>('/ledgers/import', [file], query),
  document: (
    id: string,
    kind: 'urging' | 'bulletin',
    query: Record<string, string | undefined>,
    fallback: string,
  ) => api.download(`/ledgers/${id}/documents/${kind}`, fallback, { query }),

  item: (id: string) => api.get<ItemDetail>(`/ledger-items/${id}`),
  updateItem: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<LedgerItem>(`/ledger-items/${id}`, body, { quiet: true }),
  accept: (i: { id: string; version: number }) =>
    api.post<LedgerItem>(`/ledger-items/${i.id}/accept`, { version: i.version }, { quiet: true }),
  requestCompletion: (i: { id: string; version: number }, note?: string) =>
    api.post<LedgerItem>(
      `/ledger-items/${i.id}/request-completion`,
      { version: i.version, note },
      { quiet: true },
    ),
  approve: (i: { id: string; version: number }, note?: string) =>
    api.post<LedgerItem>(`/ledger-items/${i.id}/approve`, { version: i.version, note }, { quiet: true }),
  returnItem: (i: { id: string; version: number }, reason: string) =>
    api.post<LedgerItem>(`/ledger-items/${i.id}/return`, { version: i.version, reason }, { quiet: true }),
  report: (id: string, body: ReportInput) =>
    api.post<{ report: { id: string }; item: LedgerItem }>(`/ledger-items/${id}/reports`, body, {
      quiet: true,
    }),
  uploadEvidence: (id: string, files: File[]) =>
    uploadForm<Evidence[]>(`/ledger-items/${id}/evidence`, files),
  requestExtension: (id: string, body: { reason: string; requestedDue: string }) =>
    api.post<{ id: string }>(`/ledger-items/${id}/extensions`, body, { quiet: true }),
  extensions: (query: { pending?: boolean; ledgerId?: string } = {}) =>
    api.get<Extension[]>('/ledger-extensions', { query }),
  decideExtension: (e: { id: string; version: number }, approve: boolean, note?: string) =>
    api.post<unknown>(
      `/ledger-extensions/${e.id}/decide`,
      { approve, note, version: e.version },
      { quiet: true },
    ),
  urge: (id: string, body: { level: UrgingLevel; content: string; answerBy?: string }) =>
    api.post<Urging[]>(`/ledger-items/${id}/urgings`, body, { quiet: true }),
  urgings: (query: { open?: boolean; ledgerId?: string } = {}) => api.get<Urging[]>('/urgings', { query }),
  signUrging: (u: { id: string; version: number }) =>
    api.post<unknown>(`/urgings/${u.id}/sign`, { version: u.version }),
  answerUrging: (u: { id: string; version: number }, answer: string) =>
    api.post<unknown>(`/urgings/${u.id}/answer`, { version: u.version, answer }, { quiet: true }),

  todo: () => api.get<Todo>('/ledger/todo'),
  board: (query: { orgUnitCode?: string; ledgerId?: string; dueSoonDays?: number }) =>
    api.get<Board>('/ledger/board', { query }),
  rollup: (orgUnitCode?: string) => api.get<Rollup>('/ledger/rollup', { query: { orgUnitCode } }),
  notifications: (unread = false) =>
    api.get<{ items: Notification[]; unread: number }>('/ledger/notifications', {
      query: { unread, limit: 50 },
    }),
  markRead: (id: string) => api.post<unknown>(`/ledger/notifications/${id}/read`, {}),
};
