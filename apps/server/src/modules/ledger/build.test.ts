import { readFileSync } from 'node:fs';
import { type Policy, parseText } from '@innocounty/policy';
import { describe, expect, it } from 'vitest';
import { describeWithShared, SEED_001 } from '../../../../../test/shared';
import { catalogueFor } from '../departments/catalogue';
import { type KnownDepartment, type Resolution, resolveDepartment } from '../departments/resolve';
import { buildLedgerDraft, dutyNames, sectionBody } from './build';

// 阿荣旗's catalogue as the platform seeds it (two townships are enough to see the expansion).
const departments: KnownDepartment[] = catalogueFor({ name: '阿荣旗', level: 'county' }, [
  { name: '那吉镇' },
  { name: '六合镇' },
]).map((d, i) => ({ id: `d${i}`, name: d.name, fullName: d.fullName, kind: d.kind, aliases: d.aliases }));
const nameOf = (id: string) => departments.find((d) => d.id === id)!.name;

function resolutions(policy: Policy): Map<string, Resolution> {
  return new Map(
    dutyNames(policy).map((n) => [
      n,
      resolveDepartment(n, departments, ['内蒙古自治区', '呼伦贝尔市', '阿荣旗']),
    ]),
  );
}

describeWithShared(
  'seeds/001_02923c0dc0beccff.txt',
  'buildLedgerDraft on seed 001 (阿荣旗“科技兴旗”三年行动)',
  () => {
    const parsed = parseText(readFileSync(SEED_001, 'utf8'));
    const draft = buildLedgerDraft({
      policy: parsed.policy,
      originalText: parsed.originalText,
      policyId: 'p1',
      resolutions: resolutions(parsed.policy),
    });
    const numbered = draft.items.filter((i) => /^\(\d+\)$/.test(i.sectionPath.split('/').at(-1)!));

    it('makes the 17 numbered tasks, each with resolved lead and co-operating departments', () => {
      expect(numbered.map((i) => i.marker)).toEqual(Array.from({ length: 17 }, (_, k) => `(${k + 1})`));
      for (const i of numbered) {
        expect(i.kind, i.title).toBe('task');
        expect(i.leads.length, i.title).toBeGreaterThan(0);
        // Every co-operating name became a department, or a note when it names a set (各相关部门),
        // or was dropped because the same body already leads (档案史志馆 = 档案局 in (5)).
        expect(i.cos.length + i.notes.length, i.title).toBeGreaterThan(0);
        expect(i.unresolved, i.title).toEqual([]);
      }
      const first = numbered[0];
      expect(first.title).toBe('实施现代农牧业关键技术集成攻关');
      expect(first.leads.map(nameOf)).toEqual(['农牧局', '工信局', '科技局']);
      // 有关乡镇人民政府 stands for the county's township governments.
      expect(first.cos.map(nameOf)).toEqual([
        '发改委',
        '生态环境局',
        '林草局',
        '市场监管局',
        '那吉镇人民政府',
        '六合镇人民政府',
      ]);
      expect(first.leadNames).toEqual(['农牧局', '工信局', '教科体局']);
    });

    it('keeps a collective name that names no department as a note, not a department', () => {
      const archives = numbered[4];
      expect(archives.title).toBe('推进档案信息化建设');
      expect(archives.notes).toEqual([{ name: '各相关部门', role: 'co' }]);
      expect(archives.cos.map(nameOf)).toEqual(
        ['档案史志馆'].filter((n) => !archives.leads.map(nameOf).includes(n)),
      );
    });

    it('mirrors the section tree: groups above tasks, each task under its parent section', () => {
      const byKey = new Map(draft.items.map((i) => [i.key, i]));
      expect(byKey.get('三')?.kind).toBe('group');
      expect(byKey.get('三/(二)/1')?.kind).toBe('group');
      expect(byKey.get('三/(二)/1/(1)')?.parentKey).toBe('三/(二)/1');
      expect(byKey.get('三/(二)/5')?.kind).toBe('task'); // its own duty and targets
      expect(byKey.get('三/(二)/5/(11)')?.parentKey).toBe('三/(二)/5');
      expect(byKey.has('一')).toBe(false); // 指导思想 carries nothing to supervise
      for (const i of draft.items) if (i.parentKey) expect(byKey.has(i.parentKey)).toBe(true);
      const seqs = draft.items.filter((i) => i.kind === 'task').map((i) => Number(i.seq));
      expect(seqs).toEqual(seqs.map((_, k) => k + 1));
    });

    it('carries targets with values, units and deadlines, and due dates from them', () => {
      const stations = byPath('三/(二)/7/(17)');
      expect(stations.targets).toMatchObject([
        { metric: '科技特派员工作站', value: 3, unit: '个', deadline: 2023 },
      ]);
      expect(stations.dueDate).toBe('2023-12-31');
      expect(stations.dueSource).toBe('target');
    });

    it('takes the implementation phase as the due date of a task without a dated target', () => {
      const t = byPath('三/(二)/1/(1)');
      expect(t.targets).toEqual([]);
      expect(t.dueSource).toBe('phase');
      expect(t.dueDate).toBe('2023-10-31'); // 组织实施阶段 ends 2023年10月
      expect(t.milestones.map((m) => m.name)).toEqual(['全面启动阶段', '组织实施阶段']);
    });

    it('links each task back to its clause and quotes its measures without the duty brackets', () => {
      const t = byPath('三/(二)/1/(1)');
      expect(t.source.policyId).toBe('p1');
      expect(parsed.originalText.slice(...t.source.span!)).toContain('实施现代农牧业关键技术集成攻关');
      expect(t.content.startsWith('依托“互联网+”农牧业发展技术支撑体系')).toBe(true);
      expect(t.content).not.toContain('牵头部门');
      expect(t.source.dutySpans.length).toBeGreaterThan(0);
    });

    it('flags a task whose policy names no lead department', () => {
      const t = byPath('三/(二)/2'); // a target (每年转移转化重大科技成果1项) but no assignment
      expect(t.kind).toBe('task');
      expect(t.flags.map((f) => f.code)).toContain('NO_LEAD');
    });

    it('plan period and phases come through for the timeline', () => {
      expect(draft.title).toBe('阿荣旗“科技兴旗”三年行动实施方案');
      expect([draft.planStart, draft.planEnd]).toEqual(['2021-01-01', '2023-12-31']);
      expect(draft.phases.map((p) => p.name)).toEqual(['全面启动阶段', '组织实施阶段', '巩固提高阶段']);
    });

    function byPath(p: string) {
      const hit = draft.items.find((i) => i.sectionPath === p);
      if (!hit) throw new Error(`no item ${p}`);
      return hit;
    }
  },
);

