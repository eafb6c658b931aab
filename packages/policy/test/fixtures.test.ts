// The invented fixtures, read in every format: the same document must give the same structure.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, type Policy, parsePolicy } from '../src/index.js';

const path = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
afterAll(() => closeSandbox());

const strip = <T extends { span?: unknown }>(x: T): Omit<T, 'span'> => {
  const { span: _s, ...rest } = x;
  return rest;
};

function checkXishan(p: Policy, { tables = true } = {}) {
  expect(p.meta).toMatchObject({
    title: '溪山县人民政府办公室关于印发《溪山县科技创新能力提升三年行动方案》的通知',
    attachmentTitle: '溪山县科技创新能力提升三年行动方案',
    docNumber: '溪政办发〔2024〕7号',
    issuers: ['溪山县人民政府办公室'],
    signedDate: '2024-03-08',
    planPeriod: [2024, 2026],
    copiedTo: ['县委办公室', '县人大常委会办公室', '县政协办公室'],
    printedBy: '溪山县人民政府办公室',
    printedDate: '2024-03-08',
    script: 'simplified',
  });
  expect(p.cites.map(strip)).toEqual([
    { title: '云岭市科技创新驱动发展行动计划', docNumber: '云政发〔2023〕15号', relation: 'implements' },
    { title: '中华人民共和国科学技术进步法', docNumber: null, relation: 'implements' },
    { title: '溪山县企业研发投入后补助办法', docNumber: null, relation: 'mentions' },
  ]);
  expect(p.sections.map((s) => `${s.path} ${s.heading}`)).toEqual([
    '一 总体目标',
    '二 重点任务',
    '二/(一) 培育创新主体',
    '二/(二) 建设创新平台',
    '二/(二)/1 建设县级重点实验室',
    '二/(二)/2 建设科技企业孵化器',
    '二/(三) 加强人才引育',
    '三 实施步骤',
    '三/(一) 动员部署阶段（2024年3月—2024年4月）',
    '三/(二) 全面推进阶段（2024年5月至2026年6月）',
    '三/(三) 总结评估阶段（2026年7月—12月）',
    '四 保障措施',
    '四/(一) 加强组织领导',
    '四/(二) 强化考核评价',
  ]);
  const duties = p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('、')}`);
  expect(duties).toEqual(
    expect.arrayContaining([
      '二/(一)|lead|县科技局',
      '二/(一)|co|县财政局、县工信局',
      '二/(二)/1|responsible|县科技局、县发改局、各乡镇（街道）人民政府',
      '二/(二)/2|lead|县科技局',
      '二/(二)/2|co|县住建局、县财政局',
      '四/(一)|lead|县科技局、县财政局',
    ]),
  );
  if (tables)
    expect(duties).toEqual(
      expect.arrayContaining([
        '二/(一)|co|县市场监管局',
        '二/(二)/1|co|县教育局、县卫健局',
        '附件|lead|县金融办',
      ]),
    );
  const t = p.targets.map((x) => [
    x.section,
    x.comparator,
    x.value,
    x.valueMax,
    x.unit,
    x.per,
    x.deadline,
    x.approx,
  ]);
  expect(t).toEqual([
    ['一', 'multiply', 4, null, null, null, 2026, false],
    ['一', 'reach', 1200, null, '家', null, 2026, true],
    ['一', 'growth', 0.5, null, '个百分点', null, 2026, false],
    ['一', 'multiply', 3, null, null, null, 2026, false],
    ['一', 'at_least', 200, null, '人次', 'year', 2026, false],
    ['一', 'range', 8, 10, '个', null, 2026, false],
    ['一', 'at_least', 10, null, '%', 'year', 2025, false],
    ['二/(一)', 'at_least', 60, null, '%', null, 2025, false],
    ['二/(二)/1', 'reach', 5, null, '家', null, 2026, false],
    ['二/(二)/2', 'multiply', 3, null, null, null, 2026, false],
    ['二/(二)/2', 'at_least', 30, null, '%', null, 2026, false],
    ['二/(二)/2', 'at_most', 20, null, '%', null, 2026, false],
    ['二/(三)', 'reach', 30, null, '名', null, 2026, false],
    ['二/(三)', 'reach', 10, null, '名', null, 2026, false],
  ]);
  expect(p.targets[0]).toMatchObject({ metric: '高新技术企业数量', scope: '全县' });
  expect(p.targets[1].metric).toBe('高新技术企业数量');
  expect(p.phases.map(strip)).toEqual([
    { name: '动员部署阶段', start: '2024-03', end: '2024-04' },
    { name: '全面推进阶段', start: '2024-05', end: '2026-06' },
    { name: '总结评估阶段', start: '2026-07', end: '2026-12' },
  ]);
}

describe('one document, every format', () => {
  it.each(['xishan-plan.txt', 'xishan-plan.html', 'xishan-plan.docx'])('%s', async (name) => {
    const r = await parsePolicy(path(name));
    checkXishan(r.policy);
  });

  it('xishan-plan.pdf (a tight, auto-sized table without cell padding is not rebuilt; the body must still match)', async () => {
    const r = await parsePolicy(path('xishan-plan.pdf'));
    expect(r.format).toBe('pdf');
    checkXishan(r.policy, { tables: false });
  });
});

describe('offsets point into the original text', () => {
  it.each(['xishan-plan.txt', 'xishan-plan.pdf', 'yunling-opinion.html', 'wrapped.txt'])(
    '%s',
    async (name) => {
      const r = await parsePolicy(path(name));
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      for (const s of r.policy.sections) {
        const [a, b] = s.span!;
        expect(squeeze(r.originalText.slice(a, b))).toContain(squeeze(s.heading));
      }
      for (const t of r.policy.targets) {
        const [a, b] = t.span!;
        expect(squeeze(r.originalText.slice(a, b))).toBe(squeeze(t.text));
      }
      for (const d of r.policy.responsibilities) {
        const [a, b] = d.span!;
        const src = squeeze(r.originalText.slice(a, b));
        for (const u of d.units) expect(src).toContain(squeeze(u));
      }
    },
  );
});

describe('a traditional-script web page', () => {
  it('drops page chrome and keeps the document script', async () => {
    const r = await parsePolicy(path('yunling-opinion.html'));
    const p = r.policy;
    expect(r.format).toBe('html');
    expect(r.normalisedText).not.toMatch(/首頁|瀏覽次數|ICP|索引號|聯繫電話|發布時間|脚本内容/);
    expect(p.meta).toMatchObject({
      title: '雲嶺市人民政府辦公室關於加快科技成果轉化的實施意見',
      attachmentTitle: null,
      docNumber: '雲政辦發〔2025〕9號',
      issuers: ['雲嶺市人民政府辦公室'],
      signedDate: '2025-05-20',
      script: 'traditional',
    });
    expect(p.cites.map(strip)).toEqual([
      {
        title: '省人民政府辦公廳關於促進科技成果轉移轉化的若干措施',
        docNumber: '省政辦發〔2024〕21號',
        relation: 'implements',
      },
      { title: null, docNumber: '國科發區〔2023〕7號', relation: 'mentions' },
    ]);
    expect(p.sections.map((s) => s.path)).toEqual(['(一)', '(二)', '(三)']);
    expect(p.sections[0].level).toBe(1);
    expect(
      p.targets.map((t) => [t.section, t.metric, t.comparator, t.value, t.valueMax, t.unit, t.deadline]),
    ).toEqual([
      ['(一)', '技術轉移示範機構', 'at_least', 12, null, '家', 2027],
      ['(一)', '技術合同成交額', 'more_than', 30, null, '億元', 2027],
      ['(二)', '技術經紀人', 'reach', 150, null, '人', null],
      ['(二)', '科技成果轉化團隊', 'range', 1, 3, '個', null],
    ]);
    expect(p.targets[2]).toMatchObject({ per: 'year', approx: true });
    const duties = p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('、')}`);
    expect(duties).toEqual([
      '(一)|lead|市科技局',
      '(一)|co|市財政局、市教育局',
      '(二)|responsible|市科技局、市人社局、各縣（市、區）人民政府',
      '(一)|lead|市科技局',
      '(一)|co|市財政局、市發改委',
      '附件|lead|市財政局',
      '附件|co|市金融辦',
    ]);
  });
});

