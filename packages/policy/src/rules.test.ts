// One small invented text per extraction rule.
import { describe, expect, it } from 'vitest';
import { parseText } from './parse.js';

const P = (text: string) => parseText(text).policy;
const targets = (text: string) =>
  P(text).targets.map((t) => ({
    m: t.metric,
    c: t.comparator,
    v: t.value,
    x: t.valueMax,
    u: t.unit,
    per: t.per,
    d: t.deadline,
    a: t.approx,
  }));

describe('targets', () => {
  it.each([
    ['到2027年，全区孵化器达到十五家。', { c: 'reach', v: 15, u: '家', d: 2027 }],
    ['到2027年，技术合同成交额突破百亿元。', { c: 'more_than', v: 100, u: '亿元' }],
    ['到2027年，新增专利授权超过1,200件。', { c: 'more_than', v: 1200, u: '件' }],
    ['到2027年，培育科技型企业不少于30家。', { c: 'at_least', v: 30, u: '家' }],
    ['到2027年，研发人员达到2000人以上。', { c: 'at_least', v: 2000, u: '人' }],
    ['到2027年，单位能耗控制在0.5吨以内。', { c: 'at_most', v: 0.5, u: '吨' }],
    ['到2027年，每个园区引进创新团队1至2个。', { c: 'range', v: 1, x: 2, u: '个' }],
    ['到2027年，引进博士1—3名。', { c: 'range', v: 1, x: 3, u: '名' }],
    ['到2027年，科技型企业数量翻一番。', { c: 'multiply', v: 2, u: null }],
    ['到2027年，科技型企业数量翻两番。', { c: 'multiply', v: 4, u: null }],
    ['到2027年，研发投入增长3倍。', { c: 'multiply', v: 4, u: null }],
    ['到2027年，研发投入达到2022年的2倍。', { c: 'multiply', v: 2, u: null }],
    ['到2027年，研发投入强度提高1.2个百分点。', { c: 'growth', v: 1.2, u: '个百分点' }],
    ['到2027年，财政科技支出年均增长8%。', { c: 'growth', v: 8, u: '%', per: 'year' }],
    ['到2027年，财政科技支出年均增长高于8%。', { c: 'more_than', v: 8, u: '%', per: 'year' }],
    ['每年选派科技特派员300名左右。', { c: 'reach', v: 300, u: '名', per: 'year', a: true, d: null }],
    ['到2027年，科普覆盖率达到百分之九十。', { c: 'reach', v: 90, u: '%' }],
    ['2026年6月底前，全区新建众创空间3家。', { c: 'reach', v: 3, u: '家', d: 2026 }],
    ['到2027年，研发投入强度提高到2.8%。', { c: 'reach', v: 2.8, u: '%' }],
    ['到2027年，技术合同成交额较2024年增长50%。', { c: 'growth', v: 50, u: '%' }],
    ['每年开展服务活动10场次以上。', { c: 'at_least', v: 10, u: '场次', per: 'year' }],
    ['全市每个区县至少建成1个科技服务中心。', { c: 'at_least', v: 1, u: '个' }],
    // Verb, then the noun, then the count.
    ['到2027年，组建科技服务团12个。', { c: 'reach', v: 12, u: '个', d: 2027 }],
    // 万/亿 before any unit stays in the unit.
    ['到2027年，众创空间面积达到8万平方米。', { c: 'reach', v: 8, u: '万平方米' }],
    // 累计 before the verb is an adverb, not the predicate.
    ['到2026年累计推广绿色技术20项以上。', { c: 'at_least', v: 20, u: '项', d: 2026 }],
    // 一 and 两 written in Chinese count when a bound word or a goal verb governs them.
    ['每个乡镇至少建设一个农技服务站。', { c: 'at_least', v: 1, u: '个' }],
    ['到2027年，新增两家省级技术创新中心。', { c: 'reach', v: 2, u: '家' }],
    ['每年组织科技人员服务企业1500家次。', { c: 'reach', v: 1500, u: '家次', per: 'year' }],
    ['到2027年，科普经费占比提高到百分之一点五。', { c: 'reach', v: 1.5, u: '%' }],
    ['到2027年，检测成本占比不超过8%。', { c: 'at_most', v: 8, u: '%' }],
    ['到2027年，能耗强度不高于0.4吨。', { c: 'at_most', v: 0.4, u: '吨' }],
    // A year written in Chinese numerals is a deadline too; 一…以上 is a count.
    ['到二〇二七年，每个乡镇建成一个以上农技服务站。', { c: 'at_least', v: 1, u: '个', d: 2027 }],
    ['到2027年，科技型企业数量比2024年增长一倍。', { c: 'multiply', v: 2, u: null, d: 2027 }],
    ['到2027年，研发投入强度年均提高零点二个百分点。', { c: 'growth', v: 0.2, u: '个百分点', per: 'year' }],
    // 达到2022年的4倍: 2022 is the base, 2027 the deadline.
    ['到2027年，技术交易额达到2022年的4倍。', { c: 'multiply', v: 4, u: null, d: 2027 }],
  ])('%s', (text, want) => {
    const got = targets(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject(want);
  });

  it('is not fooled by names, dates, ordinals, existing counts and quotes', () => {
    const text = [
      '一、总体要求',
      '依托“12396”信息服务平台，围绕8大产业集群和16条产业链，深入实施“三个一”工程。',
      '全县现有高新技术企业25家，第三次会议于2024年5月10日召开，分两个阶段推进。',
      '按照云政发〔2024〕12号文件要求，建立一批创新平台。',
    ].join('\n');
    expect(targets(text)).toEqual([]);
  });

  it('is not fooled by support rules, eligibility thresholds and programme names', () => {
    const text = [
      '一、支持政策',
      '对年度销售收入超过2000万元的企业，按其研发投入的5%给予奖励。',
      '二是对新认定的孵化器，按其建设投入的30%给予补助。',
      '县科技创新领导小组统筹推进科技型企业倍增工作，实施“翻番计划”。',
    ].join('\n');
    expect(targets(text)).toEqual([]);
  });

  it('names what is measured, not a verb, a size word, a base year or a time span', () => {
    const metrics = (text: string) => P(`一、主要目标\n${text}`).targets.map((t) => [t.metric, t.comparator]);
    expect(metrics('设立县级创新引导基金，规模达到5亿元。')).toEqual([['县级创新引导基金', 'reach']]);
    expect(metrics('设立县级人才发展资金，每年安排不低于300万元。')).toEqual([
      ['县级人才发展资金', 'at_least'],
    ]);
    expect(metrics('技术合同成交额突破30亿元，年均增长15%。')).toEqual([
      ['技术合同成交额', 'more_than'],
      ['技术合同成交额年均增长', 'growth'],
    ]);
    expect(metrics('全县专利授权量较2023年增长1倍。')).toEqual([['专利授权量', 'multiply']]);
    expect(metrics('科技型企业数量在2023年基础上翻一番。')).toEqual([['科技型企业数量', 'multiply']]);
    expect(metrics('有效发明专利达到900件，较2023年翻一番。')).toEqual([
      ['有效发明专利', 'reach'],
      ['有效发明专利', 'multiply'],
    ]);
    expect(metrics('三年累计示范推广新品种、新技术40项。')[0][0]).toBe('新品种、新技术');
    expect(metrics('全年新增入库企业40家以上。')[0][0]).toBe('入库企业');
    expect(metrics('每年新增培育成省级孵化器2家。')[0][0]).toBe('省级孵化器');
    expect(metrics('县财政每年安排专项资金不低于800万元，并保持年均增长8%以上。')).toEqual([
      ['专项资金', 'at_least'],
      ['专项资金年均增长', 'at_least'],
    ]);
    expect(metrics('组织校企对接活动每年不少于6场，促成合作项目12项。').map((x) => x[0])).toEqual([
      '校企对接活动',
      '合作项目',
    ]);
    expect(metrics('孵化器在孵企业达到150家左右。')[0][0]).toBe('孵化器在孵企业');
    expect(metrics('每年实施重点研发项目不少于十项。')[0][0]).toBe('重点研发项目');
    // After a pivot verb and its agent, the second verb governs the count.
    expect(metrics('鼓励龙头企业牵头组建产业技术联盟3个。')[0][0]).toBe('产业技术联盟');
    expect(metrics('县财政三年累计安排科普专项资金不少于600万元。')[0][0]).toBe('科普专项资金');
    expect(metrics('引导企业研发投入年均增长12%。')[0][0]).toBe('企业研发投入年均增长');
    // Rule 8: a count of households names the households.
    expect(metrics('每名科技特派员每年联系农户不少于20户。')[0][0]).toBe('农户');
  });

  it('shares a frequency with a following count of events, not with a count of things built', () => {
    const per = (text: string) => P(`一、主要目标\n${text}`).targets.map((t) => t.per);
    expect(per('每个服务站每年举办培训不少于6期，培训农民300人次以上。')).toEqual(['year', 'year']);
    expect(per('每年组织专家服务不少于100场，新建示范基地5个。')).toEqual(['year', null]);
  });

  it('hands a 到YYYY年 to the numbered items under it, not to a sibling section', () => {
    const deadlines = (text: string) => P(text).targets.map((t) => [t.section, t.metric, t.deadline]);
    expect(
      deadlines(
        [
          '一、发展目标',
          '（一）主要目标。到2026年，全县创新能力明显增强。',
          '1.研发投入。研发投入强度达到2%。',
          '2.创新主体。高新技术企业达到40家。',
        ].join('\n'),
      ),
    ).toEqual([
      ['一/(一)/1', '研发投入强度', 2026],
      ['一/(一)/2', '高新技术企业', 2026],
    ]);
    expect(
      deadlines(
        [
          '一、发展目标',
          '（一）总体目标。到2026年，全县创新能力明显增强。',
          '（二）具体目标。',
          '1.研发投入强度达到2%。',
        ].join('\n'),
      ),
    ).toEqual([['一/(二)/1', '研发投入强度', null]]);
    expect(
      deadlines(
        [
          '一、发展目标',
          '到2026年，全县创新能力明显增强，具体目标是：',
          '1.高新技术企业达到40家；',
          '2.科技型中小企业达到90家。',
        ].join('\n'),
      ),
    ).toEqual([
      ['一/1', '高新技术企业', 2026],
      ['一/2', '科技型中小企业', 2026],
    ]);
  });

  it('gives one target per number, sharing the verb and the 到YYYY年 of its paragraph and list', () => {
    const text = [
      '三、发展目标',
      '到2028年，创新体系基本建成。',
      '——全市建成省级以上研发平台20个、县级工作站60个；',
      '——高新技术企业、科技型中小企业实现翻番。',
      '到2035年，创新能力显著提升。',
    ].join('\n');
    const got = P(text).targets;
    expect(got.map((t) => [t.metric, t.value, t.unit, t.deadline])).toEqual([
      ['省级以上研发平台', 20, '个', 2028],
      ['县级工作站', 60, '个', 2028],
      ['高新技术企业', 2, null, 2028],
      ['科技型中小企业', 2, null, 2028],
    ]);
    expect(got[0].text).toBe(got[1].text);
    expect(got[0].scope).toBe('全市');
  });

  it('uses the plan period end when no year is written, and 十三五 when it is named', () => {
    const text = [
      '某县科技创新三年行动方案（2025—2027年）',
      '一、主要目标',
      '新建众创空间5家。“十四五”期间，科技投入年均增幅不低于10%。',
    ].join('\n');
    const got = P(text);
    expect(got.meta.planPeriod).toEqual([2025, 2027]);
    expect(got.targets.map((t) => [t.value, t.deadline, t.comparator])).toEqual([
      [5, 2027, 'reach'],
      [10, 2025, 'at_least'],
    ]);
  });
});

describe('targets: units, sub-goals and conditions', () => {
  const T = (text: string) => P(text).targets.map((t) => `${t.metric}|${t.comparator}|${t.value}|${t.unit}`);

  it('reads 万亿元, computing power in P, days and working days', () => {
    expect(T('到2030年，全省数字经济规模突破3万亿元。')).toEqual(['数字经济规模|more_than|3|万亿元']);
    expect(T('到2027年，全市智能算力规模达到500P。')).toEqual(['智能算力规模|reach|500|P']);
    expect(T('每名农技专家每年下乡服务不少于20天。')).toEqual(['下乡服务|at_least|20|天']);
    expect(T('将专利预审周期压缩至90个工作日以内。')).toEqual(['专利预审周期|at_most|90|个工作日']);
  });

  it('counts the noun after the number when a second verb stands before it', () => {
    expect(T('每年组织发布300项左右重点技术攻关需求。')).toEqual(['重点技术攻关需求|reach|300|项']);
  });

  it('gives a noun listed after an earlier goal its own metric', () => {
    expect(T('到2026年，全县省级农技专家达到30名、市级农技专家50名。')).toEqual([
      '省级农技专家|reach|30|名',
      '市级农技专家|reach|50|名',
    ]);
  });

  it('reads a 其中 sub-goal whose verb comes first', () => {
    const got = P('2025年，全县力争新增入库科技型企业150家，其中推动60家以上入库企业通过评价。').targets;
    expect(got.map((t) => `${t.comparator}|${t.value}|${t.unit}`)).toEqual([
      'reach|150|家',
      'at_least|60|家',
    ]);
    expect(got[1].text).toBe('其中推动60家以上入库企业通过评价');
  });

  it('does not count numerals inside words or the parts a text is divided into', () => {
    expect(T('支持企业承接科研成果开展二次创业。')).toEqual([]);
    expect(T('评价内容包括创新投入、创新产出和创新环境三个方面。')).toEqual([]);
  });

  it('does not take thresholds to qualify as goals', () => {
    const text = [
      '一、申报条件',
      '（一）上年度销售收入不低于500万元；',
      '（二）研发人员占职工总数的比例不低于10%；',
      '二、管理',
      '入库企业近两年研发投入占比不低于4%。',
      '三、目标',
      '到2027年，全县规上企业研发投入较上年增长10%。',
    ].join('\n');
    expect(T(text)).toEqual(['规上企业研发投入增长|growth|10|%']);
  });
});

describe('sections', () => {
  it('builds paths for 一、 （一） 1． （1） and ignores dash items and 第X条', () => {
    const text = [
      '一、总体目标',
      '（一）主要指标。到2030年……。',
      '1．研发投入',
      '（1）企业投入。加大投入。',
      '（2）财政投入',
      '2.人才队伍',
      '——创新驱动。坚持创新。',
      '第三条 本办法自印发之日起施行。',
      '二、保障措施',
    ].join('\n');
    const s = P(text).sections;
    expect(s.map((x) => [x.path, x.heading, x.level])).toEqual([
      ['一', '总体目标', 1],
      ['一/(一)', '主要指标', 2],
      ['一/(一)/1', '研发投入', 3],
      ['一/(一)/1/(1)', '企业投入', 4],
      ['一/(一)/1/(2)', '财政投入', 4],
      ['一/(一)/2', '人才队伍', 3],
      ['二', '保障措施', 1],
    ]);
  });

  it('starts at whatever level the document starts', () => {
    const s = P('（一）加强领导。成立领导小组。\n（二）强化保障。\n（十一）严格考核。').sections;
    expect(s.map((x) => [x.path, x.level])).toEqual([
      ['(一)', 1],
      ['(二)', 1],
      ['(十一)', 1],
    ]);
  });
});

describe('duties', () => {
  it('reads labelled assignments, keeps brackets and collective idioms whole', () => {
    const text = [
      '一、加强协作',
      '推进合作。（牵头单位：市科技局；配合单位：各县（市、区）人民政府，市直各委、办、局及有关企业）',
      '二、强化督查',
      '定期通报。（责任单位：市政府督查室，牵头单位：市科技局）',
      '三、加强宣传',
      '由市委宣传部牵头，市科技局、市科协配合，开展宣传。',
    ].join('\n');
    const d = P(text).responsibilities.map((x) => `${x.section}|${x.role}|${x.units.join('/')}`);
    expect(d).toEqual([
      '一|lead|市科技局',
      '一|co|各县（市、区）人民政府/市直各委、办、局/有关企业',
      '二|responsible|市政府督查室',
      '二|lead|市科技局',
      '三|lead|市委宣传部',
      '三|co|市科技局/市科协',
    ]);
  });
});

describe('duties written without labels', () => {
  const duties = (text: string) =>
    P(text).responsibilities.map((x) => `${x.section}|${x.role}|${x.units.join('/')}`);

  it('reads a lead with units that carry out their own share, and a lead with those who implement', () => {
    const text = [
      '一、壮大创新主体',
      '（一）培育科技企业。完善梯度培育体系。（溪山县科技局牵头，县财政局、县税务局按职责分工负责）',
      '（二）建设中试基地。布局一批中试基地。（县发展改革局牵头，各乡镇人民政府负责落实）',
      '（三）优化服务。完善服务体系。（县科技局牵头；县科协参与）',
    ].join('\n');
    expect(duties(text)).toEqual([
      '一/(一)|lead|溪山县科技局',
      '一/(一)|responsible|县财政局/县税务局',
      '一/(二)|lead|县发展改革局',
      '一/(二)|responsible|各乡镇人民政府',
      '一/(三)|lead|县科技局',
      '一/(三)|co|县科协',
    ]);
  });

  it('keeps a unit with its other name in brackets whole, whatever its role', () => {
    const text = [
      '一、强化保护',
      '（一）健全机制。完善快速维权机制。（县市场监督管理局（县知识产权局）牵头，县公安局配合）',
      '（二）加强执法。开展专项行动。（县公安局、县市场监督管理局（县知识产权局）按职责分工负责）',
    ].join('\n');
    expect(duties(text)).toEqual([
      '一/(一)|lead|县市场监督管理局（县知识产权局）',
      '一/(一)|co|县公安局',
      '一/(二)|responsible|县公安局/县市场监督管理局（县知识产权局）',
    ]);
  });

  it('reads 由X负责，Y配合 in brackets and as a line of its own, without the 由', () => {
    const text = [
      '一、重点任务',
      '（一）建设孵化载体。新建孵化器。（由云岭区经信局负责，区科技局配合）',
      '（二）征集技术需求。建立需求清单。（由区科技局负责）',
      '（三）完善金融服务。推广科技信贷产品。',
      '由区金融服务中心负责，区财政局、区科技局配合。',
      '（四）营造氛围。由区委宣传部牵头，区科协配合，开展科普宣传。',
      '（五）加强考核。考核工作由区科技局牵头，区统计局配合。',
    ].join('\n');
    expect(duties(text)).toEqual([
      '一/(一)|responsible|云岭区经信局',
      '一/(一)|co|区科技局',
      '一/(二)|responsible|区科技局',
      '一/(三)|responsible|区金融服务中心',
      '一/(三)|co|区财政局/区科技局',
      '一/(四)|lead|区委宣传部',
      '一/(四)|co|区科协',
      '一/(五)|lead|区科技局',
      '一/(五)|co|区统计局',
    ]);
  });

  it('reads a 责任处室 or 责任科室 label as responsible, and leaves other brackets alone', () => {
    const text = [
      '一、专利工作',
      '1．提升专利质量。开展质量评价。（责任处室：专利管理处、省知识产权保护中心）',
      '2．加强运营。建设运营平台。（责任科室：运营促进科）',
      '3．做好统计。按季度报送数据（含企业自主申报数据）。（2024年底前完成）',
    ].join('\n');
    expect(duties(text)).toEqual([
      '一/1|responsible|专利管理处/省知识产权保护中心',
      '一/2|responsible|运营促进科',
    ]);
  });
});

describe('duties before the signature', () => {
  it('keeps the last 责任单位 line, which ends in an organisation name, out of the signature', () => {
    const text = [
      '某市人民政府关于加强科技成果转化的实施意见',
      '一、重点任务',
      '（一）完善转化机制。建立成果转化台账。',
      '责任单位：市科技局',
      '（二）强化督促落实。定期通报工作进展。',
      '责任单位：市政府督查室、市科技局',
      '',
      '某市人民政府',
      '2025年5月6日',
    ].join('\n');
    const p = P(text);
    expect(p.responsibilities.map((d) => `${d.section}|${d.role}|${d.units.join('、')}`)).toEqual([
      '一/(一)|responsible|市科技局',
      '一/(二)|responsible|市政府督查室、市科技局',
    ]);
    expect(p.meta.issuers).toEqual(['某市人民政府']);
    expect(p.meta.signedDate).toBe('2025-05-06');
  });
});

describe('cites and meta', () => {
  it('cites by 《》 or number once each; preamble basis implements, body mentions', () => {
    const text = [
      '为贯彻落实《某省科技创新条例》和国务院办公厅《关于推动创新发展的意见》（国办发〔2020〕5号）精神，制定本方案。',
      '一、重点任务',
      '落实《某省科技创新条例》，执行某科发〔2021〕9号文件。',
    ].join('\n');
    const c = P(text).cites.map((x) => [x.title, x.docNumber, x.relation]);
    expect(c).toEqual([
      ['某省科技创新条例', null, 'implements'],
      ['国务院办公厅关于推动创新发展的意见', '国办发〔2020〕5号', 'implements'],
      [null, '某科发〔2021〕9号', 'mentions'],
    ]);
  });

  it('cites what the issuing sentence carries out, but not what it issues', () => {
    const text = [
      '某省科学技术厅关于印发《某省科技小院建设方案》的通知',
      '各市科技局：',
      '为贯彻落实《某省乡村振兴促进条例》，我厅制定了《某省科技小院建设方案》，现印发给你们，请认真执行。',
      '某省科学技术厅',
      '2025年3月3日',
    ].join('\n');
    const p = P(text);
    expect(p.cites.map((x) => [x.title, x.relation])).toEqual([['某省乡村振兴促进条例', 'implements']]);
    expect(p.meta.attachmentTitle).toBe('某省科技小院建设方案');
  });

  it('does not cite titles of other pages listed after the end of the document', () => {
    const text = [
      '某市人民政府关于支持科技人才发展的若干措施',
      '一、支持引进人才。对引进的人才给予安家补贴。',
      '某市人民政府',
      '2025年3月3日',
      '《某市人才分类目录（2024年版）》',
      '关于开展2025年度人才项目申报工作的通知',
    ].join('\n');
    expect(P(text).cites).toEqual([]);
  });

  it('reads a preamble that sets out to put a document into effect (深入实施《…》) as implements', () => {
    const text = [
      '2025年全市知识产权工作要点',
      '全年工作的总体要求是：深入实施《某市知识产权发展规划》，推动知识产权高质量发展。',
      '一、强化创造',
    ].join('\n');
    expect(P(text).cites.map((x) => x.relation)).toEqual(['implements']);
  });

  it('takes what the issuing sentence names as the attachment, never as a cite', () => {
    const text = [
      '某县人民政府关于印发某县科技创新行动方案的通知',
      '某政发〔2024〕3号',
      '各乡镇人民政府：',
      '现将《某县科技创新行动方案》印发给你们，请认真贯彻执行。',
      '某县人民政府',
      '2024年1月22日',
      '为全面落实《某省科技创新行动计划》，制定本方案。',
      '一、主要目标',
      '到2026年，高新技术企业达到50家。',
    ].join('\n');
    const p = P(text);
    expect(p.meta.attachmentTitle).toBe('某县科技创新行动方案');
    expect(p.cites.map((c) => [c.title, c.relation])).toEqual([['某省科技创新行动计划', 'implements']]);
  });

  it('takes the forwarding office as issuer of a 转发 notice', () => {
    const m = P(
      '某市人民政府办公室转发市科技局关于加强科普工作意见的通知\n各区县人民政府：\n现转发给你们。',
    ).meta;
    expect(m.issuers).toEqual(['某市人民政府办公室']);
  });

  it('reads validity dates only when a calendar date is given', () => {
    const m = P('一、附则\n本方案自2025年1月1日起施行，有效期至2029年12月31日。').meta;
    expect([m.effectiveFrom, m.effectiveTo]).toEqual(['2025-01-01', '2029-12-31']);
    const n = P('一、附则\n本方案自印发之日起施行，有效期5年。').meta;
    expect([n.effectiveFrom, n.effectiveTo]).toEqual([null, null]);
  });

  it('reads joint issuers from the title and a Chinese-numeral date', () => {
    const text =
      '某市科学技术局 某市财政局关于印发《某市科技计划管理办法》的通知\n各区县：\n现印发给你们。\n某市科学技术局\n某市财政局\n二〇二五年一月八日';
    const m = P(text).meta;
    expect(m.issuers).toEqual(['某市科学技术局', '某市财政局']);
    expect(m.signedDate).toBe('2025-01-08');
    expect(m.attachmentTitle).toBe('某市科技计划管理办法');
  });
});

describe('titles and metrics written loosely', () => {
  it('keeps a title that ends in a status note such as （试行） or （征求意见稿）', () => {
    for (const note of ['（试行）', '（征求意见稿）', '（第二批）', '（2025—2027年）（试行）']) {
      const title = `某县科技局关于开展创新券兑付工作的通知${note}`;
      expect(P(`${title}\n各乡镇：\n现将有关事项通知如下。\n某县科技局\n2025年3月1日`).meta.title, note).toBe(
        title,
      );
    }
  });

  it('counts the noun after the number when only a verb comes before the bound word', () => {
    expect(targets('每年遴选不少于5家企业入库培育。').map((t) => t.m)).toEqual(['企业']);
  });

  it('does not take a place introduced by 在 as what is counted', () => {
    expect(targets('在各乡镇建设农技服务站，到2027年达到6个。').map((t) => [t.m, t.v])).toEqual([
      ['农技服务站', 6],
    ]);
  });
});

describe('line breaks in plain text', () => {
  it('joins a sentence broken after its paragraph has finished one, and nothing else', () => {
    const text = [
      '某县科技创新行动方案',
      '一、保障措施',
      '（一）强化资金保障。县财政每年安排科技经费不低',
      '于一般公共预算支出的2%。',
      '（二）强化考核',
      '某县人民政府',
    ].join('\n');
    const p = P(text);
    expect(p.targets.map((t) => [t.section, t.comparator, t.value, t.unit])).toEqual([
      ['一/(一)', 'at_least', 2, '%'],
    ]);
    expect(p.sections.map((x) => x.heading)).toEqual(['保障措施', '强化资金保障', '强化考核']);
  });

  it('does not run a sentence on into the signature or the date', () => {
    const text = [
      '某县人民政府关于做好科普工作的通知',
      '各乡镇人民政府：',
      '现就有关事项通知如下。请各单位认真抓好落实',
      '某县人民政府',
      '2025年3月1日',
    ].join('\n');
    const m = P(text).meta;
    expect(m.signedDate).toBe('2025-03-01');
    expect(m.issuers).toEqual(['某县人民政府']);
  });
});

describe('attachments', () => {
  it('does not take a table under 附件 as the attachment title', () => {
    const text = [
      '某市人民政府关于推进科技创新的实施意见',
      '各区县人民政府：',
      '一、主要目标',
      '到2026年，全市孵化器达到20家。',
      '某市人民政府',
      '2025年3月1日',
      '附件',
      '主要指标表',
      '指标名称 | 单位 | 2026年目标',
      '技术合同成交额 | 亿元 | 100',
    ].join('\n');
    const p = P(text);
    expect(p.meta.attachmentTitle).toBe('主要指标表');
    expect(p.targets.map((t) => [t.metric, t.value, t.unit])).toEqual([
      ['孵化器', 20, '家'],
      ['技术合同成交额', 100, '亿元'],
    ]);
  });
});

describe('附件 lists in a 通知', () => {
  it('does not read the numbered items of an attachment list as headings', () => {
    const text = [
      '青禾县人民政府办公室关于印发青禾县科技服务提升实施方案的通知',
      '各乡镇人民政府，县政府各部门：',
      '《青禾县科技服务提升实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。',
      '附件：1．青禾县科技服务提升实施方案',
      '2．青禾县科技服务提升任务分工表',
      '青禾县人民政府办公室',
      '2025年4月2日',
      '附件1',
      '青禾县科技服务提升实施方案',
      '一、工作目标',
      '到2026年，全县科技服务机构达到12家。',
      '二、重点任务',
      '（一）培育服务机构。引进一批服务机构。',
    ].join('\n');
    const p = P(text);
    expect(p.sections.map((s) => s.path)).toEqual(['一', '二', '二/(一)']);
    expect(p.meta.attachmentTitle).toBe('青禾县科技服务提升实施方案');
  });

  it('takes no attachment title from a list of forms, and leaves the marker out of any title', () => {
    const forms = [
      '云岭区科技局关于组织申报科技型企业的通知',
      '各有关单位：',
      '一、申报对象',
      '在本区注册的科技型企业。',
      '二、申报时间',
      '2025年6月30日前提交材料。',
      '附件：1．科技型企业申报表',
      '2．诚信申报承诺书',
      '云岭区科技局',
      '2025年5月6日',
    ].join('\n');
    const p = P(forms);
    expect(p.sections.map((s) => s.path)).toEqual(['一', '二']);
    expect(p.meta.attachmentTitle).toBeNull();
    const plan = forms.replace('1．科技型企业申报表', '1．云岭区科技型企业培育办法');
    expect(P(plan).meta.attachmentTitle).toBe('云岭区科技型企业培育办法');
  });

  it('takes the first of two documents a 通知 title issues, and cites neither', () => {
    const text = [
      '某县人民政府关于印发《某县创新平台建设方案》《某县创新平台管理办法》的通知',
      '各乡镇人民政府：',
      '现将《某县创新平台建设方案》《某县创新平台管理办法》印发给你们，请遵照执行。',
    ].join('\n');
    const p = P(text);
    expect(p.meta.attachmentTitle).toBe('某县创新平台建设方案');
    expect(p.cites).toEqual([]);
  });
});

describe('版记', () => {
  it('joins a 抄送 line that breaks inside a name, keeps line ends after a name', () => {
    const text = [
      '某县人民政府办公室关于做好科普工作的通知',
      '各乡镇：',
      '现就有关事项通知如下。',
      '某县人民政府办公室',
      '2025年3月1日',
      '抄送：县委办公室，县人大常委会办公室，县政',
      '协办公室，县法院',
      '县检察院。',
    ].join('\n');
    expect(P(text).meta.copiedTo).toEqual([
      '县委办公室',
      '县人大常委会办公室',
      '县政协办公室',
      '县法院',
      '县检察院',
    ]);
  });
});

describe('phases', () => {
  it('reads name-first and date-first stages', () => {
    const text = [
      '三、实施步骤',
      '（一）宣传动员阶段（2025年1月—3月）。',
      '（二）2025年4月至2026年10月为全面实施阶段。',
    ].join('\n');
    const ph = P(text).phases.map((p) => [p.name, p.start, p.end]);
    expect(ph).toEqual([
      ['宣传动员阶段', '2025-01', '2025-03'],
      ['全面实施阶段', '2025-04', '2026-10'],
    ]);
  });
});

describe('a 通知 with points of its own that issues a plan', () => {
  it('keeps the plan on the plain paths and puts the notice points under 通知/', () => {
    const text = [
      '某县人民政府关于做好科技服务工作的通知',
      '各乡镇人民政府：',
      '现将《某县科技服务行动方案》印发给你们，并就有关事项通知如下：',
      '一、加强领导',
      '各乡镇要明确分管领导。（责任单位：各乡镇人民政府）',
      '二、按时报送',
      '各乡镇于2025年6月底前报送进展。',
      '某县人民政府',
      '2025年3月1日',
      '某县科技服务行动方案',
      '一、工作目标',
      '到2026年，建成科技服务站20个。',
      '二、重点任务',
      '（一）建设服务站点。（责任单位：县科技局）',
    ].join('\n');
    const p = P(text);
    expect(p.sections.map((s) => `${s.path}:${s.level}`)).toEqual([
      '通知/一:2',
      '通知/二:2',
      '一:1',
      '二:1',
      '二/(一):2',
    ]);
    expect(p.responsibilities.map((d) => `${d.section}|${d.units.join('、')}`)).toEqual([
      '通知/一|各乡镇人民政府',
      '二/(一)|县科技局',
    ]);
    expect(p.targets.map((t) => [t.section, t.value])).toEqual([['一', 20]]);
  });

  it('leaves a notice alone when its plan has no headings', () => {
    const text = [
      '某县人民政府关于做好科技服务工作的通知',
      '各乡镇人民政府：',
      '现就有关事项通知如下：',
      '一、加强领导',
      '各乡镇要明确分管领导。',
      '二、按时报送',
      '各乡镇于2025年6月底前报送进展。',
      '某县人民政府',
      '2025年3月1日',
    ].join('\n');
    expect(P(text).sections.map((s) => s.path)).toEqual(['一', '二']);
  });
});

describe('phases named without 阶段', () => {
  it('reads the sub-headings of a 实施步骤/进度安排 section as stages, and only there', () => {
    const text = [
      '一、重点任务',
      '（一）完成调研（2025年3月底前）。摸清底数。',
      '二、进度安排',
      '（一）调研摸底（2025年3月底前）。摸清全县底数。',
      '（二）集中推进（2025年4月至2026年9月）。全面推进各项任务。',
      '（三）评估验收（2026年）。开展评估。',
      '三、保障措施',
      '（一）强化保障（2026年12月前）。落实经费。',
    ].join('\n');
    expect(P(text).phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['调研摸底', null, '2025-03'],
      ['集中推进', '2025-04', '2026-09'],
      // A year without a month gives no months.
      ['评估验收', null, null],
    ]);
  });
});

