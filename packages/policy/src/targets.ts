// Quantitative targets: a number (Arabic or Chinese, a range, a percentage) with a unit, governed by
// a goal verb or a bound word in its clause, or a doubling word (翻番, 倍增). The rules follow how
// 实施方案/行动方案 state goals; none names a particular document's words.
import { datePart } from './dates.js';
import type { Doc, Para } from './doc.js';
import type { Layout } from './layout.js';
import { doublingFactor, NUMBER, parseNumber } from './numerals.js';
import { parseMarker, type SectionIndex } from './sections.js';
import type { Comparator, Target } from './types.js';

/** Units as written after a number; counts of visits (家次, 人次) before their plain forms. */
const UNITS =
  '个百分点|百分点|个工作日|工作日|人次|家次|企次|场次|批次|户次|项次|班次|千瓦时|千瓦|兆瓦|元|亩|吨|公顷|平方公里|平方米|公里|千米|家|个|名|项|人|户|次|处|座|所|支|条|台|套|件|篇|批|场|期|位|头|株|种|类|款|栋|张|辆|天|%|‰|倍|[PE]Flops|[PE]FLOPS|P(?![A-Za-z])';
/** A unit may carry 万, 亿 or 万亿 (50万平方米, 10亿元, 8万亿元): kept in the unit, as the spec's 百亿元 → 100 亿元. */
const QTY = new RegExp(
  `百分之(${NUMBER})(?:\\s*(?:至|到)\\s*百分之(${NUMBER}))?|(${NUMBER})(?:\\s*(?:至|到|—|-|~)\\s*(${NUMBER}))?\\s*((?:万亿|万|亿)?(?:${UNITS}))`,
  'g',
);
/** Verbs whose subject is what is measured: 科技型企业达到50家. */
const PREDICATE =
  '达到|达|压缩|缩短|超过|突破|高于|大于|多于|不低于|不少于|不超过|不高于|低于|少于|控制在|保持在|稳定在|增长|增加|提高|提升|增至|增幅|增速|下降|降低|减少|占比|占|实现|总数|总量为';
/** Verbs whose object is what is counted: 引进科技领军人才3名, 建成服务站点80个. */
const ACTION =
  '建成|建设|打造|培育|引进|引导|新增|创建|争创|组建|促成|达成|签订|组织实施|组织|实施|推广|选派|选认|选聘|建立|培养|认定|转移转化|转化|选育|命名|招引|引育|集聚|吸引|孵化|培训|举办|开展|新建|扩建|改造|遴选|攻克|研制|申请|获得|储备|入库|扶持|支持|带动|落地|完成|形成|设立|成立|布局|挂牌|认证|评选|制定|申报|发放|安排|奖励|补助|资助|新认定';
const VERB = new RegExp(`(${PREDICATE}|${ACTION})`, 'g');
const PREDICATE_ONLY = new RegExp(`^(?:${PREDICATE})$`);
const DOUBLING = /翻(一|两|二|三)?番|翻一倍|翻倍|双倍增|倍增/g;
const GOAL_VERB_END = new RegExp(`(?:${ACTION})$`);
/** Verbs that take an agent and a second verb (支持企业组建…, 鼓励高校建设…). */
const PIVOT = /^(?:支持|鼓励|引导|推动|帮助|指导|督促|带动|扶持)$/;
const GOAL_VERB_START = new RegExp(`^(?:${ACTION})`);
const ACTION_ONLY = new RegExp(`^(?:${ACTION})$`);
const LOCATIVE = /^(?:在|于|从|向)/;
const WEAK_METRIC = new RegExp(`^(?:${PREDICATE}|${ACTION}|规模|总量|总额|金额|数额|数量|总数)$`);
const NEXT_QTY = new RegExp(`${NUMBER}\\s*(?:${UNITS})`);
const NOUN_AFTER_VERB =
  /^(?:的|方案|意见|办法|细则|计划|主体|单位|部门|项目|工作|机制|体系|能力|水平|情况|成效|中心|站|平台|机构|基地|园|点|窗口)/;
