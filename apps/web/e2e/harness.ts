// Browser-test harness: the real platform (API + built web app) on the embedded database in a
// throwaway directory, and Debian's Chromium driven by playwright-core. Later browser tests
// reuse all of it: `const env = await startBrowserEnv()` in beforeAll, `await env.close()` after.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatform } from '@innocounty/server/platform';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { SEED_001 } from '../../../test/shared';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = join(WEB_DIR, '..', '..');
export const WEB_DIST = join(WEB_DIR, 'dist');
/** Screenshots land here (repository root), where CI collects them. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';

/** The flags the platform's browser tests run Chromium with (see the test notes). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The screen the web app is designed for (a county office's usual laptop). */
export const VIEWPORT = { width: 1366, height: 768 };

export const ADMIN_USERNAME = 'admin';
/** Meets the password rule, so the forced change is the only thing standing between sign-in and use. */
export const INITIAL_ADMIN_PASSWORD = 'Initial#2026pw';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than any source the build reads. */
export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
    join(WEB_DIR, p),
  );
  return Math.max(...inputs.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds apps/web with Vite (in a child process, so its config and plugins load as in `npm run build`). */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
    timeout: 180_000,
    // Other test processes in this checkout may be serving dist/ right now (see vite.config.ts).
    env: { ...process.env, INNOCOUNTY_KEEP_OLD_CHUNKS: '1' },
  });
  if (run.status !== 0) {
    throw new Error(`vite build of apps/web failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests use Debian's Chromium (Playwright's own ` +
        'browser download does not work here). Install it with: apt-get install -y chromium fonts-wqy-zenhei',
    );
  }
  // chromium.launch gives every run a new, empty profile directory of its own.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface TestPlatform {
  url: string;
  dataDir: string;
  adminPassword: string;
  close(): Promise<void>;
}

/** The whole platform, in this process, on a fresh embedded database and a free port. */
export async function startTestPlatform(): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'innocounty-e2e-'));
  // Set as an operator would; passed explicitly as well so the test does not depend on how
  // the server reads its environment.
  process.env.INNOCOUNTY_ADMIN_PASSWORD = INITIAL_ADMIN_PASSWORD;
  const platform = await startPlatform({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    adminPassword: INITIAL_ADMIN_PASSWORD,
    webDist: WEB_DIST,
    // Server-side failures (a 500 behind a red notice in the page) show up in the test output.
    logger: { level: 'error' },
  });
  return {
    url: platform.url,
    dataDir,
    adminPassword: INITIAL_ADMIN_PASSWORD,
    async close() {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What went wrong inside the page: uncaught exceptions and console errors, for assertions. */
export interface PageProblems {
  errors: string[];
}

export async function openPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

export interface BrowserEnv extends TestPlatform {
  browser: Browser;
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
}

/** Build if needed, start the platform, launch Chromium and open one page on the platform. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  ensureWebBuild();
  const platform = await startTestPlatform();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const { context, page, problems } = await openPage(browser, platform.url);
    return {
      ...platform,
      browser,
      context,
      page,
      problems,
      async close() {
        await browser?.close();
        await platform.close();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await platform.close();
    throw err;
  }
}

// ---- page helpers: what a person does, in the words on the screen ----

/** Waits until the element is on screen (playwright-core has no expect; this is its waitFor). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Fills the sign-in form and submits; the caller checks where it lands. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  // antd spaces the two characters ("登 录"), and after a failed attempt the faded loading
  // icon may still be in the button and add its name ("loading 登 录"); button() allows both.
  await page.getByRole('button', { name: button('登录') }).click();
}

/** On the password change page (forced or chosen): enter the old and new password and submit. */
export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await visible(page.getByRole('heading', { name: '修改密码' }));
  await page.getByLabel(/^(初始密码|当前密码)$/).fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '确认修改' }).click();
}

/** Opens a page from the left menu: the group (if any) and then the item, as labelled. */
export async function openFromMenu(page: Page, item: string, group?: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: '功能菜单' });
  const leaf = menu.getByRole('menuitem', { name: item, exact: true });
  if (group && !(await leaf.isVisible())) await menu.getByRole('menuitem', { name: group }).click();
  await leaf.click();
  await visible(page.getByRole('heading', { level: 1, name: item }));
}

/** Full-page screenshot under test-results/ at the repository root; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in an account that must change its password first and lands on the workbench. */
export async function signInFirstTime(
  page: Page,
  username: string,
  initial: string,
  next: string,
): Promise<void> {
  await signIn(page, username, initial);
  await page.waitForURL('**/change-password');
  await changePassword(page, initial, next);
  await page.waitForURL('**/home');
}

/** The open antd dropdown (Select, picker) — they render at the end of <body>. */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/**
 * Chooses `option` in an antd Select given its labelled input. With `search`, types it first
 * (remote search pickers such as the org-unit picker show options only after typing).
 */
export async function choose(
  page: Page,
  field: Locator,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  await field.click();
  if (search !== undefined) await field.fill(search);
  const item = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  await item.click();
}

/** The confirm dialog on screen (antd Modal.confirm or a Modal), found by its title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog').filter({ hasText: title });
}

/**
 * Accessible name of an antd button: antd spaces out two-character Chinese labels ("确 定"),
 * so match with optional spaces between characters.
 */
export function button(text: string): RegExp {
  const esc = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // An antd icon in the button adds its own name in front ("database 载入演示数据").
  return new RegExp(`^(?:[\\w-]+ )?${esc.join('\\s?')}$`);
}

/**
 * Registers an afterEach that saves a screenshot of the page when a test failed
 * (test-results/failed-<test name>.png), since a browser test's error alone rarely says why.
 */
export function screenshotOnFailure(getPage: () => Page | undefined): void {
  afterEach(async (ctx) => {
    const page = getPage();
    if (!page || ctx.task.result?.state !== 'fail') return;
    const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    await screenshot(page, `failed-${name}`).catch(() => {});
  });
}

/** Uploads seed 001 (阿荣旗 three-year plan) on the 上传政策文件 page; resolves with its result once 已入库. */
export async function uploadSeedPlan(page: Page): Promise<Locator> {
  const fileName = '阿荣旗科技兴旗三年行动实施方案.txt';
  await openFromMenu(page, '上传政策文件', '政策管理');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: readFileSync(SEED_001) });
  const result = page.getByTestId('upload-result').filter({ hasText: fileName });
  await visible(result.getByText('已入库'));
  return result;
}
