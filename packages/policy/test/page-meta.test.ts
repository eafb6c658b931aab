// Meta read from saved web pages and notices: site chrome above the headline, a title that shortens
// its issuer, and a plan period stated in the text (invented pages; 松岭县、云岭市 are fictional).
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, parsePolicy, parseText } from '../src/index.js';

afterAll(() => closeSandbox());

const page = (head: string, headline: string) =>
  Buffer.from(
    `<html><head><meta charset="utf-8"><title>松岭县</title></head><body>${head}
<div class="main"><h1>${headline}</h1><div class="info">发布时间：2025-03-02　阅读：1024</div>
<div class="text"><p>松科发〔2025〕3号</p><p>各乡镇科技办：</p>
<p>　　现将《松岭县科技特派员工作方案》印发给你们，请认真组织实施。</p>
<p style="text-align:right">松岭县科学技术局　　松岭县农业农村局</p><p style="text-align:right">2025年2月28日</p>
<p>松岭县科技特派员工作方案</p><p>一、工作目标</p><p>　　到2026年，全县科技特派员达到120名。</p></div></div></body></html>`,
    'utf8',
  );

describe('page chrome above the headline', () => {
  const headline = '松岭县科学技术局 松岭县农业农村局关于印发《松岭县科技特派员工作方案》的通知';

  it('drops a site name that the headline names again', async () => {
    const r = await parsePolicy(page('<div class="logo">松岭县科学技术局</div>', headline), {
      fileName: 'a.html',
    });
    expect(r.policy.meta.title).toBe(headline);
    expect(r.policy.meta.issuers).toEqual(['松岭县科学技术局', '松岭县农业农村局']);
  });

  it('drops a menu item just before the headline', async () => {
    const menu = '<ul class="nav"><li><a href="/z">政策文件</a></li><li><a href="/t">数据发布</a></li></ul>';
    const r = await parsePolicy(page(menu, headline), { fileName: 'b.html' });
    expect(r.policy.meta.title).toBe(headline);
    expect(r.policy.meta.issuers).toEqual(['松岭县科学技术局', '松岭县农业农村局']);
  });
});

describe('issuers and plan period of a notice', () => {
  it('takes the full issuer name from the signature when the title shortens it', () => {
    const text = [
      '云岭市人民政府办公室文件',
      '云政办发〔2025〕8号',
      '市人民政府办公室关于印发云岭市数字乡村行动计划的通知',
      '各县区人民政府：',
      '《云岭市数字乡村行动计划》已经市人民政府同意，现印发给你们。',
      '云岭市人民政府办公室',
      '2025年4月1日',
    ].join('\n');
    expect(parseText(text).policy.meta.issuers).toEqual(['云岭市人民政府办公室']);
  });

  it('reads a plan period stated as the 实施期限 of the plan, not a validity window', () => {
    const plan = (s: string) =>
      parseText(
        [
          '云岭市科技特派员工作方案',
          `为推进科技服务下乡，制定本方案。${s}`,
          '一、工作目标',
          '每年选派科技特派员50名。',
        ].join('\n'),
      ).policy;
    const p = plan('本方案实施期限为2025—2027年。');
    expect(p.meta.planPeriod).toEqual([2025, 2027]);
    expect(p.targets[0].deadline).toBe(2027);
    expect(plan('本方案有效期为2025年至2027年。').meta.planPeriod).toBeNull();
  });
});
