// The dashboard's end-to-end tests share one crawl of the demo platforms per test run: the first
// test file to ask crawls into a directory named after the test runner's process, later files of
// the same run reuse it. Each file then serves it with `baken serve` and drives real Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/capture/browser.ts';
import { DEMO_ACCOUNTS } from '../../src/cli/demo-users.ts';
import { BAKEN_BIN, BUNDLED_CONFIG } from '../demo-env.ts';

const ROOT = join(tmpdir(), 'baken-dashboard-e2e');

export const ARTIFACTS = new URL('../../test-artifacts/dashboard', import.meta.url).pathname;

export interface DemoAccount { name: string; role: string; password: string }

/** The sign-ins `npm start` prints, one per role (src/cli/demo-users.ts). */
export const ACCOUNTS = {
  expert: demoAccount('expert'), analyst: demoAccount('analyst'), supervisor: demoAccount('supervisor'),
  admin: demoAccount('admin'), auditor: demoAccount('auditor'),
};

function demoAccount(role: string): DemoAccount {
  const a = DEMO_ACCOUNTS.find((d) => d.role === role);
  if (!a) throw new Error(`npm start makes no demo account for the role ${role}`);
  return { name: a.name, role: a.role, password: a.password };
}

export interface DemoData { configDir: string; dataDir: string }

/** What `baken demo --serve --json` printed once it served: the crawl summaries and the sign-ins. */
export interface DemoStart { summaries: Record<string, { captured: number; kept: number; failed: number }>; users: DemoAccount[]; url: string }

/** The crawled demo data of this test run, made on first use exactly as `npm start` makes it:
 *  `baken demo --serve` crawls both themes, adds the demo accounts and serves; it is stopped once it
 *  has printed its sign-ins. */
