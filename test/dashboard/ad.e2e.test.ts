// The ad detail page in real Chromium against `baken serve`: an expert reads the evidence marked in
// the text with each indicator explained, zooms the screenshot, verifies the capture, puts the ad
// on a list and on legal hold; an analyst sees only the indicator count; a supervisor sees a
// municipal ad without any stored picture, and a police ad as not found.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, keepScreenshot, problemsOf, seriousViolations, signIn, useDashboard } from './harness.ts';

interface Found { id: string; title: string; hitIds: string[]; spanTexts: string[] }

/** An ad of the signed-in expert's theme with span evidence in its title or text, asked of the API
 *  from the page (its session). */
function adWithSpans(page: Page): Promise<Found | null> {
  return page.evaluate(async () => {
    const why = 'justification=signal%20research';
    const search = await (await fetch(`/api/ads?pageSize=50&${why}`)).json() as { hits: { id: string; indicatorCount: number }[] };
    for (const hit of search.hits.sort((a, b) => b.indicatorCount - a.indicatorCount)) {
      const ad = await (await fetch(`/api/ads/${hit.id}?${why}`)).json() as {
        fields: { title?: string }; hits: { id: string; evidence: { kind: string; field?: string; text?: string }[] }[];
      };
      const spans = ad.hits.flatMap((h) => h.evidence).filter((e) => e.kind === 'span' && (e.field === 'text' || e.field === 'title'));
      if (spans.length > 0) return { id: hit.id, title: ad.fields.title ?? '', hitIds: ad.hits.map((h) => h.id), spanTexts: spans.map((s) => s.text!) };
    }
    return null;
  });
}

/** The first ad a search of the signed-in user's themes answers. */
function firstAd(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const search = await (await fetch('/api/ads?pageSize=1&justification=signal%20research')).json() as { hits: { id: string }[] };
    return search.hits[0]!.id;
  });
}

