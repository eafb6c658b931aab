// Two more invented documents written the way 通知 and 行动计划 are usually written.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, parsePolicy } from '../src/index.js';

afterAll(() => closeSandbox());

const path = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('a joint 通知 whose plan follows directly', () => {
  it('reads issuers, plan period, line-form duties and the goal list', async () => {
    const p = (await parsePolicy(path('qingshi-joint-plan.txt'))).policy;
    expect(p.meta).toMatchObject({
      issuers: ['青石县科学技术局', '青石县财政局'],
      attachmentTitle: '青石县科技型企业培育行动计划（2025—2027年）',
      planPeriod: [2025, 2027],
      signedDate: '2025-02-10',
      effectiveFrom: null,
    });
    expect(p.cites).toHaveLength(1);
    expect(p.cites[0]).toMatchObject({ docNumber: '某科发〔2024〕3号', relation: 'implements' });
    expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('/')}`)).toEqual([
      '二/(一)/1|lead|县科技局',
      '二/(一)/1|co|县工信局/县市场监管局',
      '二/(一)/2|responsible|县科技局/各乡镇人民政府',
      '二/(二)|responsible|县财政局',
    ]);
    expect(p.targets.map((t) => [t.metric, t.comparator, t.value, t.unit, t.per, t.deadline])).toEqual([
      ['国家高新技术企业总数', 'at_least', 50, '家', null, 2027],
      ['科技型中小企业入库数量年均增长', 'growth', 15, '%', 'year', 2027],
      ['万人发明专利拥有量', 'reach', 3.5, '件', null, 2027],
      ['R&D经费投入占GDP比重', 'reach', 2.5, '%', null, 2027],
      ['县级科技示范基地', 'at_least', 10, '个', null, 2027],
      ['技术合同登记额', 'reach', 5, '亿元', null, 2027],
      ['入库企业', 'at_least', 20, '家', 'year', 2027],
      ['服务活动', 'at_least', 10, '场次', 'year', 2027],
      ['科技专项资金', 'at_least', 500, '万元', 'year', 2027],
    ]);
  });
});

describe('a 通知 with headings of its own and an attached plan', () => {
  it('restarts the hierarchy in the attachment and reads its 分工表 and 版记', async () => {
    const p = (await parsePolicy(path('moushi-notice.txt'))).policy;
    expect(p.meta).toMatchObject({
      title: '某市人民政府关于加强基层科技工作的通知',
      attachmentTitle: '某市基层科技能力提升方案',
      signedDate: '2025-03-01',
      copiedTo: ['市委办公室', '市人大常委会办公室'],
      printedBy: '某市人民政府办公室',
      printedDate: '2025-03-02',
    });
    expect(p.sections.map((s) => s.path)).toEqual(['通知/一', '通知/二', '一', '二', '二/(一)', '二/(二)']);
    expect(p.sections.map((s) => s.level)).toEqual([2, 2, 1, 1, 2, 2]);
    expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('/')}`)).toEqual([
      '二/(一)|responsible|市科技局/各区县人民政府',
      '二/(二)|responsible|市考核办',
    ]);
    expect(p.targets.map((t) => [t.comparator, t.value, t.unit, t.deadline])).toEqual([
      ['at_least', 1, '个', null],
    ]);
  });
});

describe('a 若干措施 web page', () => {
  it('reads unlabelled assignments and skips subsidy caps', async () => {
    const r = await parsePolicy(path('province-measures.html'));
    const p = r.policy;
    expect(r.normalisedText).not.toMatch(/索引号|纠错|扫一扫|当前位置/);
    expect(p.meta).toMatchObject({
      title: '某省人民政府办公厅关于推进科技成果转化的若干措施',
      docNumber: '某政办发〔2024〕20号',
      signedDate: '2024-05-10',
      issuers: ['某省人民政府办公厅'],
    });
    expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('/')}`)).toEqual([
      '一|responsible|省科技厅/省财政厅',
      '二|responsible|省科技厅/省人力资源社会保障厅',
    ]);
    expect(p.targets.map((t) => [t.section, t.metric, t.comparator, t.value, t.unit, t.deadline])).toEqual([
      ['二', '技术经理人', 'at_least', 1000, '名', 2026],
    ]);
  });
});

describe('a DOCX whose headings use automatic numbering', () => {
  it('restores 一、/（一） markers by numbering level', async () => {
    const p = (await parsePolicy(path('auto-numbered.docx'))).policy;
    expect(p.sections.map((s) => `${s.path} ${s.heading}`)).toEqual([
      '一 总体目标',
      '二 重点任务',
      '二/(一) 培育创新主体',
      '二/(二) 建设创新平台',
    ]);
    expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('/')}`)).toEqual([
      '二/(一)|lead|县科技局',
      '二/(二)|lead|县发改局',
    ]);
  });
});

describe('a page saved as MHTML', () => {
  it('reads the HTML part in its own charset', async () => {
    const r = await parsePolicy(path('province-measures.mht'));
    expect(r.format).toBe('html');
    expect(r.policy.meta.title).toBe('某省人民政府办公厅关于推进科技成果转化的若干措施');
    expect(r.policy.responsibilities).toHaveLength(2);
    expect(r.policy.targets.map((t) => t.value)).toEqual([1000]);
  });
});

describe('a saved web page with navigation, sidebar links and related reading', () => {
  it('keeps site chrome out of the title, issuers and cites', async () => {
    const p = (await parsePolicy(path('songling-page.html'))).policy;
    expect(p.meta).toMatchObject({
      title: '松岭县人民政府办公室关于印发松岭县农业科技园区建设方案的通知',
      attachmentTitle: '松岭县农业科技园区建设方案',
      docNumber: '松政办发〔2025〕6号',
      issuers: ['松岭县人民政府办公室'],
      signedDate: '2025-04-02',
    });
    expect(p.cites.map((c) => [c.title, c.docNumber, c.relation])).toEqual([
      ['某省农业科技园区管理办法', null, 'implements'],
    ]);
    expect(p.targets.map((t) => [t.metric, t.value, t.deadline])).toEqual([
      ['园区入驻企业', 40, 2027],
      ['科技示范基地', 6, 2027],
    ]);
  });
});
