// People's corrections on top of an extraction. Pure: the same extraction and corrections always
// give the same effective policy, so a re-parse by a newer engine just runs this again and
// reports which corrections no longer find their item.
import type { Citation, Duty, Phase, Policy, Section, Target } from '@innocounty/policy';
import { matchKey } from '../../text/script';
import { comparePaths, docNumberKey, titleKey } from './keys';

export const ITEM_KINDS = ['meta', 'section', 'duty', 'target', 'phase', 'cite'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ListKind = Exclude<ItemKind, 'meta'>;
export type CorrectionOp = 'edit' | 'add' | 'delete';

/** Which array of the Policy JSON holds each kind of item. */
export const LIST_OF = {
  section: 'sections',
  duty: 'responsibilities',
  target: 'targets',
  phase: 'phases',
  cite: 'cites',
} as const satisfies Record<ListKind, keyof Policy>;

type ItemOf = { section: Section; duty: Duty; target: Target; phase: Phase; cite: Citation };

/** Fields people may correct, per kind (spans are the engine's: never edited). */
export const EDITABLE_FIELDS: Record<ItemKind, readonly string[]> = {
  meta: [
    'title',
    'attachmentTitle',
    'docNumber',
    'issuers',
    'signedDate',
    'effectiveFrom',
    'effectiveTo',
    'planPeriod',
    'copiedTo',
    'printedBy',
    'printedDate',
  ],
  section: ['path', 'marker', 'heading', 'level'],
  duty: ['section', 'role', 'units'],
  target: [
    'section',
    'metric',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'per',
    'deadline',
    'approx',
    'scope',
    'text',
  ],
  phase: ['name', 'start', 'end'],
  cite: ['title', 'docNumber', 'relation'],
};

export interface CorrectionRecord {
  id: string;
  kind: ItemKind;
  /** Stable id of the corrected item ('meta' for the meta block; a fresh id for an added item). */
  itemId: string;
  op: CorrectionOp;
  /** edit: the corrected fields only; add: the whole item; delete: null. */
  fields: Record<string, unknown> | null;
  /** The extracted item as it was when corrected (edit/delete), to find it again after a re-parse. */
  basis: Record<string, unknown> | null;
}

/** Stable ids of the items of a policy, index-aligned with its arrays. */
export interface ItemIds {
  sections: string[];
  responsibilities: string[];
  targets: string[];
  phases: string[];
  cites: string[];
}

const ID_PREFIX: Record<ListKind, string> = { section: 's', duty: 'd', target: 't', phase: 'p', cite: 'c' };

/**
 * The content an item is recognised by across re-parses. A target is identified the way the gold
 * scorer matches one (section, value, valueMax, unit), so an engine that improves its metric
 * wording keeps the id; duties by section and role; sections by path.
 */
function identity(kind: ListKind, item: Record<string, unknown>): string {
  const s = (v: unknown) => (v == null ? '' : matchKey(String(v)));
  switch (kind) {
    case 'section':
      return s(item.path);
    case 'duty':
      return `${s(item.section)}:${s(item.role)}`;
    case 'target':
      return `${s(item.section)}:${s(item.value)}:${s(item.valueMax)}:${s(item.unit)}`;
    case 'phase':
      return s(item.name);
    case 'cite':
      return docNumberKey(item.docNumber as string | null) ?? titleKey(item.title as string | null) ?? '';
  }
}

/**
 * A looser key for finding an edited item again when its identity changed under a new engine
 * (a target whose value the engine now reads differently is still the same clause of text).
 */
function anchor(kind: ListKind, item: Record<string, unknown>): string {
  const s = (v: unknown) => (v == null ? '' : matchKey(String(v)));
  switch (kind) {
    case 'section':
      return `${s(item.marker)}:${s(item.heading)}`;
    case 'duty':
      return `${s(item.section)}:${s(item.role)}`;
    case 'target':
      return `${s(item.section)}:${s(item.text)}:${s(item.metric)}`;
    case 'phase':
      return s(item.name);
    case 'cite':
      return titleKey(item.title as string | null) ?? docNumberKey(item.docNumber as string | null) ?? '';
  }
}

/** Ids for one list: prefix + identity, with ~2, ~3 … for repeats in document order. */
export function idsFor(kind: ListKind, items: readonly object[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${ID_PREFIX[kind]}:${identity(kind, item as Record<string, unknown>)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}

export function assignIds(policy: Policy): ItemIds {
  return {
    sections: idsFor('section', policy.sections),
    responsibilities: idsFor('duty', policy.responsibilities),
    targets: idsFor('target', policy.targets),
    phases: idsFor('phase', policy.phases),
    cites: idsFor('cite', policy.cites),
  };
}

/** Prefix of ids given to items people add, so they never collide with extracted ones. */
export const addedItemId = (kind: ListKind, suffix: string) => `${ID_PREFIX[kind]}+${suffix}`;

export interface ItemMark {
  correctionId: string;
  op: 'edit' | 'add';
  /** The fields that differ from the extraction. */
  fields: string[];
}

export type OutcomeStatus = 'applied' | 'redundant' | 'orphaned';

export interface CorrectionOutcome {
  correctionId: string;
  kind: ItemKind;
  itemId: string;
  op: CorrectionOp;
  /**
   * applied: changes the effective policy; redundant: the extraction already says the same
   * (a newer engine caught up); orphaned: its item is no longer in the extraction.
   */
  status: OutcomeStatus;
  /** When the item was found again under a different id after a re-parse. */
  appliedTo?: string;
}

export interface DeletedItem {
  kind: ListKind;
  itemId: string;
  correctionId: string;
  item: unknown;
}

export interface AppliedPolicy {
  policy: Policy;
  itemIds: ItemIds;
  /** By item id ('meta' for the meta block): what people changed. */
  marks: Record<string, ItemMark>;
  deleted: DeletedItem[];
  outcomes: CorrectionOutcome[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function pickEditable(kind: ItemKind, fields: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS[kind]) if (fields && f in fields) out[f] = fields[f];
  return out;
}

interface Entry {
  id: string;
  item: Record<string, unknown>;
  extracted: Record<string, unknown> | null;
  claimed: boolean;
}

/** Where an added item goes: after the last item of its section or of an earlier one. */
function insertionIndex(kind: ListKind, entries: Entry[], item: Record<string, unknown>): number {
  const key = kind === 'section' ? item.path : kind === 'duty' || kind === 'target' ? item.section : null;
  if (typeof key !== 'string') return entries.length;
  let at = 0;
  entries.forEach((e, i) => {
    const k = kind === 'section' ? e.item.path : e.item.section;
    if (typeof k === 'string' && comparePaths(k, key) <= 0) at = i + 1;
  });
  return at;
}

/** The effective policy: the extraction with every live correction applied, in the order made. */
export function applyCorrections(extracted: Policy, corrections: readonly CorrectionRecord[]): AppliedPolicy {
  const base = structuredClone(extracted);
  const ids = assignIds(base);
  const lists = {} as Record<ListKind, Entry[]>;
  for (const kind of Object.keys(LIST_OF) as ListKind[]) {
    const arr = base[LIST_OF[kind]] as unknown as Record<string, unknown>[];
    const kindIds = ids[LIST_OF[kind]];
    lists[kind] = arr.map((item, i) => ({ id: kindIds[i], item, extracted: { ...item }, claimed: false }));
  }
  const meta = base.meta as unknown as Record<string, unknown>;
  const extractedMeta = { ...meta };
  const marks: Record<string, ItemMark> = {};
  const deleted: DeletedItem[] = [];
  const outcomes: CorrectionOutcome[] = [];

  for (const c of corrections) {
    const outcome: CorrectionOutcome = {
      correctionId: c.id,
      kind: c.kind,
      itemId: c.itemId,
      op: c.op,
      status: 'applied',
    };
    outcomes.push(outcome);
    if (c.kind === 'meta') {
      const fields = pickEditable('meta', c.fields);
      Object.assign(meta, fields);
      const changed = Object.keys(fields).filter((f) => !same(fields[f], extractedMeta[f]));
      if (changed.length) marks.meta = { correctionId: c.id, op: 'edit', fields: changed };
      else outcome.status = 'redundant';
      continue;
    }
    const kind: ListKind = c.kind;
    const entries = lists[kind];
    if (c.op === 'add') {
      const item = pickEditable(kind, c.fields);
      entries.splice(insertionIndex(kind, entries, item), 0, {
        id: c.itemId,
        item,
        extracted: null,
        claimed: true,
      });
      marks[c.itemId] = { correctionId: c.id, op: 'add', fields: Object.keys(item) };
      continue;
    }
    let entry = entries.find((e) => e.id === c.itemId && !e.claimed);
    if (!entry && c.basis) {
      const a = anchor(kind, c.basis);
      entry = entries.find((e) => e.extracted && !e.claimed && anchor(kind, e.extracted) === a);
      if (entry) outcome.appliedTo = entry.id;
    }
    if (!entry) {
      // Not found: a deletion of an item the engine no longer gives is moot; an edit is moot if
      // some item already reads as corrected, and lost otherwise.
      if (c.op === 'delete') outcome.status = 'redundant';
      else {
        const wanted = { ...(c.basis ?? {}), ...pickEditable(kind, c.fields) };
        const fields = Object.keys(pickEditable(kind, c.fields));
        const hit = entries.some(
          (e) =>
            fields.every((f) => same(e.item[f], wanted[f])) &&
            identity(kind, e.item) === identity(kind, wanted),
        );
        outcome.status = hit ? 'redundant' : 'orphaned';
      }
      continue;
    }
    entry.claimed = true;
    if (c.op === 'delete') {
      entries.splice(entries.indexOf(entry), 1);
      deleted.push({ kind: kind, itemId: entry.id, correctionId: c.id, item: entry.item });
      continue;
    }
    const fields = pickEditable(kind, c.fields);
    Object.assign(entry.item, fields);
    const changed = Object.keys(fields).filter((f) => !same(fields[f], entry.extracted?.[f]));
    if (changed.length) marks[entry.id] = { correctionId: c.id, op: 'edit', fields: changed };
    else outcome.status = 'redundant';
  }

  const policy = { meta: base.meta } as Policy;
  const itemIds = {} as ItemIds;
  for (const kind of Object.keys(LIST_OF) as ListKind[]) {
    const key = LIST_OF[kind];
    (policy as unknown as Record<string, unknown>)[key] = lists[kind].map((e) => e.item);
    itemIds[key] = lists[kind].map((e) => e.id);
  }
  return { policy, itemIds, marks, deleted, outcomes };
}

/** The item with a given id in an effective policy, with its kind. */
export function findItem(
  applied: Pick<AppliedPolicy, 'policy' | 'itemIds'>,
  kind: ListKind,
  itemId: string,
): ItemOf[ListKind] | undefined {
  const key = LIST_OF[kind];
  const i = applied.itemIds[key].indexOf(itemId);
  return i < 0 ? undefined : (applied.policy[key][i] as ItemOf[ListKind]);
}
