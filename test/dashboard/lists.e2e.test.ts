// Control lists in real Chromium against `baken serve`: a municipal supervisor makes a list, puts
// ads on it, writes a note, compares two ads side by side, requests the list as CSV, which a second
// supervisor approves on the Exports page before the first downloads it once, takes an ad off
// and deletes the list; an expert of the police theme never sees the supervisor's list, nor the
// supervisor the expert's. axe finds nothing serious on either page, in either language.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, addSupervisor, justify, keepScreenshot, problemsOf, seriousViolations, signIn, useDashboard } from './harness.ts';

interface Hit { id: string; title: string | null; city: string | null }

/** An API call from inside the signed-in page, with the session's CSRF token, as the search page makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(async ({ method, path, body }) => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const res = await fetch(`/api${path}`, {
      method,
      headers: { 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  }, { method, path, body });
}

const rowsOf = (page: Page) => page.locator('table.entries tbody tr');

describe('dashboard: control lists', () => {
  const dashboard = useDashboard();
  const stamp = Date.now().toString(36);
  const supervisorList = `Controle ${stamp}`;
  const policeList = `Politie ${stamp}`;
  let supervisorListId = '';
  let policeListId = '';
  let supervisor: Page;
  let expert: Page;


  test('a supervisor makes a list of the municipal theme, and only that theme is offered', async () => {
    supervisor = await dashboard.ui.newPage();
    await signIn(supervisor, dashboard.served.url, ACCOUNTS.supervisor, '/lists');
    await justify(supervisor);
    await supervisor.getByRole('heading', { level: 1, name: 'Controlelijsten' }).waitFor();
    assert.deepEqual(await supervisor.locator('#list-theme option').allInnerTexts(), ['toezicht']);
    await supervisor.locator('#list-name').fill(supervisorList);
    await supervisor.getByRole('button', { name: 'Lijst maken' }).click();
    await supervisor.getByRole('status').filter({ hasText: `Lijst "${supervisorList}" gemaakt.` }).waitFor();
    const row = supervisor.locator('table.lists tbody tr', { hasText: supervisorList });
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(1, 4), ['toezicht', '0', 'toezichthouder']);
    supervisorListId = (await row.getByRole('link').getAttribute('href'))!.split('/').pop()!;
    assert.deepEqual(await seriousViolations(supervisor), []);
    await keepScreenshot(supervisor, 'lists-nl');
    await supervisor.getByRole('button', { name: 'English' }).click();
    await supervisor.getByRole('heading', { level: 1, name: 'Control lists' }).waitFor();
    await supervisor.getByRole('status').filter({ hasText: `List "${supervisorList}" created.` }).waitFor();
    assert.deepEqual(await seriousViolations(supervisor), []);
    await keepScreenshot(supervisor, 'lists-en');
    await supervisor.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('the supervisor notes, compares two ads side by side, and requests the list as CSV, which a colleague approves before it downloads once', async () => {
    // Putting ads on a list from a search is the search page's; here the API does it.
    const { hits } = await api<{ hits: Hit[] }>(supervisor, 'GET', '/ads?theme=toezicht&pageSize=20');
    const picked = hits.filter((h) => h.title).slice(0, 3);
    assert.equal(picked.length, 3, 'the demo crawl kept at least three municipal ads with a title');
    for (const hit of picked) await api(supervisor, 'PUT', `/lists/${supervisorListId}/ads/${hit.id}`);
    await supervisor.locator('table.lists').getByRole('link', { name: supervisorList }).click();
    await supervisor.getByRole('heading', { level: 1, name: supervisorList }).waitFor();
    assert.equal(await rowsOf(supervisor).count(), 3);
    assert.equal(await rowsOf(supervisor).first().getByRole('link').getAttribute('href'), `/ads/${picked[0]!.id}`);

    // A note, by keyboard alone: the button opens the field, Ctrl+Enter saves.
    const note = 'Vrijdag controleren, "achterdeur"';
    await supervisor.locator(`#edit-${picked[0]!.id}`).focus();
    await supervisor.keyboard.press('Enter');
    const box = supervisor.locator(`#note-${picked[0]!.id}`);
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the note field has the focus');
    assert.deepEqual(await seriousViolations(supervisor), []);
    await supervisor.keyboard.type(note);
    await supervisor.keyboard.press('Control+Enter');
    await supervisor.getByRole('status').filter({ hasText: 'bewaard' }).waitFor();
    assert.equal(await rowsOf(supervisor).first().locator('.note-text').innerText(), note);
    assert.match(await rowsOf(supervisor).first().locator('td.note').innerText(), /toezichthouder/);
    await supervisor.reload();
    assert.equal(await rowsOf(supervisor).first().locator('.note-text').innerText(), note, 'the note was stored');

    // Side by side.
    const compare = supervisor.getByRole('button', { name: /^Vergelijk/ });
    assert.equal(await compare.isDisabled(), true, 'one ad is nothing to compare');
    await supervisor.locator(`#pick-${picked[0]!.id}`).check();
    await supervisor.locator(`#pick-${picked[1]!.id}`).check();
    await compare.click();
    const table = supervisor.locator('table.compare-table');
    await table.waitFor();
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Gegeven', picked[0]!.title, picked[1]!.title]);
    const titleRow = table.locator('tbody tr', { has: supervisor.locator('th', { hasText: 'Titel' }) });
    assert.deepEqual(await titleRow.locator('td').allInnerTexts(), [picked[0]!.title, picked[1]!.title]);
    if (picked[0]!.title !== picked[1]!.title) {
      assert.match(await titleRow.getAttribute('class') ?? '', /differs/);
      assert.match(await titleRow.locator('th').innerText(), /verschilt/);
    }
    assert.ok(await table.locator('tbody tr.differs').count() >= 1, 'a differing field is marked');
    assert.equal(await table.locator('img').count(), 0, 'the municipal theme keeps no screenshots');
    assert.deepEqual(await seriousViolations(supervisor), []);
    await keepScreenshot(supervisor, 'list-compare-nl');
    await supervisor.getByRole('button', { name: 'English' }).click();
    await table.locator('thead th', { hasText: 'Field' }).waitFor();
    assert.match(await table.locator('tbody tr.differs th').first().innerText(), /differs/);
    assert.deepEqual(await seriousViolations(supervisor), []);
    await keepScreenshot(supervisor, 'list-compare-en');
    await supervisor.getByRole('button', { name: 'Nederlands' }).click();

    // The CSV export: requested, approved by a second supervisor, then downloaded once.
    await supervisor.getByRole('button', { name: 'Export als CSV aanvragen' }).click();
    await supervisor.getByRole('status').filter({ hasText: 'Export aangevraagd' }).waitFor();
    await supervisor.goto(`${dashboard.served.url}/exports`);
    const mine = supervisor.locator('table.mine tbody tr', { hasText: supervisorListId });
    assert.match(await mine.locator('td.state').innerText(), /wacht op goedkeuring/);
    assert.equal(await mine.getByRole('button').count(), 0, 'nothing to download before approval');
    assert.equal(await supervisor.locator('table.awaiting tbody tr', { hasText: supervisorListId }).count(), 0, 'not awaiting its own requester');

    const colleague = await dashboard.ui.newPage();
    await signIn(colleague, dashboard.served.url, addSupervisor(dashboard.served.data, `collega-${stamp}`), '/exports');
    const awaiting = colleague.locator('table.awaiting tbody tr', { hasText: supervisorListId });
    assert.match(await awaiting.innerText(), /toezichthouder/);
    assert.deepEqual(await seriousViolations(colleague), []);
    await keepScreenshot(colleague, 'exports-nl');
    await awaiting.getByRole('button', { name: /^Goedkeuren: Lijst als CSV/ }).click();
    await colleague.getByRole('status').filter({ hasText: 'Goedgekeurd' }).waitFor();
    await colleague.getByRole('button', { name: 'English' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    assert.deepEqual(await seriousViolations(colleague), []);
    await colleague.close();

    await supervisor.reload();
    const [download] = await Promise.all([supervisor.waitForEvent('download'), mine.getByRole('button', { name: /^Downloaden/ }).click()]);
    assert.match(download.suggestedFilename(), /^controle-.*\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'ad,theme,source,url,title,city,score,indicators,first_seen,last_seen,note,note_by,note_at,added_by,added_at');
    assert.equal(lines.length, 4, 'a header and three ads');
    const first = lines.find((l) => l.startsWith(picked[0]!.id))!;
    assert.ok(first.includes(',"Vrijdag controleren, ""achterdeur""",toezichthouder,'), first);
    await supervisor.getByRole('status').filter({ hasText: 'Gedownload' }).waitFor();
    assert.match(await mine.locator('td.state').innerText(), /gedownload op/);
    assert.equal(await mine.getByRole('button').count(), 0, 'downloaded once, not again');
    await supervisor.goto(`${dashboard.served.url}/lists/${supervisorListId}`);
  });

  test('an expert sees only lists of the police theme, never the supervisor\'s, and the other way round', async () => {
    expert = await dashboard.ui.newPage();
    await signIn(expert, dashboard.served.url, ACCOUNTS.expert, '/lists');
    await justify(expert);
    await expert.getByRole('heading', { level: 1, name: 'Controlelijsten' }).waitFor();
    assert.deepEqual(await expert.locator('#list-theme option').allInnerTexts(), ['mensenhandel']);
    await expert.locator('#list-name').fill(policeList);
    await expert.getByRole('button', { name: 'Lijst maken' }).click();
    const row = expert.locator('table.lists tbody tr', { hasText: policeList });
    await row.waitFor();
    policeListId = (await row.getByRole('link').getAttribute('href'))!.split('/').pop()!;
    const themes = await expert.locator('table.lists tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(themes.every((t) => t === 'mensenhandel'), themes.join());
    assert.equal(await expert.getByText(supervisorList).count(), 0);
    // The police theme keeps screenshots: they show in the comparison, the municipal one's never.
    const { hits } = await api<{ hits: Hit[] }>(expert, 'GET', '/ads?theme=mensenhandel&pageSize=2');
    for (const hit of hits) await api(expert, 'PUT', `/lists/${policeListId}/ads/${hit.id}`);
    await row.getByRole('link').click();
    for (const hit of hits) await expert.locator(`#pick-${hit.id}`).check();
    await expert.getByRole('button', { name: /^Vergelijk/ }).click();
    const shots = expert.locator('table.compare-table img');
    await shots.nth(1).waitFor();
    assert.equal(await shots.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0 && (i as HTMLImageElement).src.startsWith('blob:'))), true);
    assert.deepEqual(await seriousViolations(expert), []);

    await expert.goto(`${dashboard.served.url}/lists/${supervisorListId}`);
    await expert.getByRole('alert').filter({ hasText: 'bestaat niet' }).waitFor();
    assert.equal(await expert.getByText(supervisorList).count(), 0);

    await supervisor.goto(`${dashboard.served.url}/lists`);
    await supervisor.locator('table.lists').waitFor();
    const supervisorThemes = await supervisor.locator('table.lists tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(supervisorThemes.every((t) => t === 'toezicht'), supervisorThemes.join());
    assert.equal(await supervisor.getByText(policeList).count(), 0);
    await supervisor.goto(`${dashboard.served.url}/lists/${policeListId}`);
    await supervisor.getByRole('alert').filter({ hasText: 'bestaat niet' }).waitFor();
    assert.deepEqual(problemsOf(expert), []);
  });

  test('the supervisor takes an ad off the list and deletes the list after confirming', async () => {
    await supervisor.goto(`${dashboard.served.url}/lists/${supervisorListId}`);
    await rowsOf(supervisor).first().waitFor();
    const last = rowsOf(supervisor).nth(2);
    const title = await last.getByRole('link').innerText();
    await last.getByRole('button', { name: `Van lijst halen: ${title}` }).click();
    await supervisor.getByRole('status').filter({ hasText: `${title} van de lijst gehaald.` }).waitFor();
    // The answer and the table come in separate renders: wait for the table, not for a moment.
    await supervisor.waitForFunction(() => document.querySelectorAll('table.entries tbody tr').length === 2);

    await supervisor.getByRole('link', { name: /Alle controlelijsten/ }).click();
    const row = supervisor.locator('table.lists tbody tr', { hasText: supervisorList });
    await row.locator('td').nth(2).filter({ hasText: /^2$/ }).waitFor();
    await row.getByRole('button', { name: `Verwijderen: lijst "${supervisorList}"` }).click();
    await row.getByText(`Lijst "${supervisorList}" verwijderen? De advertenties zelf blijven bewaard.`).waitFor();
    const confirm = row.getByRole('button', { name: 'Ja, verwijderen' });
    assert.equal(await confirm.evaluate((el) => el === document.activeElement), true, 'the confirmation has the focus');
    await supervisor.keyboard.press('Enter');
    await supervisor.getByRole('status').filter({ hasText: `Lijst "${supervisorList}" verwijderd.` }).waitFor();
    await supervisor.getByText(supervisorList, { exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(problemsOf(supervisor).filter((p) => !/404/.test(p)), []);

    await api(expert, 'DELETE', `/lists/${policeListId}`);
  });
});
