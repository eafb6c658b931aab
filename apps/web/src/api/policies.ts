// The policy library API (政策文件库): shapes of /api/policies answers and the calls pages make.
import { api } from './client';
import type { Page } from './types';

export const ISSUER_LEVELS = ['national', 'region', 'city', 'county'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];
export const COMPARATORS = [
  'reach',
  'at_least',
  'more_than',
  'at_most',
  'range',
  'multiply',
  'growth',
] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const DUTY_ROLES = ['lead', 'co', 'responsible'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export type ItemKind = 'meta' | 'section' | 'duty' | 'target' | 'phase' | 'cite';

export type Span = [number, number];

export interface PolicySummary {
  id: string;
  orgUnitCode: string;
  orgUnitName: string;
  title: string;
  attachmentTitle: string | null;
  docNumber: string | null;
  issuers: string[];
  issuerLevel: IssuerLevel | null;
  year: number | null;
  fileName: string;
  format: string;
  engineVersion: string;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What people changed on an item: null when it reads as extracted. */
export interface CorrectionMark {
  correctionId: string;
  op: 'edit' | 'add';
  fields: string[];
}

interface ItemBase {
  id: string;
  span: Span | null;
  correction: CorrectionMark | null;
}

export interface Section extends ItemBase {
  path: string;
  marker: string;
  heading: string;
  level: number;
}

export interface Duty extends ItemBase {
  section: string;
  role: DutyRole;
  units: string[];
}

export interface Target extends ItemBase {
  section: string;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string | null;
  per: 'year' | null;
  deadline: number | null;
  approx: boolean;
  scope: string | null;
  text: string;
  display: string;
}

export interface Phase extends ItemBase {
  name: string;
  start: string | null;
  end: string | null;
}

export interface PolicyRef {
  id: string;
  title: string;
  docNumber: string | null;
}

export interface Citation extends ItemBase {
  title: string | null;
  docNumber: string | null;
  relation: 'implements' | 'mentions';
  resolved: (PolicyRef & { orgUnitCode: string }) | null;
}

export interface PolicyMeta {
  title: string | null;
  attachmentTitle: string | null;
  docNumber: string | null;
  issuers: string[];
  signedDate: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  planPeriod: [number, number] | null;
  copiedTo: string[];
  printedBy: string | null;
  printedDate: string | null;
  script: 'simplified' | 'traditional';
  spans: Record<string, Span>;
  correction: CorrectionMark | null;
}

export interface CorrectionOutcome {
  correctionId: string;
  kind: ItemKind;
  itemId: string;
  op: 'edit' | 'add' | 'delete';
  status: 'applied' | 'redundant' | 'orphaned';
  appliedTo?: string;
}

export interface PolicyDetail extends PolicySummary {
  mime: string | null;
  fileSize: number;
  encoding: string | null;
  engineOutdated: boolean;
  parsedAt: string;
  warnings: Array<{ code: string; message: string }>;
  text: string;
  meta: PolicyMeta;
  sections: Section[];
  responsibilities: Duty[];
  targets: Target[];
  phases: Phase[];
  cites: Citation[];
  citedBy: Array<PolicyRef & { orgUnitCode: string; relation: string }>;
  deleted: Array<{ kind: ItemKind; itemId: string; correctionId: string; item: unknown }>;
  corrections: CorrectionOutcome[];
}

export type UploadResult =
  | {
      fileName: string;
      status: 'created';
      id: string;
      title: string | null;
      docNumber: string | null;
      counts: { sections: number; responsibilities: number; targets: number; cites: number };
      warnings: Array<{ code: string; message: string }>;
    }
  | { fileName: string; status: 'duplicate'; existingId: string; error: { code: string; message: string } }
  | { fileName: string; status: 'failed'; error: { code: string; message: string } };

export interface PolicyFilter {
  q?: string;
  issuerLevel?: IssuerLevel;
  year?: number;
  orgUnitCode?: string;
}

export interface GraphNode {
  id: string;
  kind: 'policy' | 'placeholder';
  title: string;
  docNumber: string | null;
  orgUnitCode: string | null;
  issuerLevel: IssuerLevel | null;
  year: number | null;
}

export interface PolicyGraph {
  nodes: GraphNode[];
  edges: Array<{ source: string; target: string; relation: 'implements' | 'mentions' }>;
  truncated: boolean;
}

export interface AlignSection {
  id: string;
  path: string;
  marker: string;
  heading: string;
}

export interface Alignment {
  child: PolicyRef;
  parent: PolicyRef | null;
  parents: PolicyRef[];
  pairs: Array<{
    child: AlignSection;
    parent: AlignSection | null;
    score: number;
    alternatives: Array<{ parent: AlignSection; score: number }>;
  }>;
  gaps: AlignSection[];
}

export interface CorrectionInput {
  version: number;
  kind: ItemKind;
  op: 'edit' | 'add' | 'delete';
  itemId?: string;
  fields?: Record<string, unknown>;
}

export const policiesApi = {
  list: (q: PolicyFilter & { page: number; pageSize: number }) =>
    api.get<Page<PolicySummary>>('/policies', { query: q }),
  get: (id: string) => api.get<PolicyDetail>(`/policies/${id}`),
  /** One file per request, so each file gets its own answer (and its own error) in the list. */
  upload: (file: File, orgUnitCode?: string) => {
    const form = new FormData();
    form.append('files', file, file.name);
    return api.post<{ results: UploadResult[] }>('/policies', form, { query: { orgUnitCode }, quiet: true });
  },
  correct: (id: string, body: CorrectionInput) =>
    api.post<{ version: number; itemId: string }>(`/policies/${id}/corrections`, body, { quiet: true }),
  revert: (id: string, correctionId: string, version: number) =>
    api.del<{ version: number }>(`/policies/${id}/corrections/${correctionId}`, {
      query: { version },
      quiet: true,
    }),
  reparse: (id: string) =>
    api.post<{ version: number; engineVersion: string; outcomes: CorrectionOutcome[] }>(
      `/policies/${id}/reparse`,
    ),
  remove: (id: string, version: number) => api.del<unknown>(`/policies/${id}`, { query: { version } }),
  exportTasks: (id: string) => api.download(`/policies/${id}/export`, '任务分解表.xlsx'),
  original: (id: string, fileName: string) => api.download(`/policies/${id}/original`, fileName),
  graph: (q: { orgUnitCode?: string; relation?: 'implements' | 'all' }) =>
    api.get<PolicyGraph>('/policies/graph', { query: q }),
  alignment: (id: string, parentId?: string) =>
    api.get<Alignment>(`/policies/${id}/alignment`, { query: { parentId } }),
};
