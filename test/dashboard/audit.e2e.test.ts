// The auditor's page in real Chromium against `baken serve`: the trail shows the sign-ins and
// searches made earlier in the test, a filter narrows it and lives in the URL, the chain check
// says the trail is intact, the monthly figures show; and admins and auditors keep to their pages.
// Works on a private copy of the crawl, so the trail holds only what this file and the crawl did.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, keepScreenshot, openBrowser, privateDemoData, problemsOf, seriousViolations, serveDashboard, signIn, type PrivateDemoData, type Served, type Ui } from './harness.ts';

describe('dashboard: audit trail', () => {
  let data: PrivateDemoData;
  let served: Served;
  let ui: Ui;
  let page: Page;

  before(async () => {
    data = await privateDemoData('audit');
    served = await serveDashboard(data);
    ui = await openBrowser();

    // What the auditor will look for: a wrong password, then an expert signs in and searches twice.
    const expert = await ui.newPage();
    await expert.goto(served.url + '/sign-in');
    await expert.locator('#name').fill(ACCOUNTS.expert.name);
    await expert.locator('#password').fill('niet-het-goede-wachtwoord');
    await expert.locator('button[type=submit]').click();
    await expert.getByRole('alert').waitFor();
    await signIn(expert, served.url, ACCOUNTS.expert);
    await justify(expert, 'ZAAK-2026-042');
    for (const q of ['utrecht', 'massage']) {
      const status = await expert.evaluate(async (query) => (await fetch(`/api/ads?q=${query}`)).status, q);
      assert.equal(status, 200);
    }
    await expert.context().close();

    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.auditor);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('the trail shows the sign-ins and searches made earlier', async () => {
    await page.waitForURL(/\/audit$/);
    const rows = page.locator('table.trail tbody tr');
    await rows.first().waitFor();
    const trail = await page.locator('table.trail tbody').innerText();
    assert.match(trail, /session\.login\s+expert\s+expert/);
    assert.match(trail, /session\.login\s+auditor\s+auditor/);
    assert.match(trail, /ads\.search\s+expert\s+expert[^\n]*q=massage[^\n]*ZAAK-2026-042/);
    assert.match(trail, /ads\.search\s+expert\s+expert[^\n]*q=utrecht[^\n]*ZAAK-2026-042/);
    assert.match(await page.getByRole('status').first().innerText(), /^\d[\d.]* gebeurtenissen; pagina 1 van \d+\.$/);
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('a filter by action narrows the trail and is kept in the URL', async () => {
    await page.locator('#f-action').selectOption('ads.search');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/\/audit\?action=ads\.search$/);
    // Other test files of the run may have searched the shared crawl before it was copied: at least ours.
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table.trail tbody tr td:nth-child(3)')];
      return cells.length > 0 && cells.every((c) => c.textContent === 'ads.search');
    });
    const searches = await page.locator('table.trail tbody').innerText();
    assert.match(searches, /q=utrecht[^\n]*ZAAK-2026-042/);
    assert.match(searches, /q=massage[^\n]*ZAAK-2026-042/);
    const total = Number(/^(\d+) gebeurtenissen/.exec(await page.getByRole('status').first().innerText())?.[1]);
    assert.ok(total >= 2, String(total));
    // The URL alone brings the same view back.
    await page.reload();
    await page.getByRole('status').filter({ hasText: new RegExp(`^${total} gebeurtenissen`) }).waitFor();
    // The form shows the filter the URL holds.
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#f-action'))?.value === 'ads.search');
    await page.goto(served.url + '/audit?action=session.login&user=expert');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table.trail tbody tr td:nth-child(3)')];
      return cells.length > 0 && cells.every((c) => c.textContent === 'session.login');
    });
    // The form shows the filter the URL holds.
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#f-user'))?.value === 'expert');
    const rows = await page.locator('table.trail tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1 && rows.every((r) => /session\.login\s+expert\s/.test(r)), rows.join('\n'));
    // A refused sign-in, found by its outcome.
    await page.goto(served.url + '/audit?outcome=wrong-password');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table.trail tbody tr td:nth-child(10)')];
      return cells.length > 0 && cells.every((c) => c.textContent === 'wrong-password');
    });
    const failed = await page.locator('table.trail tbody tr').allInnerTexts();
    assert.ok(failed.length >= 1 && failed.every((r) => /session\.login-failed\s+expert\s[\s\S]*wrong-password/.test(r)), failed.join('\n'));
    // The form shows the filter the URL holds.
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#f-outcome'))?.value === 'wrong-password');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.waitForURL(/\/audit$/);
  });

  test('the chain check says the trail is intact', async () => {
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const verdict = page.locator('.verdict');
    await verdict.getByText(/De keten is intact: [\d.]+ gebeurtenissen gecontroleerd/).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('the monthly figures show per theme and source', async () => {
    const figures = page.locator('table.figures tbody');
    await figures.locator('tr').first().waitFor();
    const text = await figures.innerText();
    assert.match(text, /mensenhandel\s+alle bronnen\s+1\s+\d+\s+\d+\s+\d+/, 'the demo crawl of the theme, over all its sources');
    assert.match(text, /toezicht\s+Totaal/);
    assert.ok(await page.locator('svg.bars rect').count() > 0, 'a bar per row');
    await page.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(page, 'audit-nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Monthly figures' }).waitFor();
    assert.match(await figures.innerText(), /toezicht\s+Total/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(page, 'audit-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.deepEqual(problemsOf(page), []);
  });

  test('an auditor cannot open /admin, and an admin cannot open /audit', async () => {
    await page.goto(served.url + '/admin/tokens');
    await page.waitForURL(/\/audit$/);
    const admin = await ui.newPage();
    await signIn(admin, served.url, ACCOUNTS.admin);
    await admin.goto(served.url + '/audit');
    await admin.waitForURL(/\/admin$/);
    assert.equal(await admin.locator('h1').innerText(), 'Beheer');
    assert.deepEqual(problemsOf(admin), []);
  });
});
