import type { Policy } from '@innocounty/policy';
import { describe, expect, it } from 'vitest';
import { applyCorrections, assignIds, type CorrectionRecord } from './corrections';

// A small invented extraction: two task sections, a duty each, two targets.
function extraction(): Policy {
  return {
    meta: {
      title: '演示县关于推进科技创新的实施方案',
      attachmentTitle: null,
      docNumber: '演政发〔2024〕1号',
      issuers: ['演示县人民政府'],
      signedDate: '2024-03-01',
      effectiveFrom: null,
      effectiveTo: null,
      planPeriod: [2024, 2026],
      copiedTo: [],
      printedBy: null,
      printedDate: null,
      script: 'simplified',
    },
    cites: [{ title: '演示市科技创新行动方案', docNumber: null, relation: 'implements', span: [10, 20] }],
    sections: [
      { path: '一', marker: '一、', heading: '主要任务', level: 1, span: [30, 34] },
      { path: '一/(一)', marker: '（一）', heading: '培育科技型企业', level: 2, span: [40, 47] },
      { path: '一/(二)', marker: '（二）', heading: '建设创新平台', level: 2, span: [90, 96] },
    ],
    responsibilities: [
      { section: '一/(一)', role: 'lead', units: ['科技局'], span: [80, 83] },
      { section: '一/(二)', role: 'lead', units: ['工信局'], span: [120, 123] },
    ],
    targets: [
      {
        section: '一/(一)',
        metric: '科技型中小企业',
        comparator: 'reach',
        value: 10,
        valueMax: null,
        unit: '家',
        per: null,
        deadline: 2026,
        approx: false,
        scope: null,
        text: '科技型中小企业达到10家',
        span: [50, 62],
      },
      {
        section: '一/(二)',
        metric: '创新平台',
        comparator: 'at_least',
        value: 2,
        valueMax: null,
        unit: '个',
        per: null,
        deadline: 2026,
        approx: false,
        scope: null,
        text: '建成创新平台不少于2个',
        span: [100, 111],
      },
    ],
    phases: [],
  };
}

const rec = (
  over: Partial<CorrectionRecord> & Pick<CorrectionRecord, 'kind' | 'itemId' | 'op'>,
): CorrectionRecord => ({
  id: `c${Math.random()}`,
  fields: null,
  basis: null,
  ...over,
});

describe('stable item ids', () => {
  it('identifies targets by section, value and unit, duties by section and role, sections by path', () => {
    const ids = assignIds(extraction());
    expect(ids.sections).toEqual(['s:一', 's:一/(一)', 's:一/(二)']);
    expect(ids.responsibilities).toEqual(['d:一/(一):lead', 'd:一/(二):lead']);
    expect(ids.targets).toEqual(['t:一/(一):10::家', 't:一/(二):2::个']);
  });

  it('numbers repeats so every id is unique', () => {
    const p = extraction();
    p.responsibilities.push({ ...p.responsibilities[0] });
    expect(assignIds(p).responsibilities).toEqual(['d:一/(一):lead', 'd:一/(二):lead', 'd:一/(一):lead~2']);
  });

  it('does not depend on the script the document is written in', () => {
    const p = extraction();
    p.targets[0].unit = '傢';
    expect(assignIds(p).targets[0]).toBe('t:一/(一):10::家');
  });
});