const INCENTIVE = /给予|补助|奖励|资助|补贴|贴息|奖补|扶持资金|最高/;
const PRESENT = /现有|已有|已经|已建|已累计|目前|截至|截止|现已|原有/;
/** 到YYYY年 and its kin; 到 after a verb (达到2021年的3倍, 提高到) names a base, not a deadline. */
const DEADLINE_MARK =
  /(?:(?<![达提增升降减扩])到|(?<![截])至|截至|截止到?|力争到|争取到)\s*((?:19|20)\d{2}|二〇[〇一二三四五六七八九]{2})\s*年|((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:底|末|前|以前|之前)|(?:^|[。;,])((?:19|20)\d{2})\s*年\s*,/g;
const FIVE_YEAR = /十(一|二|三|四|五)五”?\s*(?:期间|时期|末|时期末)/;
const FIVE_YEAR_END: Record<string, number> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030 };
const LIST_ITEM = /^(?:——|—|-|·|•|●|○|■|□|◆|[①-⑳]|[a-z][.)])/;
const SCOPE_HEAD =
  /^(?:在)?((?:全(?:市|县|旗|区|省|州|盟|镇|乡|国|域)(?:各(?:县区|县市区|县|市|区|旗县|旗|乡镇))?)|县域|市域|区域内|各级政府|各级财政|各(?:县区|县市区|旗县市区|旗县区|旗县|县|市|区|旗|乡镇|园区)|每个[^,;。]{1,14}?(?:区|县|市|旗|镇|乡|村|园区|基地|企业|行业|领域)(?=内)|(?:[\u4e00-\u9fa5]{2,4}、){1,5}[\u4e00-\u9fa5]{2,4}[一二三四五六七八九两]+(?:县|区|市|旗)|[一二三四五六七八九两]+(?:县|区|旗)[\u4e00-\u9fa5]{0,6}村|重点产业领域)/;
const IN_SCOPE = /在([^,;。]{2,16}?)内?(?=组织|实施|打造|建设|建成|建立|培育|引进|推广|选派|创建)/;
const LEAD_STRIP =
  /^(?:[一二三四五六七八九十]+是|[^,;。的]{0,30}?(?:制定|提出|规定|确定|明确|部署)的|并|同时|其中|力争|争取|确保|努力|要|将|可|累计|全年|每年|年均(?!增)|到\d{4}年|\d{4}年(?:底|末|前)?|“?十[一二三四五]五”?(?:期间|时期|末)?|期间|届时|实现|保持(?!在)|持续|推动|推进|加快推进|加快|进一步|经过\S{1,3}年努力|通过\S{1,3}年努力)+/;
const TRAIL_STRIP =
  /(?:力争|争取|确保|努力|要|将|可|累计|分别|的|都|总计|共|要求|不少于|不低于|至少|达到|超过|每年|每季度|每月|每半年|年均)+$/;
/** A base the goal is measured from (较2021年, 在2021年基础上, 与2020年相比): not what is measured. */
const BASE_YEAR =
  /(?:在|较|比|与|同比)\s*(?:(?:19|20)\d{2}\s*年|上一?年度?)(?:底|末)?(?:的)?(?:基础上|相比|水平上?)?/g;
/** A span of time before what is counted (三年, 五年内, 年内). */
const TIME_SPAN = /^(?:(?:\d{1,2}|[一二三四五六七八九十两]{1,3})年(?:内|来|间|中)?|年内|当年)/;
/** A head noun too general to name what is counted without the verb before it (入库培育企业). */
const GENERIC_HEAD = /^(?:企业|人才|项目|团队|人员|单位|机构|平台|基地|成果|技术|产品|专家|农户|主体|载体)$/;

const CONDITION_HEADING =
  /^(?!扩大|提高|完善|优化|规范|健全|加强|强化|调整|放宽|拓展)(?:[\u4e00-\u9fa5]{0,6}?)(?:申报|申请|认定|评定|评选|遴选|入库|准入|参评|推荐|支持|资助|奖励|补助|扶持)(?:的)?(?:条件|对象|标准|范围)|^(?:基本|资格|适用)(?:条件|范围|对象)/;
const PAST_PERIOD = /(?<![较比与在同以])(?:上一?年度?|近[一二三两\d]{1,2}年|最近[一二三两\d]{1,2}个?年度?)/;
/** What a text is divided into (六个方面, 三个阶段): counting these describes, it sets no goal. */
const STRUCTURE_NOUN = /^(?:方面|部分|环节|维度|层次|层面|步骤|阶段|板块|篇章|章节)/;

interface Clause {
  start: number;
  end: number;
  sentence: number;
  /** Offset (in text) where this clause's sentence starts. */
  sentenceStart: number;
  index: number;
}

/** Clauses may run long in malformed input; rules look at most this far back from a number. */
const WINDOW = 300;

/** Splits a paragraph's matching text into clauses (on , : ; 。 ! ?) outside brackets and quotes. */
function clauses(m: string, base: number): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let quote = false;
  let from = 0;
  let sentence = 0;
  let sentenceStart = base;
  for (let i = 0; i <= m.length; i++) {
    const c = i < m.length ? m.charCodeAt(i) : -1;
    // ( 《 〔 open; ) 》 〕 close; “ ” quote.
    if (c === 0x28 || c === 0x300a || c === 0x3014) depth++;
    else if (c === 0x29 || c === 0x300b || c === 0x3015) depth = depth > 0 ? depth - 1 : 0;
    else if (c === 0x201c) quote = true;
    else if (c === 0x201d) quote = false;
    const end = c === -1;
    // , : ; 。 ! ?
    const stop = c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3002 || c === 0x21 || c === 0x3f;
    if (end || (stop && depth === 0 && !quote)) {
      if (i > from)
        out.push({ start: base + from, end: base + i, sentence, sentenceStart, index: out.length });
      if (!end && c !== 0x2c && c !== 0x3a) {
        sentence++;
        sentenceStart = base + i + 1;
      }
      from = i + 1;
    }
  }
  return out;
}

