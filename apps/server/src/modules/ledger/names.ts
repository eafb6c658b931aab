/**
 * Department lists as staff write them in a 台账 cell: 农牧局、工信局、各乡镇人民政府. Splitting
 * follows the policy spec (、，,；; and 及) but never inside brackets (各县（市、区）人民政府).
 */
export function splitUnits(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const flush = () => {
    const t = cur.trim();
    if (t) out.push(t);
    cur = '';
  };
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if ('（(【['.includes(c)) depth++;
    if ('）)】]'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;\n'.includes(c)) {
      flush();
      continue;
    }
    if (depth === 0 && c === '及' && cur.trim()) {
      flush();
      continue;
    }
    cur += c;
  }
  flush();
  return [...new Set(out)];
}

/** The collective name written for "every township" in a county's documents. */
export const ALL_TOWNSHIPS = '各乡镇人民政府';

/**
 * Names for a cell: the departments in order, with the full set of a county's township
 * governments written as 各乡镇人民政府 (how staff write it; it resolves back to the same set).
 */
export function formatUnits(
  ids: readonly string[],
  nameOf: (id: string) => string,
  townshipIds: readonly string[],
  notes: readonly string[] = [],
): string {
  const set = new Set(ids);
  const allTownships = townshipIds.length > 1 && townshipIds.every((t) => set.has(t));
  const names: string[] = [];
  let townshipsWritten = false;
  for (const id of ids) {
    if (allTownships && townshipIds.includes(id)) {
      if (!townshipsWritten) names.push(ALL_TOWNSHIPS);
      townshipsWritten = true;
      continue;
    }
    names.push(nameOf(id));
  }
  return [...names, ...notes].join('、');
}