describe('applyCorrections', () => {
  it('edits the corrected fields only and marks them', () => {
    const p = extraction();
    const basis = { ...p.targets[0] };
    const out = applyCorrections(p, [
      rec({ id: 'c1', kind: 'target', itemId: 't:一/(一):10::家', op: 'edit', fields: { value: 12 }, basis }),
    ]);
    expect(out.policy.targets[0].value).toBe(12);
    expect(out.policy.targets[0].span).toEqual([50, 62]);
    expect(out.itemIds.targets[0]).toBe('t:一/(一):10::家');
    expect(out.marks['t:一/(一):10::家']).toEqual({ correctionId: 'c1', op: 'edit', fields: ['value'] });
    expect(out.outcomes[0].status).toBe('applied');
    // The input is not modified.
    expect(p.targets[0].value).toBe(10);
  });

  it('ignores fields that may not be corrected (spans stay the engine’s)', () => {
    const out = applyCorrections(extraction(), [
      rec({
        kind: 'section',
        itemId: 's:一/(一)',
        op: 'edit',
        fields: { heading: '培育企业', span: [0, 1] },
      }),
    ]);
    expect(out.policy.sections[1]).toMatchObject({ heading: '培育企业', span: [40, 47] });
  });

  it('deletes an item and lists it as deleted', () => {
    const out = applyCorrections(extraction(), [
      rec({ id: 'del', kind: 'duty', itemId: 'd:一/(二):lead', op: 'delete' }),
    ]);
    expect(out.policy.responsibilities.map((d) => d.units[0])).toEqual(['科技局']);
    expect(out.itemIds.responsibilities).toEqual(['d:一/(一):lead']);
    expect(out.deleted).toEqual([
      expect.objectContaining({ kind: 'duty', itemId: 'd:一/(二):lead', correctionId: 'del' }),
    ]);
  });

  it('adds an item after the items of its section', () => {
    const out = applyCorrections(extraction(), [
      rec({
        id: 'add',
        kind: 'duty',
        itemId: 'd+0001',
        op: 'add',
        fields: { section: '一/(一)', role: 'co', units: ['财政局'] },
      }),
    ]);
    expect(out.itemIds.responsibilities).toEqual(['d:一/(一):lead', 'd+0001', 'd:一/(二):lead']);
    expect(out.policy.responsibilities[1]).toEqual({ section: '一/(一)', role: 'co', units: ['财政局'] });
    expect(out.marks['d+0001'].op).toBe('add');
  });

  it('after a re-parse, finds an edited target again by its text when its value was read differently', () => {
    const old = extraction();
    const basis = { ...old.targets[0] };
    const reparsed = extraction();
    reparsed.targets[0].value = 11; // a new engine reads the clause differently
    const out = applyCorrections(reparsed, [
      rec({
        id: 'c1',
        kind: 'target',
        itemId: 't:一/(一):10::家',
        op: 'edit',
        fields: { deadline: 2025 },
        basis,
      }),
    ]);
    expect(out.outcomes[0]).toMatchObject({ status: 'applied', appliedTo: 't:一/(一):11::家' });
    expect(out.policy.targets[0]).toMatchObject({ value: 11, deadline: 2025 });
  });

  it('reports an edit whose item the new extraction no longer has as orphaned', () => {
    const basis = { ...extraction().sections[2] };
    const reparsed = extraction();
    reparsed.sections.splice(2, 1);
    const out = applyCorrections(reparsed, [
      rec({ kind: 'section', itemId: 's:一/(二)', op: 'edit', fields: { heading: '建设平台载体' }, basis }),
    ]);
    expect(out.outcomes[0].status).toBe('orphaned');
    expect(out.policy.sections).toHaveLength(2);
  });

  it('reports a correction the new extraction already agrees with as redundant', () => {
    const basis = { ...extraction().targets[0] };
    const reparsed = extraction();
    reparsed.targets[0].value = 12;
    reparsed.targets[0].text = '科技型中小企业达到12家';
    const out = applyCorrections(reparsed, [
      rec({ kind: 'target', itemId: 't:一/(一):10::家', op: 'edit', fields: { value: 12 }, basis }),
    ]);
    expect(out.outcomes[0].status).toBe('redundant');
    expect(out.policy.targets[0].value).toBe(12);
    expect(Object.keys(out.marks)).toEqual([]);
  });

  it('corrects meta fields and marks them', () => {
    const out = applyCorrections(extraction(), [
      rec({
        kind: 'meta',
        itemId: 'meta',
        op: 'edit',
        fields: { docNumber: '演政发〔2024〕2号', script: 'traditional' },
      }),
    ]);
    expect(out.policy.meta.docNumber).toBe('演政发〔2024〕2号');
    expect(out.policy.meta.script).toBe('simplified');
    expect(out.marks.meta.fields).toEqual(['docNumber']);
  });
});
