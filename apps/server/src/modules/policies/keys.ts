// Matching keys for policy titles and 发文字号: what two spellings of the same document share.
// Pure; used to resolve citations, to give items stable ids and to build the search column.
import { parseChineseInteger } from '@innocounty/policy';
import { matchKey } from '../../text/script';

// Quotes, brackets and separators that documents and the web pages quoting them write
// differently (《》 vs none, “” vs "", （） vs (), 〔〕 vs [ ] vs 【】).
const PUNCT = /[\p{P}\p{S}\s]/gu;

/** Title key: NFKC, simplified script, no punctuation, no spaces. */
export function titleKey(title: string | null | undefined): string | null {
  if (!title) return null;
  const k = matchKey(title).replace(PUNCT, '');
  return k || null;
}

/** 发文字号 key: 内政办发〔2018〕84号, 內政辦發[2018]84號 and 内政办发（2018）84号 agree. */
export function docNumberKey(docNumber: string | null | undefined): string | null {
  if (!docNumber) return null;
  const k = matchKey(docNumber).replace(PUNCT, '');
  return k || null;
}

/**
 * The title without an issuer in front: citations often leave the issuer out
 * (《关于县域创新驱动发展的若干意见》) where the document's own title has it.
 */
export function shortTitleKey(title: string | null | undefined, issuers: readonly string[]): string | null {
  const key = titleKey(title);
  if (!key) return null;
  for (const issuer of [...issuers].sort((a, b) => b.length - a.length)) {
    const ik = titleKey(issuer);
    if (ik && key.startsWith(ik) && key.length > ik.length) return key.slice(ik.length);
  }
  return null;
}

/** Number of one path element: 三 → 3, (二) → 2, 5 → 5, (11) → 11; NaN if unreadable. */
function elementNumber(el: string): number {
  const bare = el.replace(/^[(（]|[)）]$/g, '');
  if (/^\d+$/.test(bare)) return Number(bare);
  return parseChineseInteger(bare) ?? Number.NaN;
}

/** Document order of two section paths ("三/(二)/5" before "三/(二)/10", "三" before "三/(一)"). */
export function comparePaths(a: string, b: string): number {
  const pa = a ? a.split('/') : [];
  const pb = b ? b.split('/') : [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = elementNumber(pa[i]);
    const nb = elementNumber(pb[i]);
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
