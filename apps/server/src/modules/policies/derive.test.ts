import { describe, expect, it } from 'vitest';
import { resolveCitation } from './cascade';
import { issuerLevel, levelOfIssuer, policyYear, type UnitLevelLookup } from './derive';
import { comparePaths, docNumberKey, shortTitleKey, titleKey } from './keys';

const units: Record<string, 'province' | 'city' | 'county'> = {
  内蒙古自治区: 'province',
  呼伦贝尔市: 'city',
  阿荣旗: 'county',
  扎兰屯市: 'county',
  西宁市: 'city',
};
const lookup: UnitLevelLookup = (name) => {
  const hit = Object.keys(units)
    .filter((u) => name.startsWith(u))
    .sort((a, b) => b.length - a.length)[0];
  return hit ? units[hit] : null;
};

describe('issuer level', () => {
  it.each([
    ['国务院办公厅', 'national'],
    ['科技部', 'national'],
    ['内蒙古自治区人民政府办公厅', 'region'],
    ['自治区科技厅', 'region'],
    ['呼伦贝尔市科学技术局', 'city'],
    ['西寧市人民政府辦公廳', 'city'],
    ['扎兰屯市人民政府', 'county'],
    ['阿荣旗人民政府办公室', 'county'],
    ['演示旗人民政府办公室', 'county'],
  ])('%s → %s', (name, level) => {
    expect(levelOfIssuer(name, lookup)).toBe(level);
  });

  it('takes the highest level of a joint document, else the 发文字号', () => {
    expect(issuerLevel(['科技部', '內蒙古自治區人民政府'], null, lookup)).toBe('national');
    expect(issuerLevel([], '国办发〔2017〕43号', lookup)).toBe('national');
    expect(issuerLevel([], null, lookup)).toBeNull();
  });
});

describe('policy year', () => {
  const meta = {
    signedDate: null,
    docNumber: null,
    printedDate: null,
    planPeriod: null,
    effectiveFrom: null,
  } as never as Parameters<typeof policyYear>[0];
  it('prefers the signing date, then the year in the 发文字号', () => {
    expect(policyYear({ ...meta, signedDate: '2021-11-11', docNumber: '阿政办发〔2020〕1号' })).toBe(2021);
    expect(policyYear({ ...meta, docNumber: '寧政辦〔2018〕132號' })).toBe(2018);
    expect(policyYear({ ...meta, planPeriod: [2023, 2025] })).toBe(2023);
    expect(policyYear(meta)).toBeNull();
  });
});

describe('matching keys', () => {
  it('makes spellings of one title or number agree', () => {
    expect(titleKey('呼伦贝尔市“科技兴市”三年行动实施方案')).toBe(
      titleKey('《呼倫貝爾市"科技興市"三年行動實施方案》'),
    );
    expect(docNumberKey('内政办发〔2018〕84号')).toBe(docNumberKey('內政辦發[2018]84號'));
    expect(docNumberKey('内政办发（2018）84号')).toBe(docNumberKey('内政办发〔2018〕84号'));
  });

  it('drops the issuer in front of a title', () => {
    expect(shortTitleKey('国务院办公厅关于县域创新驱动发展的若干意见', ['国务院办公厅'])).toBe(
      titleKey('关于县域创新驱动发展的若干意见'),
    );
    expect(shortTitleKey('关于县域创新驱动发展的若干意见', ['国务院办公厅'])).toBeNull();
  });

  it('orders section paths as the document does', () => {
    const paths = ['三/(二)/10', '三', '三/(二)/2', '一', '三/(一)', '十'];
    expect([...paths].sort(comparePaths)).toEqual(['一', '三', '三/(一)', '三/(二)/2', '三/(二)/10', '十']);
  });
});

describe('resolveCitation', () => {
  const doc = (
    id: string,
    orgUnitCode: string,
    orgPath: string,
    keys: Partial<Record<string, string>>,
    t = 0,
  ) => ({
    id,
    orgUnitCode,
    orgPath,
    titleKey: keys.titleKey ?? null,
    attachmentTitleKey: keys.attachmentTitleKey ?? null,
    shortTitleKey: keys.shortTitleKey ?? null,
    docNumberKey: keys.docNumberKey ?? null,
    createdAt: new Date(t),
  });
  const citing = { orgUnitCode: '150721', orgPath: '/000000/150000/150700/150721/' };
  const cite = {
    policyId: 'me',
    titleKey: titleKey('某方案'),
    docNumberKey: docNumberKey('某发〔2020〕1号'),
  };

  it('prefers a match by number, then the citing unit’s own copy, then the nearest unit above', () => {
    const byTitleHere = doc('a', '150721', citing.orgPath, { attachmentTitleKey: cite.titleKey! });
    const byNumberCity = doc('b', '150700', '/000000/150000/150700/', { docNumberKey: cite.docNumberKey! });
    const byNumberHere = doc('c', '150721', citing.orgPath, { docNumberKey: cite.docNumberKey! }, 5);
    const byNumberOther = doc('d', '150722', '/000000/150000/150700/150722/', {
      docNumberKey: cite.docNumberKey!,
    });
    expect(resolveCitation(cite, citing, [byTitleHere])?.id).toBe('a');
    expect(resolveCitation(cite, citing, [byTitleHere, byNumberCity])?.id).toBe('b');
    expect(resolveCitation(cite, citing, [byNumberOther, byNumberCity, byNumberHere])?.id).toBe('c');
  });

  it('never resolves a citation to the citing document itself', () => {
    expect(
      resolveCitation(cite, citing, [
        doc('me', '150721', citing.orgPath, { docNumberKey: cite.docNumberKey! }),
      ]),
    ).toBeNull();
  });
});
