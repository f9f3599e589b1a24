// Entity pages and standing searches in real Chromium (issue 16), over a private copy of the shared
// demo crawl: the expert's standing search has the ads new in the crawl's run as hits (recorded
// through the application layer as a closing run records them), counted in the menu's badge and
// listed in the inbox; the ad page leads to the page of its phone number, in Dutch and English; a
// search is saved as a standing search; a supervisor has no standing searches.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openApiApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load.ts';
import { actorOf } from '../../src/services/session.service.ts';
import { ACCOUNTS, justify, keepScreenshot, privateDemoData, problemsOf, seriousViolations, signIn, useDashboard, type PrivateDemoData } from './harness.ts';

interface Entity { ads: { id: string }[] }

let data: PrivateDemoData | undefined;
let recorded = 0;

/** The copy, with a standing search of the expert over every new ad and the hits of the crawl's run. */
async function prepare(): Promise<PrivateDemoData> {
  data = await privateDemoData('entities');
  const app = await openApiApp({ dataDir: data.dataDir, config: loadConfig(data.configDir) });
  try {
    const expert = (await app.accounts.userByName(ACCOUNTS.expert.name))!;
    const who = { actor: actorOf(expert), client: 'test' };
    await app.services.standing.save(who, { theme: 'mensenhandel', name: 'Alle nieuwe', query: {}, justification: 'signal research' });
    for (const run of await app.store.runs('mensenhandel')) recorded += await app.services.standing.recordRunHits({ runId: run.id, theme: 'mensenhandel' });
  } finally {
    await app.close();
  }
  return data;
}

/** Through the API, as the signed-in user: a kept ad and a phone number it shares with another. */
async function sharedPhone(page: Page): Promise<{ ad: string; phone: string; ads: number }> {
  return page.evaluate(async () => {
    const search = await (await fetch('/api/ads?theme=mensenhandel&pageSize=100')).json() as { hits: { id: string }[] };
    for (const hit of search.hits) {
      const ad = await (await fetch(`/api/ads/${hit.id}`)).json() as { fields: { phones?: string[] } };
      for (const phone of ad.fields.phones ?? []) {
        const entity = await (await fetch(`/api/entities/phone/${encodeURIComponent(phone)}?theme=mensenhandel`)).json() as Entity;
        if (entity.ads.length >= 2) return { ad: hit.id, phone, ads: entity.ads.length };
      }
    }
    throw new Error('no demo ad shares its phone number');
  });
}

describe('dashboard: entity pages and standing searches', () => {
  const dashboard = useDashboard(prepare);
  after(() => data?.remove());

  test('the expert sees the unread hits in the badge, reads them in the inbox, and the badge empties', async () => {
    assert.ok(recorded > 0, 'the crawl\'s run brought new ads');
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert);
    await justify(page);
    const link = page.getByRole('link', { name: /Vaste zoekopdrachten/ });
    await link.locator('.badge').waitFor();
    assert.equal(await link.locator('.badge').innerText(), String(recorded));
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Vaste zoekopdrachten' }).waitFor();
    await page.getByRole('button', { name: 'Treffers tonen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Treffers van "Alle nieuwe"' }).waitFor();
    assert.equal(await page.locator('table.hits tbody tr').count(), recorded);
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'standing-searches-nl');
    await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('nav .badge') === null);
    assert.deepEqual(problemsOf(page), []);
  });

  test('the ad page leads to the page of its phone number, with exactly the ads that carry it, in Dutch and in English', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const page = await dashboard.ui.newPage(lang);
      await signIn(page, dashboard.served.url, ACCOUNTS.expert);
      await justify(page);
      const shared = await sharedPhone(page);
      await page.goto(`${dashboard.served.url}/ads/${shared.ad}`);
      await page.getByRole('link', { name: lang === 'nl' ? `Alle advertenties met ${shared.phone}` : `Every ad with ${shared.phone}` }).click();
      await page.getByRole('heading', { level: 1, name: `${lang === 'nl' ? 'Telefoonnummer' : 'Phone number'} ${shared.phone}` }).waitFor();
      await page.locator('table.entity-ads tbody tr').first().waitFor();
      assert.equal(await page.locator('table.entity-ads tbody tr').count(), shared.ads);
      assert.ok(await page.locator(`table.entity-ads a[href="/ads/${shared.ad}"]`).count() === 1, 'the ad it came from is among them');
      await page.getByRole('heading', { level: 2, name: lang === 'nl' ? 'Verplaatsing' : 'Movement' }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await keepScreenshot(page, `entity-phone-${lang}`);
      assert.deepEqual(problemsOf(page), []);
    }
  });

  test('a search is saved as a standing search from the search page', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.analyst, '/search?theme=mensenhandel&city=Utrecht');
    await justify(page);
    await page.getByText('Opslaan als vaste zoekopdracht').click();
    await page.locator('#standing-name').fill('Utrecht');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen als vaste zoekopdracht "Utrecht"' }).waitFor();
    await page.goto(`${dashboard.served.url}/searches`);
    await page.locator('table.standing td', { hasText: 'city: Utrecht' }).waitFor();
    assert.deepEqual(problemsOf(page), []);
  });

  test('a supervisor has no standing searches', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.supervisor);
    await page.locator('nav').waitFor();
    assert.equal(await page.getByRole('link', { name: /Vaste zoekopdrachten/ }).count(), 0);
  });
});
