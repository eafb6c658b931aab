// The output contract of ../shared/spec/policy-extraction.md, plus `span` offsets (extra properties
// the scorer ignores) so a UI can highlight each item in the original text.

/** [start, end) character offsets into the loaded original text. */
export type Span = [number, number];

export type Script = 'simplified' | 'traditional';

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
  script: Script;
  /** Where each meta field was read, by field name. */
  spans?: Partial<Record<keyof Omit<PolicyMeta, 'spans' | 'script'>, Span>>;
}

export type CiteRelation = 'implements' | 'mentions';

export interface Citation {
  title: string | null;
  docNumber: string | null;
  relation: CiteRelation;
  span?: Span;
}

export interface Section {
  path: string;
  marker: string;
  heading: string;
  level: number;
  span?: Span;
}

export type DutyRole = 'lead' | 'co' | 'responsible';

export interface Duty {
  section: string;
  role: DutyRole;
  units: string[];
  span?: Span;
}

export type Comparator = 'reach' | 'at_least' | 'more_than' | 'at_most' | 'range' | 'multiply' | 'growth';

export interface Target {
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
  span?: Span;
}

export interface Phase {
  name: string;
  start: string | null;
  end: string | null;
  span?: Span;
}

export interface Policy {
  meta: PolicyMeta;
  cites: Citation[];
  sections: Section[];
  responsibilities: Duty[];
  targets: Target[];
  phases: Phase[];
}

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

export interface Warning {
  code: string;
  message: string;
}
