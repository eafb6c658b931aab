// before → after of an audit record as rows a person can read: one row per changed field.

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  /** Dotted path of the field, e.g. 'displayName' or 'address.city'; '' for a bare value. */
  field: string;
  before: unknown;
  after: unknown;
  change: Change;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Key-order-independent comparison of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

function flatten(v: Record<string, unknown>, prefix: string, out: Map<string, unknown>) {
  for (const [k, x] of Object.entries(v)) {
    // Nested records are spelled out field by field; arrays stay whole (aliases, tags …).
    if (isPlainObject(x) && Object.keys(x).length > 0) flatten(x, `${prefix}${k}.`, out);
    else out.set(`${prefix}${k}`, x);
  }
}

/**
 * Field-by-field difference. A create has no `before` (all rows 'added'), a delete no `after`
 * (all 'removed'). Unchanged fields are included as 'same' so the caller may show context.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const none = (v: unknown) => v === null || v === undefined;
  if (none(before) && none(after)) return [];
  if (!(isPlainObject(before) || none(before)) || !(isPlainObject(after) || none(after))) {
    return sameValue(before, after) ? [] : [{ field: '', before, after, change: 'changed' }];
  }
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (isPlainObject(before)) flatten(before, '', b);
  if (isPlainObject(after)) flatten(after, '', a);
  const fields = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return fields.map((field) => {
    const inB = b.has(field);
    const inA = a.has(field);
    const bv = b.get(field);
    const av = a.get(field);
    let change: Change;
    if (!inB || none(before)) change = 'added';
    else if (!inA || none(after)) change = 'removed';
    else change = sameValue(bv, av) ? 'same' : 'changed';
    return { field, before: bv, after: av, change };
  });
}

const SECRET_NAMES = new Set(['password', 'newpassword', 'currentpassword', 'initialpassword', 'passwd']);

/**
 * Field names that must never be shown even if a record carries them (the server should not
 * log them at all; this is the second line). Flags such as mustChangePassword stay visible.
 */
export function isSecretField(field: string): boolean {
  const name = (field.split('.').pop() ?? field).toLowerCase();
  return SECRET_NAMES.has(name) || /(hash|secret|token)$/.test(name);
}
