// Implementation stages (实施步骤): a named 阶段 with its months, written as
// 启动阶段（2021年9月—10月） or 2021年9月至10月为启动阶段.
import { isoMonth } from './dates.js';
import type { Doc } from './doc.js';
import type { Layout } from './layout.js';
import { parseMarker } from './sections.js';
import type { Phase } from './types.js';

const YM = '((?:19|20)\\d{2})\\s*年\\s*(?:(\\d{1,2})\\s*月)?';
const END = '(?:((?:19|20)\\d{2})\\s*年\\s*)?(?:(\\d{1,2})\\s*月)?(?:底|末|上旬|中旬|下旬)?';
const RANGE = `${YM}(?:\\s*(?:上旬|中旬|下旬|初|底|末))?\\s*(?:[—\\-~至到]+\\s*${END})?\\s*(前|以前|之前)?`;
const NAME_FIRST = new RegExp(
  `^(?:[^\\s,。;:]{0,8}?[)、.])?\\s*([\\u4e00-\\u9fa5]{2,12}阶段)\\s*[(:]?\\s*${RANGE}`,
);
const DATE_FIRST = new RegExp(
  `^(?:[^\\s,。;:]{0,8}?[)、.])?\\s*${RANGE}\\s*[,:]?\\s*(?:为|是)?\\s*([\\u4e00-\\u9fa5]{2,12}阶段)`,
);

/** Headings of the section that lays out the stages. */
const STEPS_HEADING =
  /实施步骤|进度安排|时间安排|时间进度|工作步骤|推进步骤|步骤安排|实施安排|阶段安排|工作进度|实施进度/;
/** Under such a heading, a sub-heading names a stage by itself: （一）组织申报（2023年6月底前）. */
const STEP_ITEM = new RegExp(`^\\s*([\\u4e00-\\u9fa5]{2,12}?)\\s*[(:,]\\s*${RANGE}`);

export function extractPhases(doc: Doc, L: Layout): Phase[] {
  const out: Phase[] = [];
  let steps: number | null = null;
  for (const p of doc.paras) {
    if (L.frame[p.index]) continue;
    const m = doc.m(p);
    const mk = parseMarker(m);
    if (mk && steps != null && mk.rank <= steps) steps = null;
    if (mk && steps == null && STEPS_HEADING.test(m.slice(mk.length, mk.length + 12))) {
      steps = mk.rank;
      continue;
    }
    let name: string;
    let g: (string | undefined)[];
    let nameAt: number;
    const item = mk && steps != null && mk.rank > steps ? STEP_ITEM.exec(m.slice(mk.length)) : null;
    if (!m.includes('阶段') && !item) continue;
    const a = NAME_FIRST.exec(m);
    const b = a ? null : DATE_FIRST.exec(m);
    if (!a && !b && item && mk) {
      name = item[1];
      nameAt = mk.length + item[0].indexOf(item[1]);
      g = item.slice(2, 7);
    } else if (a) {
      name = a[1];
      nameAt = a[0].indexOf(a[1]);
      g = a.slice(2, 7);
    } else if (b) {
      name = b[6];
      nameAt = b[0].lastIndexOf(b[6]);
      g = b.slice(1, 6);
    } else continue;
    const [y1, m1, y2, m2, before] = g;
    const sy = Number(y1);
    let start: string | null = m1 ? isoMonth(sy, Number(m1)) : null;
    let end: string | null = null;
    // Months as written; a year without a month gives no month (spec: null when not given).
    if (m2) end = isoMonth(y2 ? Number(y2) : sy, Number(m2));
    else if (m1 && !y2) end = start;
    if (before) {
      end = start;
      start = null;
    }
    out.push({
      name: doc.text.slice(p.start + nameAt, p.start + nameAt + name.length),
      start,
      end,
      span: doc.span(p.start, p.end),
    });
  }
  return out;
}
