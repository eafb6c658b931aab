// The browser check for the task ledger (督查督办): a county bureau user imports the
// 阿荣旗 three-year plan (read from ../shared/seeds at run time) into the policy library through
// its upload page, builds its ledger (17 numbered tasks with lead and co-operating departments
// resolved) and assigns it; the 农牧局 user signs for a task and reports progress with an evidence
// file, asking to close it; the bureau approves, sees the board turn that item green, and
// exports the 台账, which is opened with exceljs to check its columns and the item's state.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIfShared } from '../../../test/shared';
import {
  ADMIN_USERNAME,
  type BrowserEnv,
  button,
  choose,
  dialog,
  openFromMenu,
  RESULTS_DIR,
  screenshot,
  screenshotOnFailure,
  signInFirstTime,
  startBrowserEnv,
  uploadSeedPlan,
  visible,
} from './harness';

const ADMIN_PASSWORD = 'County!Ledger2026';
const BUREAU = { username: 'arq.dcs', password: 'Banner!Duban2026' };
const NONGMU = { username: 'arq.nmj', password: 'Farm!Report2026' };
const COLUMNS = [
  '序号',
  '任务来源',
  '重点任务',
  '具体目标/措施',
  '牵头单位',
  '责任人',
  '配合单位',
  '完成时限',
  '序时进度',
  '进展情况',
  '存在问题',
  '下步打算',
  '完成状态',
  '备注',
];
const NUMBERED = /^三\/\(二\)\/\d+\/\(\d+\)$/;

