// The browser check for the policy library: a county bureau user uploads the 阿荣旗
// three-year plan (read from ../shared/seeds at run time), sees its 17 numbered tasks with their
// lead and co-operating departments, corrects one target value and exports the 任务分解表, which
// is opened with exceljs to check the corrected value and the columns.
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

const ADMIN_PASSWORD = 'County!Policy2026';
const BUREAU = { username: 'arq.kjj', password: 'Banner!Science2026' };
const COLUMNS = ['序号', '文件/条款', '重点任务', '目标(量化)', '牵头单位', '配合单位', '完成时限'];

/** The lead and co-operating units the seed assigns to a few of its numbered tasks. */
const EXPECTED: Record<string, { lead: string; co: string[] }> = {
  '三/(二)/1/(1)': { lead: '农牧局、工信局、教科体局', co: ['发改委', '有关乡镇人民政府'] },
  '三/(二)/5/(11)': { lead: '教科体局', co: ['发改委', '林草局', '各乡镇人民政府'] },
  '三/(二)/7/(16)': { lead: '旗委组织部、人社局', co: ['教科体局'] },
  '三/(二)/7/(17)': { lead: '教科体局', co: ['财政局', '农牧局'] },
};

describeIfShared('seeds')('policy library (browser)', () => {
  let env: BrowserEnv;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = env.page;
    await page.goto('/login');
    await signInFirstTime(page, ADMIN_USERNAME, env.adminPassword, ADMIN_PASSWORD);
    // The admin opens an account for the 阿荣旗 bureau (through the API, as the users page test
    // covers that form); the bureau user then signs in through the page.
    const me = await (await page.request.get('/api/auth/me')).json();
    const created = await page.request.post('/api/users', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { username: BUREAU.username, displayName: '阿荣旗科技局', role: 'bureau', orgUnitCode: '150721' },
    });
    expect(created.status()).toBe(201);
    const { initialPassword } = await created.json();
    await env.context.clearCookies();
    await page.goto('/login');
    await signInFirstTime(page, BUREAU.username, initialPassword, BUREAU.password);
    // Let the workbench settle (menu groups open) before the first menu click.
    await visible(page.getByRole('heading', { name: '欢迎，阿荣旗科技局' }));
  });

  afterAll(async () => {
    await env?.close();
  });

  screenshotOnFailure(() => page);

  it('uploads the seed plan by drag-and-drop input and reports it as added', async () => {
    const result = await uploadSeedPlan(page);
    await visible(result.getByText('阿政办发〔2021〕32号'));
    await result.getByRole('link', { name: '查看' }).click();
    await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { level: 1, name: /科技兴旗/ }));
  });

  it('shows the 17 numbered tasks with their lead and co-operating departments', async () => {
    const tasks = page.getByTestId('task');
    await visible(tasks);
    const paths = await tasks.evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
    const numbered = paths.filter((p) => /^三\/\(二\)\/\d+\/\(\d+\)$/.test(p));
    expect(numbered).toHaveLength(17);
    expect(numbered.map((p) => Number(/\((\d+)\)$/.exec(p)![1]))).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    for (const path of numbered) {
      const task = page.locator(`[data-testid="task"][data-path="${path}"]`);
      await expect(task.getByTestId('duty-lead').count()).resolves.toBeGreaterThan(0);
      await expect(task.getByTestId('duty-co').count()).resolves.toBeGreaterThan(0);
    }
    for (const [path, want] of Object.entries(EXPECTED)) {
      const task = page.locator(`[data-testid="task"][data-path="${path}"]`);
      expect((await task.getByTestId('duty-lead').first().innerText()).trim()).toBe(want.lead);
      const co = await task.getByTestId('duty-co').first().innerText();
      for (const unit of want.co) expect(co).toContain(unit);
    }
    // The original text is highlighted, and a click on a task shows where it is written.
    await expect(page.locator('[data-testid="original-text"] mark').count()).resolves.toBeGreaterThan(50);
    await page
      .locator('[data-testid="task"][data-path="三/(二)/5/(11)"]')
      .getByRole('button', { name: /实施科技型中小企业能力提升工程/ })
      .click();
    await visible(page.locator('mark[data-ids~="s:三/(二)/5/(11)"][style*="outline"]'));
    await screenshot(page, 'web-policy-tasks');
  });

  it('corrects one target value and shows it as corrected', async () => {
    // Clicking a target in the text opens it in the structure panel.
    await page
      .locator('mark[data-kind="target"]')
      .filter({ hasText: '科技型中小企业认定数' })
      .first()
      .click();
    await visible(page.getByRole('tab', { name: /目标/, selected: true }));
    const row = page.getByTestId('target-table').locator('tr', { hasText: '科技型中小企业认定数达到5家' });
    await visible(row);
    await row.getByRole('button', { name: /更\s?正/ }).click();
    const form = dialog(page, '更正目标');
    await visible(form);
    await form.getByLabel('目标值', { exact: true }).fill('6');
    await form.getByRole('button', { name: button('保存') }).click();
    await visible(page.getByText('更正已保存'));
    const corrected = page
      .getByTestId('target-table')
      .locator('tr', { hasText: '科技型中小企业认定数达到6家' });
    await visible(corrected.getByTestId('corrected-tag'));
    await screenshot(page, 'web-policy-library');
  });

  it('exports the 任务分解表 with the corrected value in the columns county offices use', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出任务分解表' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^任务分解表-.*\.xlsx$/);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const saved = join(RESULTS_DIR, 'policy-task-breakdown.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('任务分解表');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS);
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    const withTarget = rows.find((r) => String(r[4] ?? '').includes('科技型中小企业认定数达到6家'));
    expect(withTarget, 'row with the corrected target').toBeTruthy();
    expect(String(withTarget![2])).toContain('阿政办发〔2021〕32号');
    expect(withTarget![5]).toBe('教科体局');
    const task11 = rows.find((r) => String(r[2]).endsWith('(11)'))!;
    expect(task11[3]).toBe('实施科技型中小企业能力提升工程');
    expect(task11[5]).toBe('教科体局');
    expect(String(task11[6])).toContain('发改委');
    expect(task11[7]).toBe('2023年底前');
    expect(rows.filter((r) => /\(\d+\)$/.test(String(r[2])))).toHaveLength(17);
  });

  it('finds the plan from a traditional-script query and draws the cascade', async () => {
    await openFromMenu(page, '政策文件库', '政策管理');
    await page.getByLabel('检索').fill('科技興旗');
    await page.getByLabel('检索').press('Enter');
    await visible(page.getByTestId('policy-table').getByRole('link', { name: /科技兴旗/ }));
    await openFromMenu(page, '贯彻关系图', '政策管理');
    await visible(page.getByTestId('policy-graph').locator('canvas'));
    await screenshot(page, 'web-policy-graph');
  });

  it('ran without uncaught errors in the page', () => {
    // Signing the admin out answers the next "who am I" with 401 by design; Chromium logs it.
    expect(env.problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
