import { z } from 'zod';
import { ITEM_STATUSES } from './lifecycle';
import { REPORT_CYCLES } from './reportPeriods';
import { scoringRulesPatch, scoringRulesSchema, warningRulesPatch, warningRulesSchema } from './rules';

/** The ledger API's shapes, shared by routes and the OpenAPI document. */
export const isoDate = z.iso.date();
export const colour = z.enum(['green', 'yellow', 'red']);
export const itemStatus = z.enum(ITEM_STATUSES);
export const reportCycle = z.enum(REPORT_CYCLES);
export const comparator = z.enum([
  'reach',
  'at_least',
  'more_than',
  'at_most',
  'range',
  'multiply',
  'growth',
]);
const span = z.tuple([z.number(), z.number()]).nullable();

export const deptRef = z.object({ id: z.string(), name: z.string() });
export const nameRef = z.object({ name: z.string(), role: z.string() });
export const flag = z.object({
  code: z.string(),
  message: z.string(),
  name: z.string().optional(),
  role: z.string().optional(),
});

export const targetView = z.object({
  id: z.string(),
  metric: z.string(),
  comparator: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  per: z.string().nullable(),
  deadline: z.number().nullable(),
  text: z.string(),
  currentValue: z.number().nullable(),
  currentAt: z.string().nullable(),
});

export const sourceView = z
  .object({
    policyId: z.string().nullable(),
    title: z.string().nullable(),
    docNumber: z.string().nullable(),
    sectionPath: z.string().nullable(),
    sectionId: z.string().nullable().optional(),
    span,
    dutySpans: z.array(z.tuple([z.number(), z.number()])).optional(),
  })
  .nullable();

export const itemView = z.object({
  id: z.string(),
  ledgerId: z.string(),
  ledgerTitle: z.string(),
  orgUnitCode: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['task', 'group']),
  seq: z.string().nullable(),
  sortOrder: z.number(),
  sectionPath: z.string().nullable(),
  marker: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  source: sourceView,
  leads: z.array(deptRef),
  cos: z.array(deptRef),
  leadNames: z.array(z.string()),
  coNames: z.array(z.string()),
  unresolved: z.array(nameRef),
  notes: z.array(nameRef),
  flags: z.array(flag),
  responsiblePerson: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueSource: z.string().nullable(),
  milestones: z.array(z.object({ name: z.string(), date: z.string() })),
  status: itemStatus,
  statusName: z.string(),
  percent: z.number(),
  progressText: z.string().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  remark: z.string().nullable(),
  returnReason: z.string().nullable(),
  colour: colour.nullable(),
  colourReasons: z.array(z.object({ code: z.string(), colour: z.string(), message: z.string() })),
  scheduleProgress: z.number().nullable(),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  completionRequestedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  targets: z.array(targetView),
  isDemo: z.boolean(),
  version: z.number(),
});
export type ItemView = z.infer<typeof itemView>;

export const evidenceView = z.object({
  id: z.string(),
  itemId: z.string(),
  reportId: z.string().nullable(),
  fileName: z.string(),
  mime: z.string().nullable(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const reportView = z.object({
  id: z.string(),
  itemId: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  role: z.string(),
  period: z.string(),
  text: z.string(),
  percent: z.number().nullable(),
  targetValues: z.array(z.object({ targetId: z.string(), value: z.number() })),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  channel: z.string(),
  reportedByName: z.string().nullable(),
  reportedAt: z.string(),
  evidence: z.array(evidenceView),
});

export const eventView = z.object({
  id: z.number(),
  action: z.string(),
  actionName: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  details: z.unknown(),
});

export const extensionView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string().optional(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  reason: z.string(),
  previousDue: z.string().nullable(),
  requestedDue: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number(),
});

export const urgingView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  itemSeq: z.string().nullable(),
  ledgerId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  number: z.string(),
  level: z.enum(['blue', 'yellow', 'red']),
  content: z.string(),
  answerBy: z.string(),
  status: z.enum(['issued', 'signed', 'answered']),
  issuedAt: z.string(),
  signedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});

export const itemDetail = itemView.extend({
  myRole: z.enum(['bureau', 'lead', 'co']),
  reports: z.array(reportView),
  pendingEvidence: z.array(evidenceView),
  events: z.array(eventView),
  extensions: z.array(extensionView),
  urgings: z.array(urgingView),
  reportSchedule: z.object({
    cycle: reportCycle,
    day: z.number(),
    nextPeriod: z.string(),
    nextDeadline: z.string(),
  }),
});

export const ledgerView = z.object({
  id: z.string(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  title: z.string(),
  source: z.enum(['policy', 'manual', 'excel']),
  policyId: z.string().nullable(),
  policyTitle: z.string().nullable(),
  policyDocNumber: z.string().nullable(),
  planStart: z.string().nullable(),
  planEnd: z.string().nullable(),
  phases: z.array(z.object({ name: z.string(), start: z.string().nullable(), end: z.string().nullable() })),
  reportCycle,
  reportDay: z.number(),
  warningRules: warningRulesSchema,
  scoringRules: scoringRulesSchema,
  status: z.enum(['active', 'closed']),
  counts: z.object({
    tasks: z.number(),
    draft: z.number(),
    active: z.number(),
    completed: z.number(),
    red: z.number(),
    yellow: z.number(),
    green: z.number(),
    flagged: z.number(),
  }),
  isDemo: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const ledgerSettings = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  reportCycle: reportCycle.optional(),
  reportDay: z.number().int().min(1).max(31).optional(),
  planStart: isoDate.nullable().optional(),
  planEnd: isoDate.nullable().optional(),
  warningRules: warningRulesPatch.optional(),
  scoringRules: scoringRulesPatch.optional(),
  status: z.enum(['active', 'closed']).optional(),
});

export const targetInput = z.object({
  id: z.uuid().optional(),
  metric: z.string().trim().min(1).max(200),
  comparator: comparator.default('reach'),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable().optional(),
  unit: z.string().trim().max(20).nullable().optional(),
  deadline: z.number().int().min(1990).max(2100).nullable().optional(),
  text: z.string().trim().max(500).optional(),
});

const itemFields = {
  title: z.string().trim().min(1).max(300),
  content: z.string().trim().max(5000),
  leadIds: z.array(z.uuid()).max(50),
  coIds: z.array(z.uuid()).max(200),
  responsiblePerson: z.string().trim().max(100).nullable(),
  dueDate: isoDate.nullable(),
  remark: z.string().trim().max(2000).nullable(),
  targets: z.array(targetInput).max(50),
};

export const itemInput = z.object({
  parentId: z.uuid().nullable().optional(),
  kind: z.enum(['task', 'group']).default('task'),
  title: itemFields.title,
  content: itemFields.content.default(''),
  leadIds: itemFields.leadIds.default([]),
  coIds: itemFields.coIds.default([]),
  responsiblePerson: itemFields.responsiblePerson.optional(),
  dueDate: itemFields.dueDate.optional(),
  remark: itemFields.remark.optional(),
  targets: itemFields.targets.default([]),
});

/** A patch names only what changes: no defaults here, or an absent list would wipe the item's departments. */
export const itemPatch = z.object(itemFields).partial().extend({ version: z.number().int() });

export const versionBody = z.object({ version: z.number().int() });