describeIfShared('seeds')('task ledger (browser)', () => {
  let env: BrowserEnv;
  let page: Page;
  const initial: Record<string, string> = {};
  let ledgerUrl = '';
  let firstSeq = '';
  let itemUrl = '';

  /** Signs the current user out (cookies gone) and the next one in, changing the initial password once. */
  async function switchTo(user: { username: string; password: string }) {
    await env.context.clearCookies();
    await page.goto('/login');
    if (initial[user.username]) {
      await signInFirstTime(page, user.username, initial[user.username], user.password);
      delete initial[user.username];
    } else {
      await page.getByLabel('用户名').fill(user.username);
      await page.getByLabel('密码', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: /^登\s?录$/ }).click();
      await page.waitForURL('**/home');
    }
    // Let the workbench settle (menu groups open) before the first menu click.
    await visible(page.getByRole('heading', { name: /^欢迎，/ }));
  }

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = env.page;
    await page.goto('/login');
    await signInFirstTime(page, ADMIN_USERNAME, env.adminPassword, ADMIN_PASSWORD);
    // Accounts through the API (the users page has its own browser test): the bureau of 阿荣旗
    // and a user of its 农牧局.
    const me = await (await page.request.get('/api/auth/me')).json();
    const headers = { 'x-csrf-token': me.csrfToken };
    const deps = await (await page.request.get('/api/departments?orgUnitCode=150721')).json();
    const nongmu = deps.find((d: { name: string }) => d.name === '农牧局');
    for (const [u, extra] of [
      [BUREAU, { displayName: '阿荣旗科技局督查室', role: 'bureau' }],
      [NONGMU, { displayName: '阿荣旗农牧局', role: 'department', departmentId: nongmu.id }],
    ] as const) {
      const res = await page.request.post('/api/users', {
        headers,
        data: { username: u.username, orgUnitCode: '150721', ...extra },
      });
      expect(res.status()).toBe(201);
      initial[u.username] = (await res.json()).initialPassword;
    }
    await switchTo(BUREAU);
  });

  afterAll(async () => {
    await env?.close();
  });

  screenshotOnFailure(() => page);

  it('imports the seed plan into the policy library through its upload page', async () => {
    await uploadSeedPlan(page);
  });

  it('builds its ledger: 17 numbered tasks with lead and co-operating departments resolved', async () => {
    await openFromMenu(page, '督办台账', '督查督办');
    await page.getByRole('button', { name: '由政策生成' }).click();
    const form = dialog(page, '由政策生成');
    await visible(form);
    await choose(page, form.getByLabel('政策文件'), /科技兴旗/);
    await form.getByRole('button', { name: '生成台账' }).click();
    await page.waitForURL(/\/ledger\/[0-9a-f-]{36}$/);
    ledgerUrl = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { level: 1, name: '阿荣旗“科技兴旗”三年行动实施方案' }));
    const rows = page.getByTestId('ledger-item');
    await visible(rows);
    const paths = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
    const numbered = paths.filter((p) => NUMBERED.test(p));
    expect(numbered).toHaveLength(17);
    for (const path of numbered) {
      const row = page.locator(`[data-testid="ledger-item"][data-path="${path}"]`);
      const leads = (await row.getByTestId('item-leads').innerText()).trim();
      const cos = (await row.getByTestId('item-cos').innerText()).trim();
      expect(leads, path).not.toBe('—');
      expect(cos, path).not.toBe('—');
      // A name that matched no department is shown with a question mark: none here.
      expect(`${leads}${cos}`, path).not.toContain('？');
    }
    const first = page.locator('[data-testid="ledger-item"][data-path="三/(二)/1/(1)"]');
    expect(await first.getByTestId('item-leads').innerText()).toBe('农牧局、工信局、科技局');
    expect(await first.getByTestId('item-cos').innerText()).toContain(
      '发改委、生态环境局、林草局、市场监管局',
    );
    firstSeq = (await first.getAttribute('data-seq')) ?? '';
    expect(firstSeq).toBe('1');
    await screenshot(page, 'web-ledger-built');
  });

  it('assigns the ledger; tasks the policy gave no lead department stay for the bureau', async () => {
    await page
      .getByRole('button', { name: button('交办') })
      .first()
      .click();
    const confirm = dialog(page, '交办事项');
    await visible(confirm);
    await confirm.getByRole('button', { name: button('交办') }).click();
    const skipped = page.getByTestId('assign-skipped');
    await visible(skipped);
    expect(await skipped.innerText()).toContain('未指定牵头单位');
    await page.getByRole('dialog').filter({ hasText: '已交办 18 项' }).getByRole('button').last().click();
    const first = page.locator('[data-testid="ledger-item"][data-path="三/(二)/1/(1)"]');
    await visible(first.locator('[data-status="assigned"]'));
  });

  it('the 农牧局 user signs for the task and reports progress with an evidence file', async () => {
    await switchTo(NONGMU);
    await openFromMenu(page, '我的待办', '督查督办');
    const row = page.locator(`[data-testid="todo-item"][data-seq="${firstSeq}"]`);
    await visible(row);
    await row.getByRole('button', { name: button('签收') }).click();
    await visible(page.getByText('已签收').first());
    await row.getByRole('link', { name: /实施现代农牧业关键技术集成攻关/ }).click();
    await page.waitForURL(/\/ledger\/items\//);
    await page.getByRole('button', { name: '报送进展' }).click();
    const form = dialog(page, '报送进展');
    await visible(form);
    await form
      .getByLabel('进展情况')
      .fill('智慧农牧场试点建成 4 处，肉制品全程追溯系统上线运行，全部任务完成。');
    await form.getByLabel('完成比例').fill('100');
    await form.getByLabel('存在问题').fill('无');
    await form.locator('input[type="file"]').setInputFiles({
      name: '验收报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 阿荣旗农牧局验收报告（测试文件）\n'),
    });
    await visible(form.locator('.ant-upload-list-item-done'));
    await form.getByLabel('已全部完成，同时申请办结').check();
    await form.getByRole('button', { name: button('报送') }).click();
    await visible(page.getByText('进展已报送，并已申请办结'));
    await form.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('evidence-link').filter({ hasText: '验收报告.pdf' }));
    await visible(page.locator('[data-status="pending_review"]'));
    await screenshot(page, 'web-ledger-item-reported');
  });

  it('the bureau approves it and sees the board turn that item green', async () => {
    await switchTo(BUREAU);
    await openFromMenu(page, '督办看板', '督查督办');
    await choose(page, page.getByLabel('台账'), /科技兴旗/);
    const light = page.locator(`[data-testid="light"][data-seq="${firstSeq}"]`);
    await visible(light);
    // Due in 2023 and not yet closed: red, like every other assigned task.
    expect(await light.getAttribute('data-colour')).toBe('red');
    await visible(
      page.getByTestId('review-list').getByRole('link', { name: '实施现代农牧业关键技术集成攻关' }),
    );
    await page
      .getByTestId('review-list')
      .getByRole('link', { name: '实施现代农牧业关键技术集成攻关' })
      .click();
    await page.waitForURL(/\/ledger\/items\//);
    itemUrl = new URL(page.url()).pathname;
    await visible(page.getByTestId('evidence-link').filter({ hasText: '验收报告.pdf' }));
    await page.getByRole('button', { name: '审核通过' }).first().click();
    const approve = dialog(page, '审核通过');
    await approve.getByLabel('审核意见（可选）').fill('佐证材料齐全，同意销号');
    await approve.getByRole('button', { name: '审核通过' }).click();
    await visible(page.getByText('已办结销号'));
    await visible(page.locator('[data-status="completed"]'));
    await page.goBack();
    await page.reload();
    const after = page.locator(`[data-testid="light"][data-seq="${firstSeq}"]`);
    await visible(after);
    expect(await after.getAttribute('data-colour')).toBe('green');
    const nm = page.locator('[data-testid="board-dept"][data-name="农牧局"]');
    expect(await nm.getByTestId('dept-green').innerText()).toBe('1');
    await screenshot(page, 'web-ledger-board');
  });

  it('an item links back to its clause, highlighted in the policy text', async () => {
    await page.goto(itemUrl);
    await page.getByTestId('item-source').click();
    await page.waitForURL(/\/policies\/[0-9a-f-]{36}\?clause=/);
    const marked = page.locator('mark[data-active]').first();
    await visible(marked);
    expect(await marked.innerText()).toContain('实施现代农牧业关键技术集成攻关');
    await screenshot(page, 'web-ledger-item-clause');
  });

  it('exports the 台账 in the fourteen columns with the item closed', async () => {
    await page.goto(ledgerUrl);
    await visible(page.getByTestId('ledger-item').first());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出台账' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/任务台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const saved = join(RESULTS_DIR, 'ledger-export.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('任务台账')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(COLUMNS);
    const rows = (ws.getSheetValues().slice(3) as unknown[][]).filter(Boolean);
    expect(rows).toHaveLength(20);
    const first = rows.find((r) => String(r[1]) === firstSeq)!;
    expect(first[3]).toBe('实施现代农牧业关键技术集成攻关');
    expect(first[5]).toBe('农牧局、工信局、科技局');
    expect(first[13]).toBe('已办结');
    expect(String(first[10])).toContain('肉制品全程追溯系统上线运行');
    await screenshot(page, 'web-ledger-page');
  });

  it('ran without uncaught errors in the page', () => {
    expect(env.problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
