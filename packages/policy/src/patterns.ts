// Regular expressions for the parts of a 公文 (GB/T 9704-2012), written against the matching text
// (simplified script, ASCII punctuation for （）：，；). None has nested unbounded quantifiers.

export const DOC_NUMBER_SRC =
  '[\\u4e00-\\u9fa5A-Za-z]{1,16}\\s*[〔\\[(]\\s*(?:19|20)\\d{2}\\s*[〕\\])]\\s*第?\\s*\\d{1,5}\\s*号';
export const DOC_NUMBER = new RegExp(DOC_NUMBER_SRC, 'g');
/** The bracketed year and number of a 发文字号, found first; the issuer code is read backwards. */
export const DOC_NUMBER_TAIL = /[〔[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*第?\s*\d{1,5}\s*号/g;

/** All 发文字号 in s as [start, end): a bracket tail preceded by 1–16 Han or Latin characters. */
export function findDocNumbers(s: string): [number, number][] {
  const out: [number, number][] = [];
  DOC_NUMBER_TAIL.lastIndex = 0;
  for (let x = DOC_NUMBER_TAIL.exec(s); x; x = DOC_NUMBER_TAIL.exec(s)) {
    let a = x.index;
    while (a > 0 && s[a - 1] === ' ') a--;
    let k = a;
    while (k > 0 && a - k < 16 && /[\u4e00-\u9fa5A-Za-z]/.test(s[k - 1])) k--;
    if (k < a) out.push([k, x.index + x[0].length]);
  }
  return out;
}

const CN_DATE_DIGIT = '[〇一二三四五六七八九]';
const CN_SMALL = '[〇一二三四五六七八九十]';
export const DATE_SRC = `((?:19|20)\\d{2}|${CN_DATE_DIGIT}{4})\\s*年\\s*(\\d{1,2}|${CN_SMALL}{1,3})\\s*月\\s*(\\d{1,2}|${CN_SMALL}{1,3})\\s*日`;
export const DATE = new RegExp(DATE_SRC);
export const DATE_LINE = new RegExp(`^(.{0,60}?)\\s*${DATE_SRC}$`);

export const DOC_TYPE =
  '(?:通知|意见|方案|办法|规定|决定|规划|计划|细则|措施|纲要|通报|报告|批复|复函|函|公告|通告|决议|条例|要点|指南|指引|清单|目录|标准|章程|制度|规则|机制|安排|要求|纪要|倡议书|公报|说明)';
export const YEAR_SPAN_SRC = '((?:19|20)\\d{2})\\s*年?\\s*[—\\-~至到]+\\s*((?:19|20)\\d{2})\\s*年?';
export const YEAR_SPAN_PARA = new RegExp(`^\\(\\s*${YEAR_SPAN_SRC}\\s*\\)$`);
/** Notes a title may end with: its plan years, or its status (（试行）, （征求意见稿）, （第二批）). */
export const TITLE_NOTE = `(?:${YEAR_SPAN_SRC}|试行|暂行|修订稿?|征求意见稿|送审稿|草案|讨论稿|代拟稿|演示|第[一二三四五六七八九十\\d]+批|(?:19|20)\\d{2}年(?:版|修订|修订版)?)`;
export const TITLE_END = new RegExp(`${DOC_TYPE}(?:\\s*\\(\\s*${TITLE_NOTE}\\s*\\))*$`);

export const ADDRESSEE = /^[^。;]{2,300}:$/;
export const ORG_WORD = /各|政府|部门|单位|局|委|办|厅|公司|机构|院|校|会|中心|处|室|组/;
export const BANNER = /^(.{2,60}?)文件$/;
export const PUBLICITY = /^\((?:此件|本件|此文|本文).{0,12}\)$/;
export const COPIED_TO = /^抄送\s*[:]?\s*/;
export const PRINTED = new RegExp(`^(.{2,60}?)\\s*${DATE_SRC}\\s*印发$`);
export const ATTACHMENT_MARK = /^附件\s*[\d一二三四五六七八九十]*\s*:?$/;
export const ATTACHMENT_NOTE = /^附件\s*[\d一二三四五六七八九十]*\s*[:.、]\s*(.+)$/;
export const ORG_SUFFIX =
  /(?:政府|办公厅|办公室|委员会|管委会|局|厅|部|委|办|院|会|中心|处|科|所|公司|集团|大学|学院|协会|联合会|小组|党委|党组|总队|军区|署|站|馆|社)$/;

/** Heading markers (spec "sections"): 一、 （一） 1． （1）. */
export const MARKER =
  /^(?:([一二三四五六七八九十百]+)\s*[、.]|\(\s*([一二三四五六七八九十百]+)\s*\)|(\d{1,3})\s*(?:[.、](?!\d)|\.(?=\D))|\(\s*(\d{1,3})\s*\))/;
