// The auditor's transparency page in real Chromium against `baken serve`: on a copy of the shared
// crawl with a month that has ended added (the report covers ended months only), the auditor sees
// that month's figures per theme, bars, and the chain check, in both languages, with no axe
// violations; small counts read as suppressed; other roles are sent to their own pages.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addLastMonth, LAST_MONTH } from '../transparency.fixtures.ts';
import { ACCOUNTS, keepScreenshot, openBrowser, problemsOf, seriousViolations, serveDashboard, sharedDemoData, signIn, type Served, type Ui } from './harness.ts';

describe('dashboard: transparency', { timeout: 300_000 }, () => {
  let root: string;
  let served: Served;
  let ui: Ui;
  let page: Page;
  let month: string;

  before(async () => {
    const shared = await sharedDemoData();
    root = mkdtempSync(join(tmpdir(), 'baken-oversight-e2e-'));
    const data = { configDir: join(root, 'config'), dataDir: join(root, 'data') };
    cpSync(shared.configDir, data.configDir, { recursive: true });
    cpSync(shared.dataDir, data.dataDir, { recursive: true });
    month = await addLastMonth(data.configDir, data.dataDir);
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.auditor);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the auditor opens the page from the menu and sees last month\'s figures, bars and the chain check', async () => {
    await page.getByRole('link', { name: 'Transparantie' }).click();
    await page.waitForURL(/\/oversight$/);
    await page.getByRole('status').filter({ hasText: `Cijfers van ${month} tot en met ${month} getoond.` }).waitFor();
    const toezicht = page.locator('section', { has: page.getByRole('heading', { name: 'toezicht', level: 2 }) });
    const table = await toezicht.locator('table.transparency tbody').innerText();
    assert.match(table, new RegExp(`Advertenties vastgelegd\\s+${LAST_MONTH.captured}\\s+${LAST_MONTH.captured}`));
    assert.match(table, new RegExp(`Na staging verwijderd\\s+${LAST_MONTH.stagedDeleted}\\s+${LAST_MONTH.stagedDeleted}`));
    assert.match(table, new RegExp(`Zoekopdrachten\\s+${LAST_MONTH.searches}\\s+${LAST_MONTH.searches}`));
    assert.match(table, /Zaken met beslag aan einde maand\s+onderdrukt\s+onderdrukt/, '2 cases is below the threshold');
    assert.ok(!table.includes('ZAAK-2026'), 'no case number');
    assert.ok(await toezicht.locator('svg.bars rect').count() >= 2, 'bars for the kept ads and the searches by role');
    assert.equal(await toezicht.locator('svg.bars').first().getAttribute('aria-label'), 'Bewaarde advertenties per maand (toezicht)');
    await page.getByText(/Auditlogboek gecontroleerd: [\d.]+ gebeurtenissen, keten en controlepunten kloppen\./).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'oversight-nl');
  });

  test('the page reads in English, figures named as in the report', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Transparency', level: 1 }).waitFor();
    const toezicht = page.locator('section', { has: page.getByRole('heading', { name: 'toezicht', level: 2 }) });
    assert.match(await toezicht.locator('table.transparency tbody').innerText(), new RegExp(`Ads captured\\s+${LAST_MONTH.captured}`));
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.deepEqual(problemsOf(page), []);
  });

  test('a month that has not ended is refused with the reason', async () => {
    const running = new Date().toISOString().slice(0, 7);
    const status = await page.evaluate(async (m) => {
      const res = await fetch(`/api/transparency?from=${m}&to=${m}`);
      return [res.status, (await res.json()).detail];
    }, running);
    assert.equal(status[0], 400);
    assert.match(String(status[1]), /has not ended yet/);
  });

  test('a supervisor cannot open the page', async () => {
    const supervisor = await ui.newPage();
    await signIn(supervisor, served.url, ACCOUNTS.supervisor);
    await supervisor.goto(served.url + '/oversight');
    await supervisor.waitForURL((u) => !u.pathname.startsWith('/oversight'));
    const status = await supervisor.evaluate(async (m) => (await fetch(`/api/transparency?from=${m}&to=${m}`)).status, month);
    assert.equal(status, 403);
    await supervisor.context().close();
  });
});
