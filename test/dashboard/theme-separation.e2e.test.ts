// A supervisor never sees a police theme anywhere in the interface: not in a menu, a filter, a
// facet, a result, an ad, a list, nor in the markup behind them (option values, titles, labels).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, problemsOf, signIn, useDashboard } from './harness.ts';

const POLICE = /mensenhandel|politie/i;
/** The inspection outcome that sends an ad on names the police as its recipient, not a theme. */
const REFERRAL = /Doorverwezen naar politie|Referred to police|referred-to-police/g;

/** All the page says, shown or not: its text and every attribute value. */
async function everything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('*')) for (const a of el.attributes) parts.push(a.value);
    return parts.join('\n');
  }).then((all) => all.replaceAll(REFERRAL, ''));
}

describe('dashboard: theme separation', () => {
  const dashboard = useDashboard();

  test('the supervisor meets no police theme on any page, in either language', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const page = await dashboard.ui.newPage(lang);
      await signIn(page, dashboard.served.url, ACCOUNTS.supervisor, '/search');
      await justify(page);
      await page.locator('.hit .hit-title').first().waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'search');

      await page.locator('.hit .hit-title').first().click();
      await page.waitForURL(/\/ads\/[0-9a-f]{24}$/);
      await page.locator('h1').waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'ad detail');

      await page.goto(dashboard.served.url + '/lists');
      await page.locator('h1').waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'lists');

      await page.goto(dashboard.served.url + '/monitor');
      await page.locator('h1').waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'monitor');
      await page.goto(dashboard.served.url + '/inspections/0344');
      await page.locator('h1').waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'an inspection list');

      // Addresses of the police side lead nowhere: the network is not the supervisor's, and a
      // police ad answers as if it did not exist.
      const policeAd = await policeAdId();
      await page.goto(`${dashboard.served.url}/ads/${policeAd}`);
      await page.getByRole('alert').or(page.locator('.error')).first().waitFor();
      assert.doesNotMatch(await everything(page), POLICE, 'a police ad');
      await page.goto(`${dashboard.served.url}/ads/${policeAd}/network`);
      await page.waitForURL((u) => !u.pathname.endsWith('/network'));
      assert.doesNotMatch(await everything(page), POLICE, 'a police network');
      assert.deepEqual(problemsOf(page), []);
      await page.context().close();
    }
  });

  /** An ad of the police theme, found as the expert. */
  async function policeAdId(): Promise<string> {
    const login = await fetch(dashboard.served.url + '/api/session', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: ACCOUNTS.expert.name, password: ACCOUNTS.expert.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const found = await fetch(dashboard.served.url + '/api/ads?theme=mensenhandel&pageSize=1&justification=signal%20research', { headers: { cookie } });
    const body = await found.json() as { hits: { id: string }[] };
    assert.ok(body.hits[0], 'the demo crawl kept police ads');
    return body.hits[0].id;
  }
});
