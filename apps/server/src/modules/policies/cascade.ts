// Resolving a citation to a document in the library, by 发文字号 or title keys. Pure.
export interface CitationRef {
  policyId: string;
  itemId: string;
  title: string | null;
  docNumber: string | null;
  relation: string;
  titleKey: string | null;
  docNumberKey: string | null;
}

export interface LibraryDoc {
  id: string;
  orgUnitCode: string;
  orgPath: string;
  titleKey: string | null;
  attachmentTitleKey: string | null;
  shortTitleKey: string | null;
  docNumberKey: string | null;
  createdAt: Date;
}

function matches(
  cite: Pick<CitationRef, 'titleKey' | 'docNumberKey'>,
  doc: LibraryDoc,
): 'number' | 'title' | null {
  if (cite.docNumberKey && cite.docNumberKey === doc.docNumberKey) return 'number';
  const t = cite.titleKey;
  if (t && (t === doc.titleKey || t === doc.attachmentTitleKey || t === doc.shortTitleKey)) return 'title';
  return null;
}

/**
 * The library document a citation names, or null. The same higher-level document may be in the
 * library several times (each county uploads the region's opinion): prefer a match by 发文字号,
 * then the copy owned by the citing document's own unit, then the nearest unit above it, then the
 * oldest upload, so the answer does not change from one request to the next.
 */
export function resolveCitation(
  cite: Pick<CitationRef, 'policyId' | 'titleKey' | 'docNumberKey'>,
  citing: { orgUnitCode: string; orgPath: string },
  docs: readonly LibraryDoc[],
): LibraryDoc | null {
  let best: { doc: LibraryDoc; rank: number[] } | null = null;
  for (const doc of docs) {
    if (doc.id === cite.policyId) continue;
    const how = matches(cite, doc);
    if (!how) continue;
    const unitRank =
      doc.orgUnitCode === citing.orgUnitCode
        ? 0
        : citing.orgPath.startsWith(doc.orgPath)
          ? 1 + (citing.orgPath.length - doc.orgPath.length)
          : 10_000;
    const rank = [how === 'number' ? 0 : 1, unitRank, doc.createdAt.getTime()];
    if (!best || compare(rank, best.rank) < 0) best = { doc, rank };
  }
  return best?.doc ?? null;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Key of the placeholder node for a cited document not in the library: one node per document. */
export const placeholderKey = (cite: Pick<CitationRef, 'titleKey' | 'docNumberKey'>) =>
  `cited:${cite.docNumberKey ?? cite.titleKey ?? ''}`;
