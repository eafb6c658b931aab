// Renders a demo document in the format its file name says: plain text, a government web page
// (with the page chrome the engine has to strip), or a Word document.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { DemoDocument } from './documents';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderText(doc: DemoDocument): Buffer {
  return Buffer.from(`${doc.lines.join('\n')}\n`, 'utf8');
}

/** The article inside the chrome of a typical 政府信息公开 page (breadcrumb, 索引号 table, footer). */
export function renderHtml(doc: DemoDocument): Buffer {
  const body = doc.lines.map((l) => `    <p>${escapeHtml(l)}</p>`).join('\n');
  return Buffer.from(
    `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>
<body>
  <div class="breadcrumb">首页 &gt; 政务公开 &gt; 政策文件（演示）</div>
  <table class="meta">
    <tr><td>索引号</td><td>DEMO-2024-0003</td><td>发布机构</td><td>演示</td></tr>
  </table>
  <div class="article">
${body}
  </div>
  <div class="footer">浏览次数：128　演示网站 版权所有</div>
</body>
</html>
`,
    'utf8',
  );
}

export async function renderDocx(doc: DemoDocument): Promise<Buffer> {
  const paragraphs = doc.lines.map(
    (line, i) =>
      new Paragraph({
        alignment: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold: i === 0 || /^[一二三四五六七八九十]+、/.test(line) })],
      }),
  );
  const document = new Document({
    creator: 'InnoCounty 演示数据',
    title: doc.title,
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}

export async function renderDemo(doc: DemoDocument): Promise<{ bytes: Buffer; mime: string }> {
  if (doc.fileName.endsWith('.docx'))
    return {
      bytes: await renderDocx(doc),
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  if (doc.fileName.endsWith('.html')) return { bytes: renderHtml(doc), mime: 'text/html' };
  return { bytes: renderText(doc), mime: 'text/plain' };
}