describe('任务分工表 written as text', () => {
  it('reads space-aligned rows and files unmatched tasks under 附件', () => {
    const text = [
      '一、强化平台建设',
      '二、深化开放合作',
      '附件：重点任务分工',
      '序号  重点任务          牵头单位    配合单位          完成时限',
      '1     强化平台建设      县科技局    县发改局、县财政局  2025年底',
      '2     开展人才培训      县人社局    县教育局            长期坚持',
    ].join('\n');
    const d = P(text).responsibilities.map((x) => `${x.section}|${x.role}|${x.units.join('/')}`);
    expect(d).toEqual([
      '一|lead|县科技局',
      '一|co|县发改局/县财政局',
      '附件|lead|县人社局',
      '附件|co|县教育局',
    ]);
  });
});

describe('主要指标表', () => {
  it('reads each indicator row with a number in the target column', () => {
    const text = [
      '某县科技创新规划（2021—2025年）',
      '一、发展目标',
      '序号\t指标名称\t单位\t2020年\t2025年目标\t属性',
      '1\t研发投入强度\t%\t1.1\t2.0\t预期性',
      '2\t高新技术企业数\t家\t12\t≥30\t预期性',
      '3\t技术合同成交额（亿元）\t\t0.5\t2左右\t预期性',
      '4\t创新生态\t—\t—\t持续优化\t约束性',
    ].join('\n');
    const t = P(text).targets.map((x) => [
      x.section,
      x.metric,
      x.comparator,
      x.value,
      x.unit,
      x.deadline,
      x.approx,
    ]);
    expect(t).toEqual([
      ['一', '研发投入强度', 'reach', 2, '%', 2025, false],
      ['一', '高新技术企业数', 'at_least', 30, '家', 2025, false],
      ['一', '技术合同成交额', 'reach', 2, '亿元', 2025, true],
    ]);
  });

  it('reads every goal-year column, not a base year, each due in its year', () => {
    const rows = (head: string) => [head, '专利授权量（件） | 800 | 900 | 1000 | 1200'];
    const at = (lines: string[]) =>
      P(lines.join('\n')).targets.map((x) => `${x.metric} ${x.value} ${x.unit} ${x.deadline}`);
    // The plan period starts in 2024: 2022 and the 基期 column are past figures.
    expect(
      at([
        '某县知识产权行动方案（2024—2026年）',
        '一、主要指标',
        ...rows('指标 | 2022年 | 2023年（基期） | 2024年 | 2026年'),
      ]),
    ).toEqual(['专利授权量 1000 件 2024', '专利授权量 1200 件 2026']);
    // Without a signing or plan year only the latest column is a goal.
    expect(at(['一、主要指标', ...rows('指标 | 2022年 | 2023年 | 2024年 | 2026年')])).toEqual([
      '专利授权量 1200 件 2026',
    ]);
  });
});
