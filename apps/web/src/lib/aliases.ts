/**
 * Cleans the aliases typed for a department: trims, drops empties and duplicates (ignoring
 * full-width/half-width and case differences), and drops the department's own name, which
 * needs no alias. Order as typed is kept, since people list the commonest form first.
 */
export function normaliseAliases(aliases: readonly string[], ownName = ''): string[] {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const seen = new Set<string>([key(ownName)]);
  const out: string[] = [];
  for (const raw of aliases) {
    const a = raw.trim();
    if (!a) continue;
    const k = key(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}
