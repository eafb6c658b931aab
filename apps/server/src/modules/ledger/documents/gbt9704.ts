import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
} from 'docx';
import { chineseDate, type IsoDate } from '../dates';

/**
 * An official document (公文) laid out per GB/T 9704-2012 《党政机关公文格式》:
 * A4, 天头 37 mm, 订口 28 mm, text block 156 × 225 mm, 22 lines of 28 characters in 3号仿宋;
 * 版头 (发文机关标志 in red 小标宋, 发文字号, red separator), 主体 (标题 in 2号小标宋, 主送机关,
 * 正文 with 一、/（一）/1./（1） levels in 黑体/楷体/仿宋, 发文机关署名, 成文日期, 附注) and 版记
 * (抄送机关, 印发机关 and 印发日期 between separator lines), page numbers as "— 1 —".
 */
export type Block =
  | { level: 0; text: string }
  /** A numbered heading; `text` runs on after it in the same paragraph (run-in headings). */
  | { level: 1 | 2 | 3 | 4; heading: string; text?: string };

export interface OfficialDocument {
  /** 发文机关标志: 阿荣旗科学技术局文件, or the 机关 name alone for a 信函-style notice. */
  issuerMark: string;
  /** 发文字号: 阿科督〔2026〕3号. */
  docNumber: string;
  title: string;
  /** 主送机关, without the closing colon. */
  mainRecipients: string;
  body: Block[];
  /** 发文机关署名. */
  signature: string;
  /** 成文日期. */
  date: IsoDate;
  /** 附注, e.g. 此件公开发布 (written in brackets). */
  note?: string;
  /** 抄送机关. */
  copyTo?: string[];
  /** 印发机关 and 印发日期. */
  printedBy: string;
  printedDate: IsoDate;
}

/** Millimetres to twips, rounded (docx's helper truncates: A4 would be 11905 × 16837, not 11906 × 16838). */
const mm = (x: number) => Math.round((x / 25.4) * 1440);

// GB/T 9704 fonts (names Chinese offices have installed) and sizes in half-points.
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  page: '宋体',
};
const SIZE = { no2: 44, no3: 32, no4: 28 };
const RED = 'FF0000';
/** 22 lines in a 225 mm block: 10.2 mm per line (≈ 578 twips), set exactly. */
const LINE = Math.round(mm(225) / 22);
const CHAR = mm(156) / 28;

const NUMERALS = '一二三四五六七八九十';
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

/** 一、 （一） 1. （1）: the four levels of 结构层次序数. */
export function levelMarker(level: 1 | 2 | 3 | 4, n: number): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  if (level === 3) return `${n}．`;
  return `（${n}）`;
}

const run = (text: string, font: string, size = SIZE.no3, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, ...extra });

const line = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const blank = () => new Paragraph({ spacing: line, children: [run('', FONTS.body)] });
const rule = (color: string, eighths: number, space = 0) =>
  ({ bottom: { style: BorderStyle.SINGLE, size: eighths, color, space } }) as const;

function bodyParagraphs(blocks: Block[]): Paragraph[] {
  const counters = [0, 0, 0, 0];
  const fontOf = { 1: FONTS.h1, 2: FONTS.h2, 3: FONTS.body, 4: FONTS.body } as const;
  return blocks.map((b) => {
    if (b.level === 0)
      return new Paragraph({
        spacing: line,
        indent: { firstLine: Math.round(2 * CHAR) },
        children: [run(b.text, FONTS.body)],
      });
    counters[b.level - 1]++;
    for (let i = b.level; i < counters.length; i++) counters[i] = 0;
    const marker = levelMarker(b.level, counters[b.level - 1]);
    return new Paragraph({
      spacing: line,
      indent: { firstLine: Math.round(2 * CHAR) },
      children: [
        run(`${marker}${b.heading}`, fontOf[b.level], SIZE.no3, { bold: b.level === 3 }),
        ...(b.text ? [run(b.text, FONTS.body)] : []),
      ],
    });
  });
}

export function documentParagraphs(d: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  // 版头: the issuer's mark in red, the document number, the red separator.
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: Math.round(mm(35) - LINE),
        after: 0,
        line: Math.round(LINE * 2.2),
        lineRule: LineRuleType.EXACT,
      },
      children: [run(d.issuerMark, FONTS.title, 72, { color: RED })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: line,
      border: rule(RED, 8, Math.round(4 * 2.835)),
      children: [run(d.docNumber, FONTS.body)],
    }),
    blank(),
  );
  // 主体.
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(d.title, FONTS.title, SIZE.no2)],
    }),
    blank(),
    new Paragraph({ spacing: line, children: [run(`${d.mainRecipients}：`, FONTS.body)] }),
    ...bodyParagraphs(d.body),
    blank(),
    blank(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: Math.round(4 * CHAR) },
      children: [run(d.signature, FONTS.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: Math.round(4 * CHAR) },
      children: [run(chineseDate(d.date), FONTS.body)],
    }),
  );
  if (d.note)
    out.push(
      new Paragraph({
        spacing: line,
        indent: { firstLine: Math.round(2 * CHAR) },
        children: [run(`（${d.note}）`, FONTS.body)],
      }),
    );
  // 版记: at the end, between a first and a last separator line (粗线), a thin one in between.
  out.push(blank(), new Paragraph({ spacing: line, border: rule('000000', 8), children: [] }));
  if (d.copyTo?.length)
    out.push(
      new Paragraph({
        spacing: line,
        indent: { left: Math.round(CHAR), right: Math.round(CHAR), hanging: 0 },
        border: rule('000000', 6),
        children: [run(`抄送：${d.copyTo.join('，')}。`, FONTS.body, SIZE.no4)],
      }),
    );
  out.push(
    new Paragraph({
      spacing: line,
      indent: { left: Math.round(CHAR), right: Math.round(CHAR) },
      border: rule('000000', 8),
      tabStops: [{ type: 'right', position: mm(156) - Math.round(2 * CHAR) }],
      children: [
        run(d.printedBy, FONTS.body, SIZE.no4),
        new TextRun({ children: [new Tab()] }),
        run(`${chineseDate(d.printedDate)}印发`, FONTS.body, SIZE.no4),
      ],
    }),
  );
  return out;
}

export async function buildOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const pageNumber = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align,
          indent: align === AlignmentType.RIGHT ? { right: Math.round(CHAR) } : { left: Math.round(CHAR) },
          children: [
            new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.page, size: SIZE.no4 }),
          ],
        }),
      ],
    });
  const doc = new Document({
    creator: d.signature,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.no3 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(28),
            },
          },
        },
        // Odd pages right, even pages left (GB/T 9704 7.5).
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children: documentParagraphs(d),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