/**
 * For each position of m, whether it lies inside quotes, 《》 or a bracketed assignment or number
 * ((牵头单位：…), (国办发〔…〕)), computed in one pass.
 */
function maskOf(m: string): Uint8Array {
  const mask = new Uint8Array(m.length);
  let q = 0;
  let book = 0;
  const parens: number[] = [];
  const assignment: boolean[] = [];
  for (let k = 0; k < m.length; k++) {
    const c = m[k];
    if (c === '“') q++;
    else if (c === '”') q = Math.max(0, q - 1);
    else if (c === '《') book++;
    else if (c === '》') book = Math.max(0, book - 1);
    else if (c === '(') {
      parens.push(k);
      assignment.push(false);
    } else if (c === ')') {
      parens.pop();
      assignment.pop();
    } else if (parens.length && (c === ':' || c === '〔' || /^(?:牵头|配合|责任)/.test(m.slice(k, k + 2)))) {
      assignment[assignment.length - 1] = true;
    }
    if (q > 0 || book > 0 || (assignment.length && assignment[assignment.length - 1])) mask[k] = 1;
  }
  return mask;
}

const FREQ_VERB = new RegExp(
  `^.{0,12}?(?:每年|每季度|每月|年均|每个[\\u4e00-\\u9fa5]{1,6}|(?:\\d{1,2}|[一二三四五六七八九十两])年(?:内|来)?累计)(?:${ACTION}|组织|安排|开展|服务|联系|帮扶|走访|指导)`,
);
/** Verbs stripped from the front of a subject; not those that also begin nouns (孵化器, 培训班). */
const LEAD_SUBJECT_VERB =
  /^(?:并|和|及|、)?(?:组织实施|组织|开展|推动|鼓励|引导|支持|带动|推进|加快|命名|实施|新增|引进|培育|建成|建设|打造|创建|争创|组建|推广|选派|认定|遴选|举办|设立|成立|新建|扩建|招引|安排)/;
const LEAD_OBJECT_VERB = new RegExp(`^(?:并|和|及|、)?(?:${ACTION}|组织|开展|推动|鼓励|推进|加快)`);

