// The search page in real Chromium against `baken serve` over the demo crawl: each content reader
// searches, refines with a facet (the address changes, the back button restores), sorts, opens an ad
// with the keyboard and makes a list of three selected results; a supervisor never sees a police
// theme nor a phone filter. A second part serves 10,000 ads and checks the list stays small in the DOM.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, keepScreenshot, openBrowser, problemsOf, seriousViolations, serveDashboard, signIn, useDashboard, type Served, type Ui } from './harness.ts';
import { seedScaleData, type ScaleData } from './search-scale.fixtures.ts';

const THEME_OF = { expert: 'mensenhandel', analyst: 'mensenhandel', supervisor: 'toezicht' } as const;

/** The number the live region announces ("1.234 advertenties" → 1234); null while it says something else. */
async function announced(page: Page): Promise<number> {
  const status = page.locator('.result-count');
  await status.filter({ hasText: /\d/ }).waitFor();
  const text = await status.innerText();
  const digits = /([\d.,]+)\s+(advertentie|ad)/.exec(text)?.[1];
  assert.ok(digits, `expected a count of ads, got ${JSON.stringify(text)}`);
  return Number(digits.replace(/[.,]/g, ''));
}

async function waitForCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => {
    const text = document.querySelector('.result-count')?.textContent ?? '';
    const m = /([\d.,]+)\s+(advertentie|ad)/.exec(text) ?? (/^\s*1 (advertentie|ad)\b/.test(text) ? ['', '1'] : null);
    return m !== null && Number(m[1]!.replace(/[.,]/g, '')) === want;
  }, n);
}

describe('dashboard: search', () => {
  const dashboard = useDashboard();

  for (const role of ['expert', 'analyst', 'supervisor'] as const) {
    test(`the ${role} searches, refines with a facet, goes back, sorts, opens an ad with the keyboard and makes a list`, async () => {
      const page = await dashboard.ui.newPage();
      await signIn(page, dashboard.served.url, ACCOUNTS[role], '/search');
      await justify(page);
      assert.equal(new URL(page.url()).pathname, '/search');
      const all = await announced(page);
      assert.ok(all >= 4, `expected the demo crawl to give at least 4 ads, got ${all}`);
      await page.locator('.hit .hit-title').first().waitFor();

      // The theme filter holds only the user's themes; the supervisor gets no phone filter.
      const themes = await page.locator('#f-theme option').allInnerTexts();
      assert.deepEqual(themes.slice(1), [THEME_OF[role]]);
      assert.equal(await page.locator('#search-phone').count(), role === 'supervisor' ? 0 : 1);
      if (role === 'supervisor') {
        assert.doesNotMatch(await page.locator('main').innerText(), /mensenhandel/i, 'no police theme anywhere on the page');
      }

      // The search field comes first: one Tab from the skip link's target reaches it.
      await page.locator('main').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q');

      // A facet: the count it shows is the count the search then announces, and the address holds it.
      const facet = page.locator('#facet-city + ul button').first();
      const city = (await facet.locator('span').first().innerText()).trim();
      const expected = Number((await facet.locator('.facet-count').innerText()).replace(/[.,]/g, ''));
      await facet.click();
      await page.waitForURL((u) => u.searchParams.get('city') === city);
      await waitForCount(page, expected);
      assert.equal(await page.locator('#facet-city + ul button[aria-pressed=true]').count(), 1);
      // Back restores the search before, and its count.
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('city'));
      await waitForCount(page, all);
      await page.goForward();
      await page.waitForURL((u) => u.searchParams.get('city') === city);
      await waitForCount(page, expected);
      await page.goBack();
      await waitForCount(page, all);

      // Sorting: oldest first orders the rows by first seen.
      await page.locator('#f-sort').selectOption('oldest');
      await page.waitForURL((u) => u.searchParams.get('sort') === 'oldest');
      await waitForCount(page, all);
      const answer = await page.evaluate(async () => (await fetch('/api/ads?sort=oldest&pageSize=100')).json()) as { hits: { id: string; firstSeen: string; title: string | null }[] };
      const firstSeen = answer.hits.map((h) => h.firstSeen);
      assert.deepEqual(firstSeen, [...firstSeen].sort(), 'the API sorts by first seen');
      await page.waitForFunction((title) => document.querySelector('#hit-0 .hit-title')?.textContent?.trim() === title,
        answer.hits[0]!.title ?? '');

      assert.deepEqual(await seriousViolations(page), []);
      await keepScreenshot(page, `search-nl-${role}`);
      if (role === 'expert') await keepScreenshot(page, 'search-nl');

      // Keyboard: into the list, down one row, Enter opens that ad.
      const list = page.getByRole('listbox');
      await list.focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.querySelector('[role=listbox]')?.getAttribute('aria-activedescendant') === 'hit-1');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === `/ads/${answer.hits[1]!.id}`);
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('sort') === 'oldest');

      // Select three with Space (and one by mouse, then off again), then make a list of them.
      await page.locator('#hit-0').waitFor();
      await list.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      const chosen = (ids: string[]) => page.waitForFunction((want) =>
        [...document.querySelectorAll('.hit[aria-selected=true]')].map((r) => r.id).join() === want.join(), ids);
      await chosen(['hit-0', 'hit-1', 'hit-2']);
      await page.locator('#hit-3 .check').click();
      await chosen(['hit-0', 'hit-1', 'hit-2', 'hit-3']);
      await page.locator('#hit-3 .check').click();
      await chosen(['hit-0', 'hit-1', 'hit-2']);
      assert.match(await page.locator('.selection-count').innerText(), /^3 geselecteerd$/);
      // Unique, as the shared crawl may already hold a list of this name from an earlier test.
      const name = `E2E ${role} ${Date.now()}`;
      await page.locator('#list-name').fill(name);
      await page.getByRole('button', { name: 'Lijst maken van selectie' }).click();
      await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
      const listId = new URL(page.url()).pathname.split('/')[2]!;
      const made = await page.evaluate(async (id) => (await fetch(`/api/lists/${id}`)).json(), listId) as { name: string; theme: string; entries: { adId: string }[] };
      assert.deepEqual([made.name, made.theme], [name, THEME_OF[role]]);
      assert.deepEqual(made.entries.map((e) => e.adId).sort(), answer.hits.slice(0, 3).map((h) => h.id).sort());

      if (role === 'expert') {
        await page.goto(dashboard.served.url + '/search?sort=oldest');
        await page.getByRole('button', { name: 'English' }).click();
        await page.locator('.result-count').filter({ hasText: / ads?$/ }).waitFor();
        assert.deepEqual(await seriousViolations(page), []);
        await keepScreenshot(page, 'search-en');
      }
      assert.deepEqual(problemsOf(page), []);
    });
  }

  test('the thumbnail of a row is a small picture where the theme stores pictures, and a placeholder where it does not', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert, '/search');
    await justify(page);
    await page.locator('#hit-0 img.thumb').waitFor();
    assert.match(await page.locator('#hit-0 img.thumb').getAttribute('src') ?? '', /^blob:/);
    const supervisor = await dashboard.ui.newPage();
    await signIn(supervisor, dashboard.served.url, ACCOUNTS.supervisor, '/search');
    await justify(supervisor);
    await supervisor.locator('#hit-0 .thumb.placeholder').waitFor();
    assert.equal(await supervisor.locator('img.thumb').count(), 0);
  });
});