describe('buildLedgerDraft on small hand-made policies', () => {
  const base: Policy = {
    meta: {
      title: '某县关于推进某事的通知',
      attachmentTitle: null,
      docNumber: null,
      issuers: [],
      signedDate: null,
      effectiveFrom: null,
      effectiveTo: null,
      planPeriod: null,
      copiedTo: [],
      printedBy: null,
      printedDate: null,
      script: 'simplified',
    },
    cites: [],
    sections: [
      { path: '一', marker: '一、', heading: '重点任务', level: 1 },
      { path: '一/(一)', marker: '（一）', heading: '建设平台', level: 2 },
    ],
    responsibilities: [{ section: '一/(一)', role: 'responsible', units: ['某某办', '财政局'] }],
    targets: [],
    phases: [],
  };

  it('flags names that resolve to nothing and a missing due date; 责任单位 leads', () => {
    const res = new Map<string, Resolution>([
      [
        '财政局',
        { input: '财政局', status: 'resolved', departmentId: 'cz', departmentName: '财政局', via: 'name' },
      ],
    ]);
    const d = buildLedgerDraft({ policy: base, policyId: null, resolutions: res });
    const t = d.items.find((i) => i.key === '一/(一)')!;
    expect(t.leads).toEqual(['cz']);
    expect(t.unresolved).toEqual([{ name: '某某办', role: 'lead' }]);
    expect(t.flags.map((f) => f.code).sort()).toEqual(['NO_DUE_DATE', 'UNRESOLVED_NAME']);
    expect(d.title).toBe('某县关于推进某事的通知');
  });

  it('puts duties under an unknown section (分工表 附件) after the sections', () => {
    const d = buildLedgerDraft({
      policy: {
        ...base,
        meta: { ...base.meta, planPeriod: [2024, 2026] },
        responsibilities: [{ section: '附件', role: 'lead', units: ['财政局'] }],
      },
      policyId: null,
      resolutions: new Map(),
    });
    const t = d.items.find((i) => i.key === '附件')!;
    expect(t.kind).toBe('task');
    expect(t.dueDate).toBe('2026-12-31');
    expect(t.dueSource).toBe('plan');
  });

  it('a department named both lead and co only leads', () => {
    const r = (id: string): Resolution => ({
      input: id,
      status: 'resolved',
      departmentId: id,
      departmentName: id,
      via: 'name',
    });
    const d = buildLedgerDraft({
      policy: {
        ...base,
        responsibilities: [
          { section: '一/(一)', role: 'lead', units: ['甲'] },
          { section: '一/(一)', role: 'co', units: ['甲', '乙'] },
        ],
      },
      policyId: null,
      resolutions: new Map([
        ['甲', r('甲')],
        ['乙', r('乙')],
      ]),
    });
    const t = d.items.find((i) => i.key === '一/(一)')!;
    expect([t.leads, t.cos]).toEqual([['甲'], ['乙']]);
  });

  it('sectionBody stops at the next heading', () => {
    const text = '一、甲。正文一（牵头单位：财政局）\n二、乙。正文二';
    const sections = [
      { path: '一', marker: '一、', heading: '甲', level: 1, span: [0, 4] as [number, number] },
      { path: '二', marker: '二、', heading: '乙', level: 1, span: [18, 22] as [number, number] },
    ];
    expect(sectionBody(text, sections, 0)).toBe('正文一');
    expect(sectionBody(text, sections, 1)).toBe('正文二');
  });
});