function cleanMetric(s: string, object = false): string {
  let t = s
    .trim()
    .replace(/^(?:\d{1,3}[.、](?!\d)|\(\d{1,3}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/, '')
    .replace(/^[,、:的—\-·•]+|[,、:]+$/g, '');
  t = t.replace(BASE_YEAR, '');
  for (let k = 0; k < 3; k++) {
    t = t.replace(LEAD_STRIP, '').replace(TRAIL_STRIP, '').replace(TIME_SPAN, '');
    const sc = SCOPE_HEAD.exec(t);
    if (sc && sc[0].length < t.length - 1) t = t.slice(sc[0].length);
  }
  t = t.replace(/^的|的$/g, '');
  // 县财政每年安排科技专项资金: what follows a frequency and its verb is what is counted.
  // 每名科技特派员每年到村服务: a per-head scope before the frequency is not what is counted.
  const perHead = /^每(?:名|位|个|家|户|人)[\u4e00-\u9fa5]{1,10}?(?=每(?:年|季度|月))/.exec(t);
  if (perHead) t = t.slice(perHead[0].length);
  const freq = FREQ_VERB.exec(t);
  if (perHead && !freq) t = t.replace(/^每(?:年|季度|月)/, '');
  if (freq && freq[0].length < t.length - 1) t = t.slice(freq[0].length);
  // Leading verbs (组织…, 并命名…; for objects also 推广…) are not part of what is counted.
  const lead = object ? LEAD_OBJECT_VERB : LEAD_SUBJECT_VERB;
  for (let k = 0; k < 4; k++) {
    const v = lead.exec(t);
    if (!v) break;
    // …but a general noun keeps the verb that makes it specific (入库培育企业, not 企业).
    // A single character left means the verb began a noun (孵化器); nothing left in a subject means
    // the verb itself is what is counted (举办培训不少于6期).
    const rest = t.slice(v[0].length);
    if (GENERIC_HEAD.test(rest) || rest.length === 1 || (!rest && !object)) break;
    t = rest;
  }
  // A resultative 成 after the verb (建设成省级孵化器) is not part of the noun.
  if (object) t = t.replace(/^成(?=[\u4e00-\u9fa5]{2})(?!果|效|本|员|立|熟|长|就|交|品|都|为)/, '');
  if (/^“[^“”]+”$/.test(t)) t = t.slice(1, -1);
  return t.trim();
}

/** The counted noun after a quantity: up to the next verb-like word, after the last 的 and 等. */
function nounAfter(s: string): string {
  let t = s.replace(/^(?:左右|以上|以内|以下|上下|多|余)?的?/, '');
  // 上市/入库 right after the number modify the noun (200家入库企业); later they are its verb.
  const stop = t.search(
    /到|在|开展|参与|从事|进行|用于|实现|达到|力争|服务(?!中心|站|平台|机构|体系)|(?<!^)(?:上市|入驻|入库|落户)|通过|,|;|。/,
  );
  if (stop >= 0) t = t.slice(0, stop);
  const de = t.lastIndexOf('的');
  if (de >= 0 && de < t.length - 1) t = t.slice(de + 1);
  const deng = t.lastIndexOf('等');
  if (deng >= 0 && deng < t.length - 1) t = t.slice(deng + 1);
  return t.replace(/、$/, '');
}

interface Found {
  /** The metric in matching text (simplified), for reuse by later goals. */
  metricMatch: string;
  at: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  comparator: Comparator;
  approx: boolean;
  metric: string;
  clause: Clause;
  textStart: number;
  textEnd: number;
  per: boolean;
}

export function extractTargets(
  doc: Doc,
  L: Layout,
  index: SectionIndex,
  planPeriod: [number, number] | null,
): Target[] {
  const out: Target[] = [];
  let listYear: number | null = null;
  // A 到YYYY年 hands its year to the numbered items under it: those nested under the heading whose
  // paragraph states it ((二)主要目标。到2025年… → 1. 2. 3.), or listed after a lead-in that ends in a
  // colon (到2025年，具体目标是：). A sibling section's items do not inherit it.
  const leads: { year: number; ownRank: number | null; itemRank: number | null; colon: boolean }[] = [];
  for (const p of doc.paras) {
    doc.tick('targets');
    if (L.frame[p.index]) continue;
    const m = doc.m(p);
    if (m.includes('|')) continue;
    const isListItem = LIST_ITEM.test(m);
    const mk = parseMarker(m);
    let fromLead: number | null = null;
    if (mk) {
      // A heading closes the leads of its own rank or deeper and the colon lists it is outside of.
      while (leads.length) {
        const top = leads[leads.length - 1];
        const closes =
          top.itemRank != null ? mk.rank < top.itemRank : top.ownRank != null && mk.rank <= top.ownRank;
        if (!closes) break;
        leads.pop();
      }
      const top = leads[leads.length - 1];
      if (top) {
        top.itemRank ??= mk.rank;
        if (mk.rank >= top.itemRank) fromLead = top.year;
      }
    } else if (!isListItem) {
      // Plain text ends a colon list (its lead has no heading rank) and inherits nothing.
      while (leads.length && leads[leads.length - 1].colon && leads[leads.length - 1].itemRank != null)
        leads.pop();
    }
    const inherited = isListItem ? (listYear ?? fromLead) : fromLead;
    const { found, cl } = paragraphTargets(doc, p, m);
    // Deadline marks in this paragraph, by position.
    const marks: { at: number; year: number }[] = [];
    DEADLINE_MARK.lastIndex = 0;
    for (let x = DEADLINE_MARK.exec(m); x; x = DEADLINE_MARK.exec(m)) {
      marks.push({ at: x.index, year: datePart(x[1] ?? x[2] ?? x[3]) ?? 0 });
    }
    if (!isListItem) listYear = marks.length ? marks[marks.length - 1].year : null;
    if (marks.length && (mk || /:\s*$/.test(m)))
      leads.push({
        year: marks[marks.length - 1].year,
        ownRank: mk?.rank ?? null,
        itemRank: null,
        colon: /:\s*$/.test(m),
      });
    let markAt = 0;
    for (const f of found) {
      const local = f.at - p.start;
      let deadline: number | null = null;
      const sentenceStart = f.clause.sentenceStart - p.start;
      while (markAt < marks.length && marks[markAt].at < local) markAt++;
      if (markAt > 0) deadline = marks[markAt - 1].year;
      // A five-year-plan period named in the goal's own sentence outranks a year set earlier.
      const fy = FIVE_YEAR.exec(m.slice(Math.max(sentenceStart, local - WINDOW), local));
      if (fy && !(markAt > 0 && marks[markAt - 1].at >= sentenceStart)) deadline = FIVE_YEAR_END[fy[1]];
      deadline ??= inherited ?? (planPeriod ? planPeriod[1] : null);
      const scope = scopeOf(doc, f, cl);
      out.push({
        section: index.pathAt(f.at),
        metric: f.metric,
        comparator: f.comparator,
        value: f.value,
        valueMax: f.valueMax,
        unit: f.unit,
        per: f.per ? 'year' : null,
        deadline,
        approx: f.approx,
        scope,
        text: doc.slice(f.textStart, f.textEnd),
        span: doc.span(f.textStart, f.textEnd),
      });
    }
  }
  // Numbers under a heading that sets conditions (申报条件, 支持对象, 认定标准) are thresholds to
  // qualify, not goals of the document.
  const conditions = index.sections
    .filter((s) => CONDITION_HEADING.test(s.heading.slice(0, 16)))
    .map((s) => s.path);
  if (!conditions.length) return out;
  return out.filter((t) => !conditions.some((c) => t.section === c || t.section.startsWith(`${c}/`)));
}

/** The scope heading the goal's clause, else the last one heading a clause earlier in its sentence. */
function scopeOf(doc: Doc, f: Found, cl: Clause[]): string | null {
  for (let k = f.clause.index, n = 0; k >= 0 && n < 12 && cl[k].sentence === f.clause.sentence; k--, n++) {
    const h = cl[k].start;
    let s = doc.match.slice(h, Math.min(k === f.clause.index ? f.at : cl[k].end, h + WINDOW));
    let skip = 0;
    const lead =
      /^(?:——|—|到\d{4}年|\d{4}年(?:底|前)?|“?十[一二三四五]五”?期间|力争|争取|每年|经过\S{1,3}年努力|,)+/.exec(
        s,
      );
    if (lead) {
      skip = lead[0].length;
      s = s.slice(skip);
    }
    const inScope = IN_SCOPE.exec(s);
    if (inScope) {
      const a = h + skip + inScope.index + 1;
      return doc.slice(a, a + inScope[1].length);
    }
    const sc = SCOPE_HEAD.exec(s);
    if (sc) {
      const a = h + skip + sc[0].indexOf(sc[1]);
      return doc.slice(a, a + sc[1].length);
    }
  }
  return null;
}

/** What the sentence named before a goal that names nothing itself: [matching text, output text]. */
function previousNoun(doc: Doc, found: Found[], cl: Clause[], clause: Clause): [string, string] | null {
  const prev = [...found].reverse().find((f) => f.clause.sentence === clause.sentence);
  if (prev) return [prev.metricMatch, prev.metric];
  const before = cl[clause.index - 1];
  if (!before || before.sentence !== clause.sentence) return null;
  const from = Math.max(before.start, before.end - WINDOW);
  const t = doc.match.slice(from, before.end);
  VERB.lastIndex = 0;
  let first: RegExpExecArray | null = null;
  let firstAction: RegExpExecArray | null = null;
  for (let v = VERB.exec(t); v; v = VERB.exec(t)) {
    first ??= v;
    if (!PREDICATE_ONLY.test(v[0])) {
      firstAction = v;
      break;
    }
  }
  DOUBLING.lastIndex = 0;
  const d = DOUBLING.exec(t);
  // The subject before the clause's verb (科技型企业数量|翻一番), else the object of its first action
  // verb (设立|旗级科技创新引导资金).
  let noun = cleanMetric(t.slice(0, Math.min(first ? first.index : t.length, d ? d.index : t.length)));
  // 在各乡镇|建设|工作站: a place introduced by 在/于 says where, not what is counted.
  if (LOCATIVE.test(noun)) noun = '';
  if (noun.length < 2 && firstAction)
    noun = cleanMetric(t.slice(firstAction.index + firstAction[0].length), true);
  if (noun.length < 2) return null;
  const at = doc.match.indexOf(noun, from);
  return [noun, at >= 0 && at < before.end ? doc.text.slice(at, at + noun.length) : noun];
}

/** Cheap test before the clause analysis: a digit, a Chinese numeral or a doubling word. */
const CANDIDATE = /[0-9〇零一二两三四五六七八九十百千]|翻|倍增/;

function paragraphTargets(doc: Doc, p: Para, m: string): { found: Found[]; cl: Clause[] } {
  if (!CANDIDATE.test(m)) return { found: [], cl: [] };
  const cl = clauses(m, p.start);
  const found: Found[] = [];
  const mask = maskOf(m);
  const clauseOf = (at: number): Clause | undefined => {
    let lo = 0;
    let hi = cl.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cl[mid].end <= at) lo = mid + 1;
      else if (cl[mid].start > at) hi = mid - 1;
      else return cl[mid];
    }
    return undefined;
  };
  // The verb each clause's goals hang on, remembered so a verb-less clause can share the previous one.
  type VerbRef = { clause: Clause; kind: 'predicate' | 'action'; textStart: number };
  let lastVerb = null as VerbRef | null;
  let prevClause: Clause | null = null;
  const inClause = new Map<Clause, Found[]>();

  QTY.lastIndex = 0;
  for (let x = QTY.exec(m); x; x = QTY.exec(m)) {
    const local = x.index;
    const at = p.start + local;
    const clause = clauseOf(at);
    if (!clause) continue;
    const before = m.slice(Math.max(0, local - 4), local);
    if (/第\s*$/.test(before) || /[\d.]$/.test(before)) continue;
    if (
      /^[一二两三四五六七八九十]/.test(x[3] ?? '') &&
      /[\u4e00-\u9fa5]$/.test(before) &&
      /[统唯之万进同单]$/.test(before)
    )
      continue;
    const unit = x[5] ?? '%';
    const after = m.slice(local + x[0].length, local + x[0].length + 6);
    if (unit === '个' && /^月/.test(after)) continue;
    // A Chinese numeral and 次 inside a word (二次开发, 一次办结) is not a count.
    if (
      unit === '次' &&
      /^[一二两三四五六七八九十]+$/.test(x[3] ?? '') &&
      /^[\u4e00-\u9fa5]/.test(after) &&
      !/^(?:以上|左右|以内|及以上)/.test(after)
    )
      continue;
    // …包括A、B和C六个方面: the parts a text is divided into are not a goal.
    if ((unit === '个' || unit === '项') && STRUCTURE_NOUN.test(after)) continue;
    const rawValue = x[1] ?? x[3];
    // 一个/一批: the numeral 一 written in Chinese means "a", not a quantity, unless a bound word
    // governs it (至少建设一个); 两 is a count after a bound word or a goal verb (新增两家).
    if (rawValue === '几') continue;
    if ((rawValue === '一' || rawValue === '两') && x[5] !== '倍') {
      const lead = m.slice(Math.max(clause.start - p.start, local - 8), local);
      const bound =
        /(?:至少|不少于|不低于)[\u4e00-\u9fa5]{0,3}$/.test(lead) ||
        /^(?:以上|及以上)/.test(m.slice(local + x[0].length, local + x[0].length + 3));
      const goalVerb = rawValue === '两' && GOAL_VERB_END.test(lead);
      if (!bound && !goalVerb) continue;
    }
    if (mask[local]) continue;
    const value = parseNumber(rawValue);
    if (value == null) continue;
    const rawMax = x[2] ?? x[4];
    const valueMax = rawMax ? parseNumber(rawMax) : null;

    // The governing verb: the last verb in the clause before the number that is not a modifier (…的).
    const cStart = Math.max(clause.start, at - WINDOW);
    const cText = doc.match.slice(cStart, at);
    // Money in a sentence that grants it (给予…补助，最高不超过100万元) is an incentive rule, not a goal.
    if (
      /元$|^%$/.test(unit) &&
      INCENTIVE.test(doc.match.slice(Math.max(clause.sentenceStart, at - WINDOW), at))
    )
      continue;
    // A threshold that makes someone eligible (对年度研发投入超过500万元的企业) is a condition.
    const clauseHead = doc.match.slice(clause.start, at);
    const clauseTail = doc.match.slice(p.start + local + x[0].length, clause.end);
    if (
      /^(?:[一二三四五六七八九十]+是)?(?:并|再|同时)?(?:对于|对|凡)/.test(clauseHead) &&
      /的/.test(clauseTail.slice(0, 12))
    )
      continue;
    // A figure of a past year (上年度研发费用不低于200万元) is a condition to meet, not a goal: the
    // future cannot be measured by last year (较上年增长 is a base, and stays a goal).
    if (PAST_PERIOD.test(doc.match.slice(Math.max(clause.sentenceStart, at - WINDOW), at))) continue;
    // A rate or amount granted in the same clause (按其增量的10%给予补助) is a support rule.
    if (/元$|^%$/.test(unit) && (/给予|予以/.test(clauseTail) || /^(?:并|再)?(?:按|按照)/.test(clauseHead)))
      continue;
    // A count of what exists now is not a goal (a multiple of it is: 达到现有的3倍).
    if (PRESENT.test(cText) && unit !== '倍') continue;
    // The governing verb: the last predicate verb (X达到N), else the first action verb (引进…N名),
    // skipping verbs used as modifiers or inside nouns (转化的…, 实施方案, 服务中心).
    const previousInClause = inClause.get(clause) ?? [];
    const searchFrom = previousInClause.length
      ? Math.max(0, previousInClause[previousInClause.length - 1].end - cStart)
      : 0;
    let verb: { index: number; word: string } | null = null;
    let firstAction: { index: number; word: string } | null = null;
    VERB.lastIndex = 0;
    for (let v = VERB.exec(cText); v; v = VERB.exec(cText)) {
      if (NOUN_AFTER_VERB.test(cText.slice(v.index + v[0].length, v.index + v[0].length + 3))) continue;
      if (PREDICATE_ONLY.test(v[0])) verb = { index: v.index, word: v[0] };
      else if (
        !firstAction ||
        (firstAction.index < searchFrom && v.index >= searchFrom) ||
        // 支持企业牵头组建联合体5个: after a pivot verb and its agent, the later verb governs.
        (PIVOT.test(firstAction.word) && v.index > firstAction.index + firstAction.word.length + 1)
      )
        firstAction = { index: v.index, word: v[0] };
    }
    if (!verb || (firstAction && firstAction.index > verb.index && verb.index < searchFrom))
      verb = firstAction ?? verb;
    let kind: 'predicate' | 'action';
    let textStart = clause.start;
    const bound = /以上|以内|以下/.test(after.slice(0, 2));
    if (verb) kind = PREDICATE_ONLY.test(verb.word) ? 'predicate' : 'action';
    else if (
      lastVerb &&
      prevClause &&
      prevClause.sentence === clause.sentence &&
      lastVerb.clause === prevClause
    ) {
      kind = lastVerb.kind;
      // A 其中 sub-goal is a clause of its own; other clauses without a verb share the one before.
      if (!/^其中/.test(clauseHead)) {
        textStart = lastVerb.textStart;
        for (const f of found) if (f.clause === prevClause) f.textEnd = clause.end;
      }
    } else if (bound && cText.length > 1) kind = 'predicate';
    else continue;

    // Comparator and approximation.
    // Bound words may stand before the verb too (至少建成…): look from the previous goal on.
    const pre = cText.slice(Math.min(searchFrom, verb ? verb.index : searchFrom));
    const post = after;
    let comparator: Comparator = 'reach';
    let v = value;
    const unitAt = local + x[0].length - unit.length;
    let u: string | null = x[5] ? doc.text.slice(p.start + unitAt, p.start + unitAt + unit.length) : '%';
    if (valueMax != null) comparator = 'range';
    else if (unit === '倍') {
      comparator = 'multiply';
      u = null;
      if (/增长|增加|提高/.test(pre) && !/的$/.test(pre)) v = value + 1;
    } else if (/^以上/.test(post) || /不低于|不少于|至少/.test(pre)) comparator = 'at_least';
    // 不超过/不高于 contain 超过/高于: the bounded-above words are tested first.
    else if (/^(?:以内|以下)/.test(post) || /不超过|不高于|不多于|低于|少于|控制在/.test(pre))
      comparator = 'at_most';
    else if (/超过|高于|突破|大于|多于/.test(pre)) comparator = 'more_than';
    else if (/百分点$/.test(unit) && /提高|增加|提升|增长/.test(pre)) comparator = 'growth';
    else if (
      unit === '%' &&
      /增长|增幅|增速|提高|增加/.test(pre) &&
      !/达到|达$|(?:提高|提升|增加|增长)(?:到|至)/.test(pre)
    )
      comparator = 'growth';
    const approx = /^(?:左右|上下)/.test(post) || /(?:约|近|大约|接近)\s*$/.test(cText);
    let per = /每年|年均|每年度/.test(doc.match.slice(Math.max(textStart, at - WINDOW), at));
    // A count of events in a clause that starts with its verb (…每年开展培训不少于4期，培训农民200
    // 人次) shares the frequency of the goal before it in the sentence; a count of things built does
    // not (每年组织服务200人次，新建平台8个).
    if (!per && /次|场|期/.test(unit) && GOAL_VERB_START.test(doc.match.slice(clause.start, at))) {
      const prev = [...found].reverse().find((f) => f.clause.sentence === clause.sentence);
      if (prev?.per && /每年/.test(doc.match.slice(prev.textStart, prev.at))) per = true;
    }

    // Metric.
    // After an earlier quantity in this clause, its noun runs up to the next 、.
    let prevEnd = previousInClause.length
      ? Math.max(0, previousInClause[previousInClause.length - 1].end - cStart)
      : 0;
    if (prevEnd > 0) {
      const sep = cText.indexOf('、', prevEnd);
      if (sep >= 0) prevEnd = sep + 1;
    }
    let metric = '';
    if (verb && kind === 'predicate') {
      // 年均增长10%: the growth word is part of what is measured.
      const keep = /^(?:增长|增幅|增速)$/.test(verb.word) && unit !== '倍' ? verb.word.length : 0;
      // A达到40名、B60名: a noun after the earlier quantity shares its verb and is measured itself.
      metric = cleanMetric(
        verb.index < prevEnd ? cText.slice(prevEnd) : cText.slice(prevEnd, verb.index + keep),
      );
      if (!metric && /^占/.test(verb.word)) metric = cleanMetric(cText.slice(verb.index));
    } else if (verb) {
      metric = cleanMetric(cText.slice(Math.max(prevEnd, verb.index + verb.word.length)), true);
    } else {
      metric = cleanMetric(cText.slice(prevEnd));
    }
    const qEnd = local + x[0].length;
    // 遴选发布1000项先进适用成果: a noun right after the measure word is what is counted; what stands
    // between the verb and the number is then a second verb, not a noun.
    if (kind === 'action' && metric.length <= 2) {
      const next = m.slice(qEnd, Math.min(clause.end - p.start, qEnd + 60));
      if (/^(?:左右|以上|以内|以下|上下|多|余)?的?[\u4e00-\u9fa5]/.test(next)) {
        const stopAt = next.search(NEXT_QTY);
        const noun = cleanMetric(nounAfter(stopAt >= 0 ? next.slice(0, stopAt) : next));
        if (noun.length >= 2 && !ACTION_ONLY.test(noun)) metric = noun;
      }
    }
    // 每年遴选不少于3家企业: a bare verb before the bound word counts the noun after the number.
    if (!metric || metric.length < 2 || ACTION_ONLY.test(metric)) {
      const nextQ = m.slice(qEnd, Math.min(clause.end - p.start, qEnd + 60));
      const stopAt = nextQ.search(NEXT_QTY);
      const after = cleanMetric(nounAfter(stopAt >= 0 ? nextQ.slice(0, stopAt) : nextQ));
      if (after.length >= 2 || !ACTION_ONLY.test(metric)) metric = after;
    }
    // No noun, a bare verb (每年安排不低于500万元), a word for size (规模达到20亿元) or a growth word
    // alone (…突破80亿元，年均增长20%) measures what the sentence named before it: the previous
    // goal's metric, else the previous clause's subject or the object of its first action verb.
    let metricOut: string | null = null;
    const growthOnly = /^(?:年均)?(?:增长|增幅|增速)$/.test(metric);
    const empty = !metric || metric.length < 2;
    if ((empty && kind === 'predicate') || (!empty && (growthOnly || WEAK_METRIC.test(metric)))) {
      const base = previousNoun(doc, found, cl, clause);
      if (base) {
        const own = growthOnly && unit !== '倍';
        const mAt = doc.match.indexOf(metric, cStart);
        const ownOut = mAt >= 0 && mAt < clause.end ? doc.text.slice(mAt, mAt + metric.length) : metric;
        metricOut = own ? base[1] + ownOut : base[1];
        metric = own ? base[0] + metric : base[0];
      }
    }
    if (!metric || metric.length < 2) continue;
    if (metricOut == null) {
      const mStart = doc.match.indexOf(metric, cStart);
      metricOut =
        mStart >= 0 && mStart < clause.end ? doc.text.slice(mStart, mStart + metric.length) : metric;
    }
    const f: Found = {
      at,
      end: p.start + qEnd + (/^(?:左右|以上|以内|以下)/.test(post) ? 2 : 0),
      value: v,
      valueMax,
      unit: u,
      comparator,
      approx,
      metric: metricOut,
      metricMatch: metric,
      clause,
      textStart,
      textEnd: clause.end,
      per,
    };
    found.push(f);
    inClause.set(clause, [...previousInClause, f]);
    if (verb) lastVerb = { clause, kind, textStart: clause.start };
    else if (lastVerb) lastVerb = { clause, kind: lastVerb.kind, textStart: lastVerb.textStart };
    prevClause = clause;
  }

  // Doubling words: each noun before them is one target.
  DOUBLING.lastIndex = 0;
  for (let x = DOUBLING.exec(m); x; x = DOUBLING.exec(m)) {
    const after = m.slice(x.index + x[0].length, x.index + x[0].length + 4);
    // 倍增计划, 倍增工作: a doubling word followed by a noun names a programme, not a goal.
    if (/^”?[\u4e00-\u9fa5]/.test(after) && !/^”?(?:以上|左右|目标|的目标)/.test(after)) continue;
    const at = p.start + x.index;
    const clause = clauseOf(at);
    if (!clause) continue;
    let head = doc.match.slice(Math.max(clause.start, at - WINDOW), at).replace(/[“"]$/, '');
    head = head.replace(BASE_YEAR, '').replace(/(?:实现|达到|力争|争取|确保|要)+$/, '');
    head = head.replace(/^.*?(?:加快推进|推进|推动|实现|力争|争取|确保|促进)/, '');
    const scopeLead = SCOPE_HEAD.exec(head);
    if (scopeLead) head = head.slice(scopeLead[0].length);
    const nouns = head
      .split(/、|和(?=[\u4e00-\u9fa5]{2,}$)/)
      .map((s) => cleanMetric(s))
      .filter((s) => s.length >= 2);
    const factor = x[1] ? doublingFactor(x[1] === '两' ? '二' : x[1]) : 2;
    // 达到3000家以上，较2022年翻一番: without a noun of its own it doubles the goal before it.
    let prevMetric: string | null = null;
    if (!nouns.length) {
      const prev = [...found].reverse().find((f) => f.clause.sentence === clause.sentence && f.at < at);
      if (prev) {
        nouns.push(prev.metricMatch);
        prevMetric = prev.metric;
      }
    }
    for (const noun of nouns) {
      const mStart = doc.match.indexOf(noun, Math.max(clause.start, at - WINDOW));
      found.push({
        at,
        end: at + x[0].length,
        value: factor,
        valueMax: null,
        unit: null,
        comparator: 'multiply',
        approx: false,
        metric:
          prevMetric ?? (mStart >= 0 && mStart < at ? doc.text.slice(mStart, mStart + noun.length) : noun),
        metricMatch: noun,
        clause,
        textStart: clause.start,
        textEnd: clause.end,
        per: false,
      });
    }
  }
  return { found: found.sort((a, b) => a.at - b.at), cl };
}