describe('text copied out of a PDF', () => {
  it('re-flows lines, drops page numbers, running headers and stray spaces', async () => {
    const r = await parsePolicy(path('wrapped.txt'));
    expect(r.normalisedText).toContain('为推动科技特派员深入基层开展服务，根据《云岭市科技特派员管理办法》');
    expect(r.normalisedText).toContain('于2025年6月底前报送工作方案。');
    expect(r.normalisedText).not.toMatch(/— 2 —/);
    expect(r.policy.meta).toMatchObject({
      title: '云岭市科技局办公室关于开展科技特派员服务行动的通知',
      docNumber: '云科办发〔2025〕3号',
      signedDate: '2025-03-02',
    });
    expect(r.policy.targets.map((t) => [t.comparator, t.value, t.unit, t.per, t.deadline])).toEqual([
      ['at_least', 800, '名', null, 2026],
      ['reach', 40, '个', null, 2026],
      ['at_least', 5000, '户', 'year', 2026],
    ]);
  });
});

it('the fixtures are ours: no seed paragraph appears in them', () => {
  const seeds = new URL('../../../../shared/seeds/', import.meta.url);
  let seedText = '';
  try {
    for (const f of ['000_bf428e182e58a70f.txt', '001_02923c0dc0beccff.txt', '003_de7963c6c5b41d2c.txt'])
      seedText += readFileSync(new URL(f, seeds), 'utf8');
  } catch {
    return;
  }
  const mine = readFileSync(path('xishan-plan.txt'), 'utf8').split('\n');
  for (const line of mine) if (line.length > 30) expect(seedText.includes(line)).toBe(false);
});

describe('PDF geometry', () => {
  it.each(['qinghe-plan.pdf', 'qinghe-plan-top.pdf'])(
    '%s: the 分工表 is rebuilt from text positions, wrapped paragraphs re-flow by the right margin',
    async (name) => {
      const { policy: p } = await parsePolicy(path(name));
      expect(p.meta.attachmentTitle).toBe('青禾县数字乡村科技服务行动方案（2025—2027年）');
      // The notice's own attachment is not a cite.
      expect(p.cites).toEqual([]);
      expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('、')}`)).toEqual([
        '二/(一)|lead|县农业农村局、县数据资源管理局',
        '二/(一)|co|各镇人民政府、县供销合作社联合社',
        '二/(二)|lead|县人力资源和社会保障局',
        '二/(二)|co|县农业农村局、县妇女联合会',
        '二/(三)|lead|县农业技术推广中心',
        '二/(三)|co|县林业局、县水利局',
        '附件|lead|县科学技术协会',
        '附件|co|县农业农村局',
      ]);
      // A goal whose sentence wraps after 不低 is read whole.
      expect(p.targets.find((t) => t.section === '三/(一)')).toMatchObject({
        comparator: 'at_least',
        value: 3,
        unit: '%',
      });
    },
  );
});
