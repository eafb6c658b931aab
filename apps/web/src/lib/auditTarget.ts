// A readable name for what an audit record is about. Records carry a type and an id (a UUID,
// meaningless to staff); the name usually sits in the recorded before/after data.

const NAME_FIELDS = ['displayName', 'name', 'username', 'title'] as const;

function nameIn(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  for (const f of NAME_FIELDS) {
    const x = (v as Record<string, unknown>)[f];
    if (typeof x === 'string' && x.trim()) return x;
  }
  return undefined;
}

/** The after state names a thing as it is now; a deletion only has the before state. */
export function targetName(e: { before: unknown; after: unknown; details?: unknown }): string | undefined {
  return nameIn(e.after) ?? nameIn(e.before) ?? nameIn(e.details);
}

/** First block of a UUID is enough to tell records apart on screen; the tooltip has it all. */
export function shortId(id: string | null): string {
  if (!id) return '';
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}
