// Columns the library lists, filters, searches and resolves citations by, derived from the
// effective policy (extraction + corrections). Pure, given a lookup of org-unit names.
import type { Policy } from '@innocounty/policy';
import { matchKey, t2s } from '../../text/script';
import { docNumberKey, shortTitleKey, titleKey } from './keys';

export const ISSUER_LEVELS = ['national', 'region', 'city', 'county'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];
export const ISSUER_LEVEL_NAMES: Record<IssuerLevel, string> = {
  national: '国家',
  region: '自治区',
  city: '盟市',
  county: '旗县',
};

/** The org-unit level a name starts with (阿荣旗人民政府办公室 → county), from the org tree. */
export type UnitLevelLookup = (simplifiedName: string) => 'province' | 'city' | 'county' | null;

const FROM_UNIT: Record<'province' | 'city' | 'county', IssuerLevel> = {
  province: 'region',
  city: 'city',
  county: 'county',
};

/** Level of one issuer name (simplified script). */
export function levelOfIssuer(name: string, lookup: UnitLevelLookup): IssuerLevel | null {
  const n = t2s(name).replace(/\s+/g, '');
  if (/^(国务院|中共中央|全国|国家|中华人民共和国|中央)/.test(n)) return 'national';
  const unit = lookup(n);
  if (unit) return FROM_UNIT[unit];
  // Ministries write no place in front: 科技部, 财政部, 国家发展改革委.
  if (/^[^省市区县旗盟州]{1,8}(部|总局|委员会|署)$/.test(n)) return 'national';
  // Otherwise the first place suffix tells: 自治区科技厅, 市科技局, 演示旗人民政府 (a unit the
  // org tree does not know), 旗委组织部.
  const suffix = /(自治区|省|市|盟|州|地区|旗|县|区)/.exec(n)?.[1];
  if (suffix === '自治区' || suffix === '省') return 'region';
  if (suffix === '市' || suffix === '盟' || suffix === '州' || suffix === '地区') return 'city';
  if (suffix) return 'county';
  if (/厅$/.test(n)) return 'region';
  return null;
}

const RANK: Record<IssuerLevel, number> = { national: 0, region: 1, city: 2, county: 3 };

/**
 * Issuer level of a document: the highest level among its issuers (a joint 科技部 + 自治区人民政府
 * document is national), else what its 发文字号 says (国办发, 国科发 are national).
 */
export function issuerLevel(
  issuers: readonly string[],
  docNumber: string | null,
  lookup: UnitLevelLookup,
): IssuerLevel | null {
  let best: IssuerLevel | null = null;
  for (const i of issuers) {
    const l = levelOfIssuer(i, lookup);
    if (l && (!best || RANK[l] < RANK[best])) best = l;
  }
  if (best) return best;
  if (docNumber && /^国/.test(t2s(docNumber))) return 'national';
  return null;
}

/** The year a document belongs to: signed, else the year in its 发文字号, printed, plan start. */
export function policyYear(meta: Policy['meta']): number | null {
  const fromDate = (d: string | null) => (d && /^\d{4}/.test(d) ? Number(d.slice(0, 4)) : null);
  const fromNumber = meta.docNumber ? /[〔[［(（【](\d{4})[〕\]］)）】]/.exec(meta.docNumber) : null;
  return (
    fromDate(meta.signedDate) ??
    (fromNumber ? Number(fromNumber[1]) : null) ??
    fromDate(meta.printedDate) ??
    meta.planPeriod?.[0] ??
    fromDate(meta.effectiveFrom)
  );
}

/** The title to show for a document: a 通知's own title, else its attachment's, else the file name. */
export function displayTitle(meta: Policy['meta'], fileName: string): string {
  return meta.title ?? meta.attachmentTitle ?? fileName.replace(/\.[^.]+$/, '');
}

export interface DerivedColumns {
  title: string | null;
  attachmentTitle: string | null;
  docNumber: string | null;
  issuers: string[];
  issuerLevel: IssuerLevel | null;
  year: number | null;
  titleKey: string | null;
  attachmentTitleKey: string | null;
  shortTitleKey: string | null;
  docNumberKey: string | null;
  searchText: string;
}

export function deriveColumns(policy: Policy, originalText: string, lookup: UnitLevelLookup): DerivedColumns {
  const m = policy.meta;
  const head = [m.title, m.attachmentTitle, m.docNumber, ...m.issuers].filter(Boolean).join('\n');
  return {
    title: m.title,
    attachmentTitle: m.attachmentTitle,
    docNumber: m.docNumber,
    issuers: m.issuers,
    issuerLevel: issuerLevel(m.issuers, m.docNumber, lookup),
    year: policyYear(m),
    titleKey: titleKey(m.title),
    attachmentTitleKey: titleKey(m.attachmentTitle),
    shortTitleKey: shortTitleKey(m.title, m.issuers),
    docNumberKey: docNumberKey(m.docNumber),
    // Corrected meta comes first so a corrected title is found even though the text says otherwise.
    searchText: searchKey(`${head}\n${originalText}`),
  };
}

/** What the search column and a search query are compared in: simplified, NFKC, no spaces. */
export const searchKey = (s: string) => matchKey(s);