export async function sharedDemoData(): Promise<DemoData> {
  // While working on one test file, BAKEN_E2E_DATA names a directory an earlier run made.
  const dir = process.env.BAKEN_E2E_DATA ?? join(ROOT, String(process.ppid));
  const data = { configDir: join(dir, 'config'), dataDir: join(dir, 'data') };
  if (existsSync(join(dir, 'ready'))) return data;
  removeOldRuns();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(BUNDLED_CONFIG, data.configDir, { recursive: true });
  // The demo platforms on a free port rather than :4100, which a demo someone left running may hold.
  const port = await freePort();
  for (const f of readdirSync(join(data.configDir, 'sources'))) {
    const file = join(data.configDir, 'sources', f);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('//127.0.0.1:4100/', `//127.0.0.1:${port}/`));
  }
  // Every test signs in afresh from one address; the limit of sign-ins per minute has tests of its own.
  appendFileSync(join(data.configDir, 'api.yaml'), '  loginsPerMinute: 1000\n');
  const child = spawn(process.execPath, [BAKEN_BIN, 'demo', '--serve', '--port', '0', '--json', '--config', data.configDir, '--data', data.dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = await jsonLine<DemoStart>(child, (o) => 'users' in o);
  await stopChild(child);
  writeFileSync(join(dir, 'demo.json'), JSON.stringify(started));
  writeFileSync(join(dir, 'ready'), new Date().toISOString());
  return data;
}

export interface PrivateDemoData extends DemoData { remove(): void }

/** A copy of this run's shared crawl for a test file that changes it (users, configuration, the
 *  trail), so the other files still see the crawl as it was made; `remove` deletes the copy. */
export async function privateDemoData(name: string): Promise<PrivateDemoData> {
  const shared = await sharedDemoData();
  const root = mkdtempSync(join(tmpdir(), `baken-${name}-e2e-`));
  const data = { configDir: join(root, 'config'), dataDir: join(root, 'data') };
  cpSync(shared.configDir, data.configDir, { recursive: true });
  cpSync(shared.dataDir, data.dataDir, { recursive: true });
  return { ...data, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** What the demo printed when the shared data was made. */
export function demoStart(): DemoStart {
  const dir = process.env.BAKEN_E2E_DATA ?? join(ROOT, String(process.ppid));
  return JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as DemoStart;
}

/** Runs that ended leave their directory behind; a directory whose runner is gone is removed. */
function removeOldRuns(): void {
  if (!existsSync(ROOT)) return;
  for (const name of readdirSync(ROOT)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.ppid || alive(pid)) continue;
    rmSync(join(ROOT, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** The first JSON line on the child's stdout that `wanted` accepts (logs are JSON lines too). */
function jsonLine<T>(child: ChildProcess, wanted: (o: Record<string, unknown>) => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let out = ''; let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const o = JSON.parse(line) as Record<string, unknown>;
          if (wanted(o)) resolve(o as T);
        } catch { /* a line not yet complete */ }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk; });
    child.on('exit', (code) => reject(new Error(`baken exited with ${code}: ${err.slice(0, 2000)}`)));
  });
}

export interface Served { url: string; data: DemoData; stop(): Promise<void> }

/** `baken serve` on a free port over the shared data, with the dashboard build. */
export async function serveDashboard(data?: DemoData): Promise<Served> {
  const d = data ?? await sharedDemoData();
  const child = spawn(process.execPath, [BAKEN_BIN, 'serve', '--port', '0', '--json', '--config', d.configDir, '--data', d.dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const { url } = await jsonLine<{ url: string }>(child, (o) => typeof o['url'] === 'string' && !('users' in o));
  return { url: url.replace(/\/api$/, ''), data: d, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** `baken serve` and a browser for the tests of one `describe`, stopped after them; `prepare`
 *  makes the data to serve (the shared crawl by default). */
export function useDashboard(prepare?: () => Promise<DemoData>): { readonly served: Served; readonly ui: Ui } {
  const ctx = {} as { served: Served; ui: Ui };
  before(async () => {
    ctx.served = await serveDashboard(prepare ? await prepare() : undefined);
    ctx.ui = await openBrowser();
  });
  after(async () => {
    await ctx.ui?.close();
    await ctx.served?.stop();
  });
  return ctx;
}

export interface Ui { browser: Browser; newPage(lang?: 'nl' | 'en'): Promise<Page>; close(): Promise<void> }

/** Real Chromium; every page it opens fails the test on a CSP violation or an uncaught error. */
export async function openBrowser(): Promise<Ui> {
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(lang = 'nl') {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      contexts.push(context);
      // The language a user chose before; a choice made on the page then survives reloads.
      await context.addInitScript((l) => { if (!localStorage.getItem('baken.lang')) localStorage.setItem('baken.lang', l); }, lang);
      const page = await context.newPage();
      const problems: string[] = [];
      // A refused call (401 before sign-in, 404 for an ad of another theme) is the dashboard's to
      // handle, and Chromium reports each as a console error; everything else counts.
      page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      (page as Page & { problems: string[] }).problems = problems;
      return page;
    },
    async close() { await browser.close(); },
  };
}

/** Console errors and uncaught exceptions the page has had (CSP violations are console errors). */
export function problemsOf(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function signIn(page: Page, base: string, account: DemoAccount, path = '/'): Promise<void> {
  await page.goto(base + path);
  await page.locator('#name').fill(account.name);
  await page.locator('#password').fill(account.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Gives the session's justification when the dashboard asks for it. */
export async function justify(page: Page, caseNumber?: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/why')) return;
  if (caseNumber) {
    await page.locator('input[value=case]').check();
    await page.locator('#case-number').fill(caseNumber);
  }
  await page.locator('form.why button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/why'));
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's serious and critical violations of WCAG 2.1 A and AA on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A screenshot kept as a test artefact (test-artifacts/dashboard/NAME.png). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** A second supervisor of the municipal theme, made by the operator as `baken user add` does: the
 *  colleague who approves an export (four eyes). */
export function addSupervisor(data: DemoData, name: string): DemoAccount {
  const account = { name, role: 'supervisor', password: 'paarse-fietsen-langs-de-vecht' };
  const made = spawnSync(process.execPath, [BAKEN_BIN, 'user', 'add', '--name', name, '--role', 'supervisor', '--theme', 'toezicht', '--password-stdin',
    '--config', data.configDir, '--data', data.dataDir], { input: `${account.password}\n`, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`baken user add ${name}: ${made.stderr}`);
  return account;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

