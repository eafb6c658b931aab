// Walks an administrator through every page of the shell against the real server: demo data,
// users, org tree, departments with aliases, roles, languages, and an ended session. Saves a
// screenshot of each page under test-results/ for review at 1366×768.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_USERNAME,
  type BrowserEnv,
  button,
  choose,
  dialog,
  openFromMenu,
  openPage,
  screenshot,
  screenshotOnFailure,
  signIn,
  signInFirstTime,
  startBrowserEnv,
  visible,
} from './harness';

// Must not contain the user name: the server's rule refuses that.
const ADMIN_PASSWORD = 'County!Pages2026';

describe('administrator pages (browser)', () => {
  let env: BrowserEnv;
  let page: Page;
  let demoPassword = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = env.page;
    await page.goto('/login');
    await signInFirstTime(page, ADMIN_USERNAME, env.adminPassword, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await env?.close();
  });

  screenshotOnFailure(() => page);

  it('home shows who I am and links to what I may do', async () => {
    await visible(page.getByRole('heading', { name: '欢迎，系统管理员' }));
    await visible(page.getByText('全平台所有单位的数据，以及用户管理'));
    await visible(page.getByRole('link', { name: '用户管理' }));
    await screenshot(page, 'web-home-admin');
  });

  it('loads demo data after a confirmation and shows the passwords once', async () => {
    await openFromMenu(page, '载入演示数据', '系统管理');
    await page.getByRole('button', { name: button('载入演示数据') }).click();
    const confirm = dialog(page, '载入演示数据？');
    await visible(confirm);
    await confirm.getByRole('button', { name: button('载入') }).click();
    await visible(page.getByText('已载入演示数据'));
    const row = page.locator('tr', { hasText: 'demo-bureau' });
    await visible(row);
    demoPassword = (await row.locator('code').first().innerText()).trim();
    expect(demoPassword.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'web-demo-data');
  });

  it('creates a user, shows the initial password once, edits and disables it', async () => {
    await openFromMenu(page, '用户管理', '系统管理');
    await visible(page.locator('tr', { hasText: 'demo-bureau' }));

    await page.getByRole('button', { name: '新建用户' }).click();
    const form = dialog(page, '新建用户');
    await visible(form);
    await form.getByLabel('用户名').fill('zhang.kj');
    await form.getByLabel('姓名').fill('张科技');
    await choose(page, form.getByLabel('角色'), '科技管理部门');
    await choose(page, form.getByLabel('所属单位'), '演示旗', '演示旗');
    await form.getByRole('button', { name: button('创建') }).click();

    const reveal = dialog(page, '初始密码');
    await visible(reveal.getByText('此密码只显示这一次'));
    expect((await reveal.getByTestId('initial-password').innerText()).trim().length).toBeGreaterThanOrEqual(
      8,
    );
    await reveal.getByRole('button', { name: '我已记下' }).click();

    const row = page.locator('tr', { hasText: 'zhang.kj' });
    await visible(row.getByText('待改密'));

    await row.getByRole('button', { name: button('编辑') }).click();
    const edit = dialog(page, '编辑用户 zhang.kj');
    await visible(edit);
    await edit.getByLabel('姓名').fill('张科技（已调岗）');
    await edit.getByRole('button', { name: button('保存') }).click();
    await visible(page.locator('tr', { hasText: 'zhang.kj' }).getByText('张科技（已调岗）'));

    await page
      .locator('tr', { hasText: 'zhang.kj' })
      .getByRole('button', { name: button('停用') })
      .click();
    const confirm = dialog(page, '停用用户');
    await confirm.getByRole('button', { name: button('确定') }).click();
    await visible(page.locator('tr', { hasText: 'zhang.kj' }).getByText('已停用'));

    // Filtering by role narrows the list to department accounts.
    await choose(page, page.locator('#userFilter').getByLabel('角色'), '责任部门');
    await visible(page.locator('tr', { hasText: 'demo-nongmu' }));
    await page.locator('tr', { hasText: 'zhang.kj' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await screenshot(page, 'web-users');
  });

  it('finds a unit in the org tree by name and shows its details', async () => {
    await openFromMenu(page, '行政区划', '组织机构');
    await visible(page.getByRole('tree'));
    await page.getByLabel('查找单位').fill('阿荣旗');
    await page.getByLabel('查找单位').press('Enter');
    await page.getByRole('button', { name: '阿荣旗', exact: true }).click();
    const detail = page.locator('.ant-descriptions');
    await visible(detail.getByText('150721'));
    await visible(detail.getByText('内蒙古自治区 / 呼伦贝尔市'));
    await visible(page.getByRole('treeitem', { name: /阿荣旗/ }));
    await screenshot(page, 'web-org-units');
  });

  it('edits a department’s aliases as tags', async () => {
    await page.getByRole('button', { name: '查看该单位的部门' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '部门管理' }));
    const row = page.locator('tr.ant-table-row').filter({ hasText: '财政局' }).first();
    await visible(row);
    await row.getByRole('button', { name: button('编辑') }).click();
    const form = dialog(page, /编辑部门/);
    await visible(form);
    const aliases = form.getByLabel('别名');
    await aliases.fill('阿荣旗财政');
    await aliases.press('Enter');
    await form.getByRole('button', { name: button('保存') }).click();
    await visible(
      page.locator('tr.ant-table-row').filter({ hasText: '财政局' }).first().getByText('阿荣旗财政'),
    );
    await screenshot(page, 'web-departments');
  });

  it('lists the roles read-only with what each may open', async () => {
    await openFromMenu(page, '角色', '系统管理');
    for (const name of ['系统管理员', '科技管理部门', '责任部门', '企业/机构', '科技特派员']) {
      await visible(page.locator('tr.ant-table-row').filter({ hasText: name }));
    }
    await screenshot(page, 'web-roles');
  });

  it('switches language, remembers it after a reload, and switches back', async () => {
    await choose(page, page.getByLabel('界面语言'), '繁體中文');
    await visible(page.getByRole('menuitem', { name: '操作日誌' }));
    await page.reload();
    await visible(page.getByRole('menuitem', { name: '操作日誌' }));
    await visible(page.locator('tr.ant-table-row').filter({ hasText: '科技特派員' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');
    await screenshot(page, 'web-roles-zh-TW');
    await choose(page, page.getByLabel('介面語言').or(page.getByLabel('界面語言')), 'English');
    await visible(page.getByRole('menuitem', { name: 'Audit log' }));
    await choose(page, page.getByLabel('Language'), '简体中文');
    await visible(page.getByRole('menuitem', { name: '操作日志' }));
  });

  it('a bureau user sees only its own part of the platform', async () => {
    const other = await openPage(env.browser, env.url);
    try {
      await signIn(other.page, 'demo-bureau', demoPassword);
      await other.page.waitForURL('**/home');
      await visible(other.page.getByText('演示旗及其下辖各单位的数据'));
      const menu = other.page.getByRole('navigation', { name: '功能菜单' });
      await visible(menu.getByRole('menuitem', { name: '用户管理' }));
      expect(await menu.getByRole('menuitem', { name: '操作日志' }).count()).toBe(0);
      await screenshot(other.page, 'web-home-bureau');
      // Typing the address of an admin-only page shows a plain refusal, not a broken page.
      await other.page.goto('/system/audit-log');
      await visible(other.page.getByText('没有权限'));
      await screenshot(other.page, 'web-forbidden');
      // Before signing in, the start-up "who am I" probe is answered 401 by design.
      expect(other.problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('locks an account after five wrong passwords, says so, and lets the admin unlock it', async () => {
    const other = await openPage(env.browser, env.url);
    try {
      for (let i = 0; i < 5; i++) {
        await signIn(other.page, 'demo-entity', `Wrong#Pass${i}x`);
        await visible(other.page.getByRole('alert'));
      }
      await signIn(other.page, 'demo-entity', demoPassword);
      await visible(other.page.getByRole('alert').filter({ hasText: '锁定' }));
      expect(other.page.url()).toContain('/login');

      await openFromMenu(page, '用户管理', '系统管理');
      const row = page.locator('tr.ant-table-row', { hasText: 'demo-entity' });
      await visible(row.getByText('已锁定'));
      await row.getByRole('button', { name: button('解锁') }).click();
      await dialog(page, '解除')
        .getByRole('button', { name: button('确定') })
        .click();
      await row.getByText('已锁定').waitFor({ state: 'detached' });

      await signIn(other.page, 'demo-entity', demoPassword);
      await other.page.waitForURL('**/home');
      await visible(other.page.getByText('本单位的登记信息、需求与成果'));
    } catch (e) {
      await screenshot(other.page, 'failed-lockout-second-browser');
      throw e;
    } finally {
      await other.context.close();
    }
  });

  it('sends the user to sign in again when the session has ended', async () => {
    await env.context.clearCookies();
    await page
      .getByRole('navigation', { name: '功能菜单' })
      .getByRole('menuitem', { name: '行政区划' })
      .click();
    await page.waitForURL('**/login');
    await visible(page.getByText('会话已超时，请重新登录'));
    await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    // Back where the person was when the session ended.
    await page.waitForURL('**/org/units');
  });

  it('ran without uncaught errors in the page', () => {
    // The ended session is answered with 401 by design; Chromium logs that as a console error.
    expect(env.problems.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
