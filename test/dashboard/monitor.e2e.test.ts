// The supervisor's monitor in real Chromium against `baken serve`: a supervisor starts on the monitor,
// opens a municipality, then its inspection list — as the selection criteria filled it after the
// demo crawl and register import — compares two ads, plans a visit, records an outcome with a note and exports the list as CSV once a
// colleague approves.
// The police see the referral as a count and the list itself not at all. axe finds nothing serious,
// in either language. Works on a private copy of the crawl, since it changes the lists.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openApiApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load.ts';
import { ACCOUNTS, addSupervisor, justify, keepScreenshot, openBrowser, privateDemoData, seriousViolations, serveDashboard, signIn, type PrivateDemoData, type Served, type Ui } from './harness.ts';

const UTRECHT = { code: '0344', name: 'Utrecht', province: 'Utrecht' };

describe('dashboard: monitor and inspection lists', () => {
  let data: PrivateDemoData;
  let served: Served;
  let ui: Ui;
  let page: Page;
  let listed: { id: string; title: string; reason: string }[] = [];

  before(async () => {
    data = await privateDemoData('monitor');
    // What the selection criteria put on Utrecht's list after the demo crawl and register import.
    const app = await openApiApp({ dataDir: data.dataDir, config: loadConfig(data.configDir) });
    try {
      const entries = await app.inspections.entries('toezicht', UTRECHT.code);
      const { hits } = await app.store.search({ themes: ['toezicht'], ids: entries.map((e) => e.adId), limit: 200 });
      listed = entries.map((e) => ({ id: e.adId, title: hits.find((h) => h.id === e.adId)?.title ?? '', reason: e.criteria[0]!.label }));
      assert.ok(listed.filter((l) => l.title).length >= 3, `the selection put at least three of Utrecht's ads on its list: ${listed.length}`);
    } finally {
      await app.close();
    }
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('a supervisor starts on the monitor and sees the municipalities as figures', async () => {
    await signIn(page, served.url, ACCOUNTS.supervisor);
    await page.waitForURL(/\/monitor$/);
    await page.getByRole('heading', { level: 1, name: 'Monitor' }).waitFor();
    await page.locator('table.monitor').waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('table.monitor tbody tr').count() >= 1);
    await page.locator('svg.map').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'monitor-nl');
  });

  test('the supervisor opens a municipality, with its trend and the way to its inspection list', async () => {
    await page.goto(`${served.url}/monitor/${UTRECHT.code}?theme=toezicht`);
    await page.getByRole('heading', { level: 1, name: UTRECHT.name }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Controlelijst van deze gemeente' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('the supervisor opens the inspection list, compares two ads, plans a visit and records an outcome', async () => {
    await page.goto(`${served.url}/inspections/${UTRECHT.code}?theme=toezicht`);
    // The first page that shows ads asks why, then goes on to it.
    await page.waitForURL((u) => u.pathname === '/why');
    await justify(page);
    await page.getByRole('heading', { level: 1, name: `Controlelijst ${UTRECHT.name}` }).waitFor();
    const rows = page.locator('table.inspections tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), listed.length);
    const [first, second] = listed.filter((l) => l.title) as [(typeof listed)[0], (typeof listed)[0]];
    assert.ok((await page.locator(`#entry-${first.id}`).innerText()).includes(first.reason), 'each ad shows why it was selected');
    assert.ok((await rows.locator('td.state').allInnerTexts()).every((s) => s.trim() === 'Open'));

    await page.locator(`#pick-${first.id}`).check();
    await page.locator(`#pick-${second.id}`).check();
    await page.getByRole('button', { name: /^Vergelijk/ }).click();
    const compare = page.locator('table.compare-table');
    await compare.waitFor();
    assert.deepEqual(await compare.locator('thead th').allInnerTexts(), ['Gegeven', first.title, second.title]);

    await page.locator(`#plan-${first.id}`).fill('2026-12-15');
    await page.locator(`#entry-${first.id}`).getByRole('button', { name: 'Plannen' }).click();
    await page.getByRole('status').filter({ hasText: `Bezoek aan ${first.title} gepland` }).waitFor();
    assert.match(await page.locator(`#entry-${first.id} td.state`).innerText(), /^Gepland: /);

    await page.locator(`#outcome-${second.id}`).selectOption('referred-to-police');
    await page.locator(`#note-${second.id}`).fill('Signalen van uitbuiting; via de politie verder');
    await page.locator(`#entry-${second.id}`).getByRole('button', { name: 'Uitkomst vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Doorverwezen naar politie' }).waitFor();
    assert.equal((await page.locator(`#entry-${second.id} td.state`).innerText()).trim(), 'Afgehandeld: Doorverwezen naar politie');
    await page.reload();
    await page.locator(`#entry-${second.id}`).waitFor();
    assert.equal(await page.locator(`#note-${second.id}`).inputValue(), 'Signalen van uitbuiting; via de politie verder', 'the outcome was stored');
    assert.match(await page.locator(`#entry-${second.id}`).innerText(), /toezichthouder/);

    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'inspections-nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Inspection list ${UTRECHT.name}` }).waitFor();
    assert.equal((await page.locator(`#entry-${second.id} td.state`).innerText()).trim(), 'Done: Referred to police');
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'inspections-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('the supervisor requests the list as CSV, which a colleague approves before it downloads, with the outcome and the reasons', async () => {
    await page.getByRole('button', { name: 'Export als CSV aanvragen' }).click();
    await page.getByRole('status').filter({ hasText: 'Export aangevraagd' }).waitFor();
    const colleague = await ui.newPage();
    await signIn(colleague, served.url, addSupervisor(data, `collega-${Date.now().toString(36)}`), '/exports');
    await colleague.locator('table.awaiting tbody tr', { hasText: UTRECHT.code }).getByRole('button', { name: /^Goedkeuren: Controlelijst als CSV/ }).click();
    await colleague.getByRole('status').filter({ hasText: 'Goedgekeurd' }).waitFor();
    await colleague.close();
    await page.goto(`${served.url}/exports`);
    const mine = page.locator('table.mine tbody tr', { hasText: UTRECHT.code });
    const [download] = await Promise.all([page.waitForEvent('download'), mine.getByRole('button', { name: /^Downloaden/ }).click()]);
    assert.match(download.suggestedFilename(), /^inspections-toezicht-0344-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'municipality,ad,source,url,title,city,criteria,selected,added_at,planned_for,outcome,outcome_at,outcome_by,note');
    assert.equal(lines.length, listed.length + 1, 'a header and every ad on the list');
    const second = listed.filter((l) => l.title)[1]!;
    const referred = lines.find((l) => l.includes(second.id))!;
    assert.match(referred, /referred-to-police/);
    assert.ok(referred.includes(second.reason), referred);
  });

  test('the police see the referral as a count, and the inspection list not at all', async () => {
    const expert = await ui.newPage();
    await signIn(expert, served.url, ACCOUNTS.expert);
    await justify(expert);
    const answers = await expert.evaluate(async () => {
      const referrals = await fetch('/api/referrals?theme=mensenhandel&from=2026-W01&to=2026-W53');
      const list = await fetch('/api/inspections/0344?theme=toezicht&justification=signal%20research');
      return { referrals: referrals.status, body: await referrals.text(), list: list.status };
    });
    assert.equal(answers.list, 404);
    assert.equal(answers.referrals, 200, answers.body);
    const weeks = (JSON.parse(answers.body) as { weeks: { municipality: string; count: number }[] }).weeks;
    assert.deepEqual(weeks.map((w) => [w.municipality, w.count]), [['0344', 1]]);
    for (const l of listed) assert.ok(!answers.body.includes(l.id));
    await expert.context().close();
  });
});
