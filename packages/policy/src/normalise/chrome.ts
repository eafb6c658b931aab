// Web-page and print chrome: lines that belong to the page or the printout, not to the document.
// Each test looks at one short line with its spaces removed and its script simplified.

const MAX_CHROME_LINE = 120;

/** Labels of the 政府信息公开 metadata table (索引号 …) that sites put above a document. */
const META_LABELS =
  '标题|索引号|组配分类|发布机构|发文机构|发文机关|发布日期|发布文号|发文字号|文号|关键词|主题词|信息来源|主题导航|信息名称|内容概述|主题分类|成文日期|公文时效|时效性|有效性|公开方式|公开范围|公开时限|公开形式|体裁分类|服务对象|生成日期|统一编号|统一编码|信息类别|所属主题|所属机构|信息分类|内容分类|公开日期|发布单位|签发日期|废止日期|实施日期|失效日期|印发日期';
const META_LINE = new RegExp(`^(?:${META_LABELS})(?:[:|]|$)`);

const BREADCRUMB = /^(?:首页|主页|网站首页|当前位置|您的位置|您现在的位置|所在位置|位置)(?:[>»›/:]|$)/;
const VIEWS = /浏览次数|阅读次数|访问次数|点击次数|点击数[:：]|次浏览|浏览量|阅读量|访问量/;
const PAGE_INFO =
  /^(?:发布时间|发布日期|更新时间|时间|日期|来源|文章来源|信息来源|作者|编辑|责任编辑|审核|字号|字体|点击|分享)[:：]|发布时间[:：].*来源|【字体|字号[:：]?[大中小]|打印本页|关闭窗口|收藏本页|分享到|扫一扫|在手机打开|返回顶部|^【?(?:打印|关闭|返回)】?$|^(?:上一篇|下一篇|相关链接|相关文件|相关阅读|相关解读|相关新闻|相关政策|相关稿件|政策解读|延伸阅读|推荐阅读|热点推荐|图文解读|附件下载)[:：]?/;
/**
 * Links to other pages as sites list them: a title followed by its date (…的通知 2021-03-18), a
 * bulleted document title (· 关于…的通知), or a title tagged as its reading aid (《…》政策解读).
 */
const LINK_DATE = /(?:^|[^\d])(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\]?$/;
const LINK_BULLET =
  /^[·•●▪◆►▸].{4,}(?:通知|意见|方案|办法|规定|决定|规划|计划|细则|措施|要点|公告|通告|名单|公示|解读)$/;
const LINK_AID = /》(?:政策解读|政策问答|图文解读|图解|解读|问答)$/;
function isLinkItem(compact: string): boolean {
  return LINK_DATE.test(compact.slice(-14)) || LINK_BULLET.test(compact) || LINK_AID.test(compact.slice(-6));
}
/** Words of site navigation bars, account links and date widgets. */
const NAV_WORDS =
  /今天是[:：]?|网站首页|首页|无障碍浏览|无障碍|长者模式|关怀版|适老化|English版?|简体中文|繁体中文|简体|繁体|蒙古文|藏文|维吾尔文|朝鲜文|政府信息公开|信息公开|政务公开|政务服务|办事服务|互动交流|政民互动|公众参与|数据开放|网站地图|登录|注册|个人中心|智能问答|机构概况|新闻中心|新闻动态|通知公告|办事指南|专题专栏|在线访谈|手机版|设为首页|加入收藏|走进[\u4e00-\u9fa5]{2,4}?(?=$|[|·/\s]|首页|政务|互动|办事|新闻|信息|专题)/g;
/** A date widget's date and weekday, removed only from a line that has navigation words. */
const WIDGET_DATE = /星期[一二三四五六日天]|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/g;

/** A line made of navigation words (and at most a short site name besides). */
const NAV_ANY = new RegExp(NAV_WORDS.source);

/** Lines that are headings or say what to do are text even when they name 政务公开 and the like. */
const NOT_NAV =
  /^(?:[一二三四五六七八九十]+[、.]|\(|\d{1,2}[.、])|关于|推进|加强|做好|开展|推动|深化|实施|建设|优化|提升|完善/;

function isNavBar(compact: string): boolean {
  if (compact.length > 80 || !NAV_ANY.test(compact) || NOT_NAV.test(compact)) return false;
  let words = 0;
  const rest = compact
    .replace(NAV_WORDS, () => {
      words++;
      return '';
    })
    .replace(WIDGET_DATE, '')
    .replace(/[|｜·•/\\:,、丨>-]/g, '');
  if (!words) return false;
  return rest.length <= 2 || (words >= 2 && rest.length <= 12);
}
const ICP =
  /ICP[备证]|纠错|责任编辑[:：]|公网安备|网站标识码|网站识别码|政府网站找错|技术支持[:：]|版权所有|Copyright|©/i;
const FOOTER =
  /^(?:关于我们|联系我们|网站地图|免责声明|隐私(?:保护|政策)?|使用帮助|网站声明|主办单位|主办[:：]|承办单位|承办[:：]|维护单位|联系电话|联系方式|地址[:：]|邮编[:：]|传真[:：]|E-?mail[:：])/i;
/** Rows of markdown-like tables that carry no text: |---|---|. */
const TABLE_RULE = /^[|:\-—\s]*\|[|:\-—\s]*$/;

export function isChromeLine(compact: string): boolean {
  if (compact.length > MAX_CHROME_LINE) return false;
  const cell = compact.replace(/^\|/, '');
  return (
    TABLE_RULE.test(compact) ||
    META_LINE.test(cell) ||
    BREADCRUMB.test(compact) ||
    (compact.includes('>') && compact.split('>').length >= 3 && compact.length < 80) ||
    VIEWS.test(compact) ||
    PAGE_INFO.test(compact) ||
    // Link lists and navigation bars are labels: a line with a comma or a full stop is text.
    // (A table row may end in a date: links are never rows.)
    (!/[,。;]/.test(compact) && ((!/[|\t]/.test(compact) && isLinkItem(compact)) || isNavBar(compact))) ||
    ICP.test(compact) ||
    FOOTER.test(compact)
  );
}

/** — 3 —, -3-, 第3页, 第 3 页 共 10 页, 3/10, or a lone page number. */
const PAGE_NUMBER =
  /^(?:[-—–－_~·\s]*\d{1,4}[-—–－_~·\s]*|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}\/\d{1,4}|共\d{1,4}页第\d{1,4}页)$/;

export function isPageNumber(compact: string): boolean {
  return compact.length <= 16 && PAGE_NUMBER.test(compact);
}