describe('dashboard: ad detail', () => {
  const dashboard = useDashboard();
  let found: Found;

  test('an expert reads the marked evidence, zooms the screenshot, verifies the capture, lists the ad and holds it', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert);
    await justify(page);
    found = (await adWithSpans(page))!;
    assert.ok(found, 'the demo crawl keeps an ad with span evidence');
    // A list of the theme to put the ad on, made through the API as the lists page would.
    const listName = `e2e ${Date.now()}`;
    await page.evaluate(async (name) => {
      const session = await (await fetch('/api/session')).json() as { csrfToken: string };
      const res = await fetch('/api/lists', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ theme: 'mensenhandel', name }) });
      if (res.status !== 201) throw new Error(`list: ${res.status}`);
    }, listName);

    await page.goto(`${dashboard.served.url}/ads/${found.id}`);
    await page.locator('h1', { hasText: found.title }).waitFor();
    // Evidence: marked in the text, each indicator explained, the explanation leads to its mark.
    const marks = await page.locator('.ad-text mark').allInnerTexts();
    for (const text of found.spanTexts) assert.ok(marks.some((m) => text.includes(m) || m.includes(text)), `"${text}" marked in ${JSON.stringify(marks)}`);
    const explained = await page.locator('.ad-hits').innerText();
    for (const id of found.hitIds) assert.ok(explained.includes(id), `indicator ${id} explained`);
    await page.locator('.ad-hits button', { hasText: 'Toon in de tekst' }).first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK', 'the explanation takes the keyboard to its mark');

    // Screenshot: shown from an object URL, zoomed with a button, a key and the wheel.
    const shot = page.locator('img.shot');
    await shot.waitFor();
    assert.match(await shot.getAttribute('src') ?? '', /^blob:/);
    assert.ok(await shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the screenshot loaded');
    await page.locator('.zoom-level', { hasText: 'Zoom: 100 %' }).waitFor();
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.locator('.zoom-level', { hasText: 'Zoom: 150 %' }).waitFor();
    assert.match(await shot.evaluate((img: HTMLImageElement) => img.style.transform), /scale\(1\.5\)/);
    await page.locator('.viewer').focus();
    await page.keyboard.press('+');
    await page.locator('.zoom-level', { hasText: 'Zoom: 200 %' }).waitFor();
    await page.keyboard.press('0');
    await page.locator('.zoom-level', { hasText: 'Zoom: 100 %' }).waitFor();
    await page.locator('.viewer').hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 200);
    await page.keyboard.up('Control');
    await page.locator('.zoom-level', { hasText: 'Zoom: 75 %' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'HTML downloaden' }).click()]);
    assert.equal(download.suggestedFilename(), `${found.id}.html`);
    await page.locator('.images img').first().waitFor();

    // One version in the demo crawl: said so, nothing to compare (the diff is tested in the API and unit tests).
    assert.match(await page.locator('.one-version').innerText(), /Eén versie/);
    assert.match(await page.locator('.sightings-summary').innerText(), /1 waarneming/);
    assert.equal(await page.locator('.timeline li').count(), 1);

    await page.getByRole('button', { name: 'Controleer de opname' }).click();
    await page.locator('.verified').waitFor();
    assert.match(await page.locator('.verified').innerText(), /Geverifieerd: alle \d+ controles in orde/);

    await page.locator('#ad-list').selectOption({ label: listName });
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.locator('.list-result', { hasText: `Toegevoegd aan “${listName}”` }).waitFor();

    await page.locator('#hold-case').fill('ZAAK-2026-042');
    await page.getByRole('button', { name: 'In bewaring nemen' }).click();
    await page.locator('.hold-state', { hasText: `In bewaring voor zaak ZAAK-2026-042, door ${ACCOUNTS.expert.name}` }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('h1').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'ad-nl');
    await page.getByRole('button', { name: 'Bewaring opheffen' }).click();
    await page.locator('.hold-state', { hasText: 'Niet in bewaring' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Capture and hashes' }).waitFor();
    assert.match(await page.locator('.one-version').innerText(), /One version/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('h1').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'ad-en');
    assert.deepEqual(problemsOf(page), []);
  });

  test('two versions are compared at once, what went struck through and what came underlined', async () => {
    // The demo crawl holds one version per ad: the ad's answer is given a second version here, and
    // the diff the API computes for real versions (src/api/ads.test.ts) is answered as it would be.
    const page = await dashboard.ui.newPage('en');
    await page.route((u) => u.pathname === `/api/ads/${found.id}`, async (route) => {
      const ad = await (await route.fetch()).json() as { versions: { version: number; capturedAt: string; captureId: string }[] };
      const first = ad.versions[0]!;
      ad.versions.push({ ...first, version: 2, captureId: 'second', capturedAt: new Date(Date.parse(first.capturedAt) + 86_400_000).toISOString() });
      await route.fulfill({ json: ad });
    });
    let asked = '';
    await page.route((u) => u.pathname === `/api/ads/${found.id}/versions`, async (route) => {
      asked = new URL(route.request().url()).search;
      await route.fulfill({ json: { ad: found.id, versions: [], diff: { from: 1, to: 2, fields: [
        { field: 'title', change: 'same', parts: [{ op: 'keep', text: found.title }] },
        { field: 'text', change: 'changed', parts: [{ op: 'keep', text: 'Price ' }, { op: 'remove', text: '100' }, { op: 'add', text: '150' }, { op: 'keep', text: ' euro' }] },
        { field: 'age', change: 'removed', parts: [{ op: 'remove', text: '18' }] },
      ] } } });
    });
    await signIn(page, dashboard.served.url, ACCOUNTS.expert, `/ads/${found.id}`);
    await justify(page);
    await page.getByRole('heading', { name: 'Differences between version 1 and 2' }).waitFor();
    assert.match(asked, /from=1&to=2/);
    const rows = await page.locator('table.diff tbody tr').allInnerTexts();
    assert.equal(rows.length, 2, 'unchanged fields are left out');
    assert.equal(await page.locator('table.diff del').first().textContent(), 'gone: 100');
    assert.equal(await page.locator('table.diff ins').first().textContent(), 'new: 150');
    assert.match(rows[1]!, /Age\s+removed/);
    assert.equal(await page.locator('#v-from option:checked').innerText(), '1', 'the two latest versions chosen');
    assert.equal(await page.locator('#v-to option:checked').innerText(), '2');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('an expert requests the official report of the ad, which then waits on the Exports page for a colleague', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert, `/ads/${found.id}`);
    await justify(page);
    await page.getByRole('heading', { name: 'Proces-verbaal' }).waitFor();
    await page.getByRole('button', { name: 'Proces-verbaal aanvragen' }).click();
    await page.locator('.pv-result', { hasText: 'Vul de verbalisant en de eenheid in.' }).waitFor();
    await page.locator('#pv-officer').fill('Inspecteur J. de Vries');
    await page.locator('#pv-unit').fill('AVIM Midden-Nederland');
    await page.locator('#pv-format').selectOption('pdf');
    await page.getByRole('button', { name: 'Proces-verbaal aanvragen' }).click();
    await page.locator('.pv-result', { hasText: 'Aangevraagd.' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.goto(`${dashboard.served.url}/exports`);
    const row = page.locator('tr', { hasText: 'Proces-verbaal' }).filter({ hasText: found.id });
    await row.first().waitFor();
    assert.equal(await row.first().getByRole('button', { name: /^Downloaden/ }).count(), 0, 'nothing to download before a colleague approved it');
    assert.deepEqual(problemsOf(page), []);
  });

  test('an analyst sees the same ad with only its number of indicators, and no hold', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.analyst, `/ads/${found.id}`);
    await justify(page);
    await page.locator('h1', { hasText: found.title }).waitFor();
    assert.match(await page.locator('.notice', { hasText: 'indicator' }).innerText(), new RegExp(`^${found.hitIds.length} indicator\\(en\\)\\. Welke dat zijn`));
    assert.equal(await page.locator('.ad-hits').count(), 0);
    assert.equal(await page.locator('.ad-text mark').count(), 0, 'no evidence marked for an analyst');
    assert.equal(await page.locator('#hold-case').count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Juridische bewaring' }).count(), 0);
    assert.equal(await page.locator('#pv-officer').count(), 0, 'no official report for an analyst');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problemsOf(page), []);
  });

  test('a supervisor sees a municipal ad with no pictures, clearly said, and a police ad as not found', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.supervisor, '/search');
    await justify(page);
    const id = await firstAd(page);
    await page.goto(`${dashboard.served.url}/ads/${id}`);
    await page.locator('.no-shot').waitFor();
    assert.match(await page.locator('.no-shot').innerText(), /geen schermafbeelding opgeslagen: het thema toezicht bewaart geen schermafbeeldingen/);
    assert.match(await page.locator('.no-images').innerText(), /geen afbeeldingen opgeslagen/);
    assert.equal(await page.locator('bk-ad-media img').count(), 0, 'no broken image');
    assert.equal(await page.locator('a.phone').count(), 0, 'no phone linking in municipal supervision');
    assert.equal(await page.locator('#hold-case').count(), 0);
    assert.deepEqual(await seriousViolations(page), []);

    await page.goto(`${dashboard.served.url}/ads/${found.id}`);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Advertentie niet gevonden/);
    assert.equal(await page.locator('.ad-text').count(), 0);
    assert.deepEqual(problemsOf(page), []);
  });
});
