// The admin pages in real Chromium against `baken serve`: users with the four-eyes approval (a second
// admin, made by the operator, approves the analyst the first one added), a service token whose
// secret is shown once, a source refused with the loader's own message and then saved, and the
// jobs a worker ran. Works on a private copy of the crawl: it changes users and configuration.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { BAKEN_BIN } from '../demo-env.ts';
import { ACCOUNTS, keepScreenshot, openBrowser, privateDemoData, problemsOf, seriousViolations, serveDashboard, signIn, type DemoData, type PrivateDemoData, type Served, type Ui } from './harness.ts';

const SECOND_ADMIN = { name: 'tweede-beheerder', role: 'admin', password: 'paarse-tulpen-in-de-sloot', themes: 'mensenhandel,toezicht' };

function baken(data: DemoData, args: string[], stdin = '', okCodes = [0]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BAKEN_BIN, ...args, '--config', data.configDir, '--data', data.dataDir]);
    let out = ''; let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => (okCodes.includes(code ?? -1) ? resolve(out) : reject(new Error(`baken ${args[0]} failed (${code}): ${err.slice(0, 2000)}`))));
    child.stdin.end(stdin);
  });
}

async function clean(page: Page): Promise<void> {
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(problemsOf(page), []);
}

describe('dashboard: administration', () => {
  let data: PrivateDemoData;
  let served: Served;
  let ui: Ui;
  let page: Page;

  before(async () => {
    data = await privateDemoData('admin');
    // The second pair of eyes, made by the operator at the machine, as the harness makes the others.
    await baken(data, ['user', 'add', '--name', SECOND_ADMIN.name, '--role', 'admin', '--theme', SECOND_ADMIN.themes, '--password-stdin', '--by', 'e2e'], SECOND_ADMIN.password + '\n');
    // Jobs to look at: the worker's due purges (done) and crawls (failed: the demo sites are gone).
    // The worker says so with exit code 1.
    await baken(data, ['worker', '--once', '--json'], '', [0, 1]);
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.admin);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('the admin lands on the users, with roles, themes and second factor', async () => {
    await page.waitForURL(/\/admin$/);
    const table = page.locator('table');
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Beheer');
    const expert = table.locator('tbody tr', { has: page.locator('th', { hasText: /^expert$/ }) });
    assert.match(await expert.innerText(), /expert\s+mensenhandel\s+nee\s+actief/);
    assert.equal(await page.getByRole('link', { name: 'Gebruikers' }).getAttribute('aria-current'), 'page');
    assert.match(await page.locator('#u-totp-hint').innerText(), /baken user totp/);
    await clean(page);
    await keepScreenshot(page, 'admin-users-nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    assert.match(await expert.innerText(), /expert\s+mensenhandel\s+no\s+active/);
    await clean(page);
    await keepScreenshot(page, 'admin-users-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('an analyst the admin adds waits for a second admin, who approves it', async () => {
    await page.locator('#u-name').fill('jansen');
    await page.locator('#u-role').selectOption('analyst');
    await page.getByRole('checkbox', { name: 'mensenhandel' }).last().check();
    await page.locator('#u-password').fill('kort');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    assert.match(await page.locator('#u-password-error').innerText(), /12 tekens/, 'a short password is refused at its field');
    assert.match(await page.locator('#u-password').getAttribute('aria-describedby') ?? '', /u-password-error/);
    await page.locator('#u-password').fill('oranje-vlaggen-op-koningsdag');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    const status = page.getByRole('status').first();
    await page.waitForFunction(() => /wacht op goedkeuring/.test(document.querySelector('[role=status]')?.textContent ?? ''));
    const name = /Gebruiker (jansen\.\S+) toegevoegd/.exec(await status.innerText())?.[1];
    assert.ok(name, await status.innerText());
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: name }) });
    assert.match(await row.innerText(), /analist\s+mensenhandel[\s\S]*wacht op goedkeuring[\s\S]*aangevraagd door beheerder/);

    // The admin who added it may not approve it: the API refuses, and the page says so.
    await row.getByRole('button', { name: `${name} goedkeuren` }).click();
    const refusal = await page.getByRole('alert').filter({ hasText: /^Geweigerd: / }).innerText();
    assert.match(refusal, /approve|goedkeur/i, refusal);
    assert.match(await row.innerText(), /wacht op goedkeuring/);
    await clean(page);

    const second = await ui.newPage();
    await signIn(second, served.url, SECOND_ADMIN);
    await second.waitForURL(/\/admin$/);
    const theirRow = second.locator('tbody tr', { has: second.locator('th', { hasText: name }) });
    await theirRow.getByRole('button', { name: `${name} goedkeuren` }).click();
    await second.getByRole('status').filter({ hasText: `${name} goedgekeurd.` }).waitFor();
    await second.waitForFunction((n) => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes(n) && r.textContent.includes('actief')), name);
    assert.doesNotMatch(await theirRow.innerText(), /wacht op goedkeuring/);
    assert.deepEqual(problemsOf(second), []);
    await second.context().close();
  });

  test('disabling a user asks first, and says it is done', async () => {
    await page.reload();
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: /^analist$/ }) });
    await row.getByRole('button', { name: 'analist uitschakelen' }).click();
    await row.getByRole('button', { name: 'Annuleren' }).click();
    await row.getByRole('button', { name: 'analist uitschakelen' }).waitFor();
    assert.match(await row.innerText(), /actief/, 'cancelled: nothing changed');
    await row.getByRole('button', { name: 'analist uitschakelen' }).click();
    await row.getByText(/analist uitschakelen\? De sessies van deze gebruiker eindigen meteen/).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Ja, uitschakelen', 'the focus on the confirmation');
    await clean(page);
    await row.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await page.getByRole('status').filter({ hasText: 'analist uitgeschakeld.' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].some((r) => r.querySelector('th')?.textContent === 'analist' && r.textContent?.includes('uitgeschakeld')));
    await row.getByRole('button', { name: 'analist inschakelen' }).click();
    await page.getByRole('status').filter({ hasText: 'analist ingeschakeld.' }).waitFor();
  });

  test('a user\'s role changes in a form next to the list; a role that may do less keeps the approval', async () => {
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: /^expert$/ }) });
    await row.getByRole('button', { name: 'expert wijzigen' }).click();
    const form = page.locator('#edit-form');
    await form.getByRole('heading', { name: 'expert wijzigen' }).waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#e-role')?.value === 'expert');
    await page.locator('#e-role').selectOption('analyst');
    await clean(page);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Gebruiker expert gewijzigd.' }).waitFor();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].some((r) => r.querySelector('th')?.textContent === 'expert' && r.textContent?.includes('analist')));
    assert.match(await row.innerText(), /analist\s+mensenhandel\s+nee\s+actief/);
  });

  test('a service token\'s secret is shown once, with a warning and a copy button; revoking asks first', async () => {
    await page.getByRole('link', { name: 'Servicetokens' }).click();
    await page.waitForURL(/\/admin\/tokens$/);
    await page.locator('#k-name').fill('rapportage-koppeling');
    await page.locator('#k-role').selectOption('auditor');
    await page.getByRole('checkbox', { name: 'toezicht' }).check();
    await page.getByRole('button', { name: 'Maken' }).click();
    const box = page.locator('#secret-box');
    await box.waitFor();
    assert.match(await box.innerText(), /maar één keer getoond/);
    const secret = await page.locator('#secret-value').inputValue();
    assert.ok(secret.length >= 20, secret);
    assert.ok(await box.getByRole('button', { name: 'Kopiëren' }).isVisible());
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: 'rapportage-koppeling' }) });
    assert.match(await row.innerText(), /auditor\s+toezicht\s+beheerder\s+nooit\s+actief/);
    await clean(page);
    // The secret works, as a bearer token of an auditor.
    assert.equal((await fetch(served.url + '/api/audit/verify', { headers: { authorization: `Bearer ${secret}` } })).status, 200);
    await box.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
    await box.waitFor({ state: 'detached' });
    assert.ok(!(await page.content()).includes(secret), 'gone from the page');

    await row.getByRole('button', { name: 'Token rapportage-koppeling intrekken' }).click();
    await row.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByRole('status').filter({ hasText: 'Token rapportage-koppeling ingetrokken.' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes('rapportage-koppeling') && r.textContent.includes('ingetrokken')));
    assert.equal((await fetch(served.url + '/api/audit/verify', { headers: { authorization: `Bearer ${secret}` } })).status, 401);
  });

  test('a source that would not load is refused with the loader\'s message at its line; a valid change is saved', async () => {
    await page.getByRole('link', { name: 'Bronnen' }).click();
    await page.waitForURL(/\/admin\/sources$/);
    await page.getByRole('button', { name: 'mensenhandel-classic openen' }).click();
    const editor = page.locator('#config-doc');
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('#config-doc')?.value.includes('"id": "mensenhandel-classic"'));
    const original = await editor.inputValue();
    assert.match(original, /"extractor": "classic"/);
    await editor.fill(original.replace('"extractor": "classic"', '"extractor": "bestaat-niet"'));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const messages = page.locator('#config-messages');
    await messages.locator('li').first().waitFor();
    const said = await messages.innerText();
    assert.match(said, /Niet opgeslagen\. De configuratie meldt:\s+refused: the configuration would not load/);
    const line = original.split('\n').findIndex((l) => l.includes('"extractor"')) + 1;
    assert.match(said, new RegExp(`regel ${line} · extractor: no extractor "bestaat-niet" in extractors/`));
    assert.match(await editor.getAttribute('aria-describedby') ?? '', /config-messages/);
    assert.equal(await editor.getAttribute('aria-invalid'), 'true');
    await clean(page);
    await keepScreenshot(page, 'admin-sources-nl');
    assert.doesNotMatch(readFileSync(join(data.configDir, 'sources', 'mensenhandel-classic.yaml'), 'utf8'), /bestaat-niet/, 'nothing written');

    // The schema's own refusal, at its path.
    await editor.fill(original.replace(/"start": "[^"]+"/, '"start": "geen-adres"'));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await messages.getByText(/start.*expected an http\(s\) URL/).waitFor();

    await editor.fill(original.replace(/"name": "[^"]+"/, '"name": "Rosebud (bewerkt in het dashboard)"'));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'mensenhandel-classic opgeslagen.' }).waitFor();
    assert.equal(await messages.locator('li').count(), 0);
    assert.match(await page.locator('tbody tr', { hasText: 'mensenhandel-classic' }).innerText(), /Rosebud \(bewerkt in het dashboard\)/);
    assert.match(readFileSync(join(data.configDir, 'sources', 'mensenhandel-classic.yaml'), 'utf8'), /name: Rosebud \(bewerkt in het dashboard\)/);
  });

  test('the profiles and schedules open in the same editor', async () => {
    for (const [tab, id] of [['Profielen', 'mensenhandel'], ['Planningen', 'mensenhandel-daily']] as const) {
      await page.getByRole('link', { name: tab }).click();
      await page.getByRole('button', { name: `${id} openen` }).click();
      await page.waitForFunction((i) => document.querySelector<HTMLTextAreaElement>('#config-doc')?.value.includes(`"id": "${i}"`), id);
      await clean(page);
    }
  });

  test('the jobs show what ran, what failed and why, filtered by status', async () => {
    await page.getByRole('link', { name: 'Taken' }).click();
    await page.waitForURL(/\/admin\/jobs$/);
    const rows = page.locator('table.jobs tbody tr');
    await rows.first().waitFor();
    const all = await page.locator('table.jobs tbody').innerText();
    assert.match(all, /klaar\s+opschoning\s+mensenhandel\s+retention:mensenhandel[\s\S]*purged 0/);
    assert.match(all, /crawl\s+mensenhandel\s+mensenhandel-daily[\s\S]*captured nothing \(3 failed\)/);
    await clean(page);
    const before = (await rows.allInnerTexts()).length;
    await page.locator('#job-state').selectOption('done');
    await page.waitForFunction(() => [...document.querySelectorAll('table.jobs tbody tr td:first-child')].every((c) => c.textContent?.trim() === 'klaar'));
    const done = await rows.allInnerTexts();
    assert.ok(done.length >= 2 && done.length < before, `${done.length} of ${before}`);
    await page.getByRole('status').filter({ hasText: `${done.length} taken getoond.` }).waitFor();
  });
});