describe('dashboard: search at 10,000 ads', () => {
  let data: ScaleData;
  let served: Served;
  let ui: Ui;
  before(async () => {
    data = await seedScaleData(10_000);
    served = await serveDashboard(data);
    ui = await openBrowser();
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('the virtual list keeps the DOM small and fetches pages as it scrolls to the end', async () => {
    const page = await ui.newPage();
    await signIn(page, served.url, data.account, '/search');
    await justify(page);
    assert.equal(await announced(page), 10_000);
    await page.locator('#hit-0 .hit-title').waitFor();
    const rendered = () => page.locator('.hit').count();
    assert.ok(await rendered() < 200, `expected fewer than 200 rows in the DOM, got ${await rendered()}`);
    const list = page.getByRole('listbox');
    const pagesAsked: number[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/ads') pagesAsked.push(Number(url.searchParams.get('page')));
    });
    await list.focus();
    await page.keyboard.press('End');
    await page.locator('#hit-9999 .hit-title').waitFor();
    await page.waitForFunction(() => document.querySelector('[role=listbox]')?.getAttribute('aria-activedescendant') === 'hit-9999');
    assert.ok(await rendered() < 200, `expected fewer than 200 rows in the DOM at the end, got ${await rendered()}`);
    assert.equal(await page.locator('#hit-9999').getAttribute('aria-setsize'), '10000');
    // Only the pages at the end are fetched, none of those scrolled past.
    assert.ok(pagesAsked.length <= 3 && pagesAsked.every((p) => p >= 99), `pages asked: ${pagesAsked.join(', ')}`);
    assert.deepEqual(problemsOf(page), []);
  });
});
