import { describe, expect, it } from 'vitest';
import { buildOfficialDocument, chineseNumeral, levelMarker, type OfficialDocument } from './gbt9704';
import { bulletin, countItems, type NoticeContext, urgingNotice } from './notices';
import { readZip } from './readZip';

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);

const doc: OfficialDocument = {
  issuerMark: '阿荣旗科学技术局文件',
  docNumber: '阿科督〔2026〕3号',
  title: '关于“科技兴旗”三年行动有关事项的督办通知',
  mainRecipients: '农牧局、工信局',
  body: [
    { level: 0, text: '现将有关事项督办如下：' },
    { level: 1, heading: '基本情况' },
    { level: 2, heading: '农牧局', text: '进度滞后。' },
    { level: 3, heading: '第1项', text: '请加快推进。' },
    { level: 1, heading: '工作要求' },
    { level: 2, heading: '限期报送。' },
  ],
  signature: '阿荣旗科学技术局',
  date: '2026-03-02',
  note: '此件发至各责任单位',
  copyTo: ['阿荣旗人民政府办公室'],
  printedBy: '阿荣旗科学技术局',
  printedDate: '2026-03-02',
};

describe('GB/T 9704-2012 document', () => {
  it('numbers levels 一、（一）1．（1）', () => {
    expect([1, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect([levelMarker(1, 2), levelMarker(2, 3), levelMarker(3, 4), levelMarker(4, 5)]).toEqual([
      '二、',
      '（三）',
      '4．',
      '（5）',
    ]);
  });

  it('opens as a .docx with every part in order and the layout of the standard', async () => {
    const files = readZip(await buildOfficialDocument(doc));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'word/styles.xml']),
    );
    const xml = files.get('word/document.xml')!.toString('utf8');
    const ps = paragraphs(xml).map(text);
    const at = (s: string) => ps.indexOf(s);
    // 版头: 发文机关标志 (red), 发文字号 over the red separator.
    expect(at('阿荣旗科学技术局文件')).toBe(0);
    const mark = paragraphs(xml)[0];
    expect(mark).toContain('w:color w:val="FF0000"');
    expect(mark).toContain('方正小标宋简体');
    const number = paragraphs(xml)[at('阿科督〔2026〕3号')];
    expect(number).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    // 主体: 标题, 主送机关 with a full-width colon, 正文 levels in order, 署名, 成文日期, 附注.
    const order = [
      '关于“科技兴旗”三年行动有关事项的督办通知',
      '农牧局、工信局：',
      '现将有关事项督办如下：',
      '一、基本情况',
      '（一）农牧局进度滞后。',
      '1．第1项请加快推进。',
      '二、工作要求',
      '（一）限期报送。',
      '阿荣旗科学技术局',
      '2026年3月2日',
      '（此件发至各责任单位）',
      '抄送：阿荣旗人民政府办公室。',
      '阿荣旗科学技术局\t2026年3月2日印发',
    ].map((s) => at(s.replace('\t', '')));
    expect(
      order.every((i) => i > 0),
      JSON.stringify({ order, ps }),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Level fonts: 一、黑体, （一）楷体.
    expect(paragraphs(xml)[at('一、基本情况')]).toContain('黑体');
    expect(paragraphs(xml)[at('（一）农牧局进度滞后。')]).toContain('楷体_GB2312');
    // A4 with 天头 37 mm and 订口 28 mm (twips), 22 lines exactly.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*w:left="1587"/);
    expect(xml).toContain('w:lineRule="exact"');
    // Page numbers "— 1 —" in the footers.
    const footers = [...files.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers.length).toBe(2);
    expect(files.get(footers[0])!.toString('utf8')).toContain('PAGE');
  });
});

describe('notices filled from a ledger', () => {
  const ctx: NoticeContext = {
    unitName: '阿荣旗',
    ledgerTitle: '“科技兴旗”三年行动',
    policyTitle: '阿荣旗“科技兴旗”三年行动实施方案',
    period: '2026-03',
    today: '2026-03-02',
    issuer: '阿荣旗科学技术局',
    issuerMark: '阿荣旗科学技术局文件',
    docNumber: '阿科督〔2026〕1号',
    copyTo: [],
    answerDays: 5,
    items: [
      {
        seq: '1',
        title: '技术攻关',
        status: 'in_progress',
        colour: 'red',
        dueDate: '2026-02-01',
        percent: 40,
        leads: ['农牧局'],
        reasons: ['已超过完成时限 29 天'],
        problems: '资金不足',
      },
      {
        seq: '2',
        title: '成果转化',
        status: 'completed',
        colour: 'green',
        dueDate: '2026-02-01',
        percent: 100,
        leads: ['工信局'],
        reasons: [],
        problems: null,
      },
      {
        seq: '3',
        title: '人才引进',
        status: 'accepted',
        colour: 'green',
        dueDate: '2026-12-31',
        percent: 0,
        leads: ['人社局'],
        reasons: [],
        problems: null,
      },
    ],
  };

  it('counts as the 督查室 does', () => {
    expect(countItems(ctx.items, ctx.today)).toEqual({
      total: 3,
      completed: 1,
      active: 2,
      red: 1,
      yellow: 0,
      overdue: 1,
    });
  });

  it('督办通知 urges the departments of red, yellow and overdue items, with a date to answer by', () => {
    const d = urgingNotice(ctx);
    expect(d.title).toBe('关于“科技兴旗”三年行动有关事项的督办通知');
    expect(d.mainRecipients).toBe('农牧局');
    const all = d.body.map((b) => ('heading' in b ? b.heading + (b.text ?? '') : b.text)).join('\n');
    expect(all).toContain(
      '共有督办事项3项，已办结1项，正在办理2项；其中红色预警1项、黄色预警0项，逾期未办结1项。',
    );
    expect(all).toContain(
      '技术攻关（完成时限：2026年2月1日；当前状态：办理中，完成40%；已超过完成时限 29 天）',
    );
    expect(all).not.toContain('人才引进');
    expect(all).toContain('2026年3月7日前');
  });

  it('情况通报 reports the ranking and the problems departments raised', () => {
    const d = bulletin(ctx, [
      {
        departmentId: 'a',
        departmentName: '工信局',
        rank: 1,
        score: 95,
        parts: { reporting: 100, completion: 100, targets: null },
        penalty: 0,
        leadItems: 1,
        coItems: 0,
        redItems: 0,
        items: [],
      },
      {
        departmentId: 'b',
        departmentName: '农牧局',
        rank: 2,
        score: 38,
        parts: { reporting: 0, completion: 40, targets: null },
        penalty: 2,
        leadItems: 1,
        coItems: 0,
        redItems: 1,
        items: [],
      },
    ]);
    expect(d.title).toBe('关于2026年3月“科技兴旗”三年行动落实情况的通报');
    const all = d.body.map((b) => ('heading' in b ? b.heading + (b.text ?? '') : b.text)).join('\n');
    expect(all).toContain('1.工信局（95分）；2.农牧局（38分）。');
    expect(all).toContain('农牧局（红色预警1项）');
    expect(all).toContain('资金不足');
  });
});
