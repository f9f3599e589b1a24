// The network of an ad in real Chromium: an expert sees the graph with its reasons, filters and
// collapses kinds, zooms with the buttons, opens an ad from the node panel, and sees the timeline and
// the map of the Netherlands with its attribution; an analyst may open it too, a supervisor may not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, keepScreenshot, openBrowser, problemsOf, seriousViolations, serveDashboard, signIn, type Served, type Ui } from './harness.ts';

interface Network { ad: string; ads: { id: string }[]; links: { a: string; b: string; reason: string }[] }

/** Through the API, as the signed-in user: a demo ad whose network has several ads and reasons. */
async function adWithNetwork(page: Page): Promise<Network> {
  return page.evaluate(async () => {
    const search = await (await fetch('/api/ads?pageSize=100')).json() as { hits: { id: string }[] };
    let best: Network | null = null;
    for (const hit of search.hits) {
      const network = await (await fetch(`/api/ads/${hit.id}/network`)).json() as Network;
      const reasons = new Set(network.links.map((l) => l.reason)).size;
      if (reasons >= 2 && network.ads.length >= 3) return network;
      if (!best || network.ads.length > best.ads.length) best = network;
    }
    return best!;
  });
}

const nodeCount = (page: Page, prefix: string) => page.locator(`svg.graph [data-node^="${prefix}"]`).count();

describe('dashboard: the network of an ad', () => {
  let served: Served;
  let ui: Ui;
  let network: Network;
  before(async () => {
    served = await serveDashboard();
    ui = await openBrowser();
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
  });

  test('an expert sees the graph with its reasons, filters, collapses, zooms, and opens an ad from the panel', async () => {
    const page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.expert);
    await justify(page);
    network = await adWithNetwork(page);
    assert.ok(network.ads.length >= 3, `a demo ad with a network of several ads (found ${network.ads.length})`);
    await page.goto(`${served.url}/ads/${network.ad}/network`);

    await page.getByRole('heading', { level: 1, name: `Netwerk van advertentie ${network.ad}` }).waitFor();
    await page.locator('svg.graph [data-node]').first().waitFor();
    assert.equal(await nodeCount(page, 'ad:'), network.ads.length, 'one node per ad');
    const phones = new Set(network.links.filter((l) => l.reason === 'shared-phone').map((l) => l.a + l.b)).size > 0;
    const reasons = [...new Set(network.links.map((l) => l.reason))];
    const edgesTable = page.locator('table', { has: page.locator('caption', { hasText: 'Verbindingen' }) });
    const reasonText = { 'shared-phone': 'deelt telefoonnummer', 'shared-image': 'deelt foto', 'template-text': 'sjabloontekst' } as const;
    for (const reason of reasons) {
      assert.ok(await edgesTable.locator('td', { hasText: reasonText[reason as keyof typeof reasonText] }).count() > 0, `the reason ${reason} is on the edges`);
    }
    assert.ok(await page.locator('svg.graph line.edge title').count() > 0);
    assert.match(await page.locator('svg.graph line.edge title').first().textContent() ?? '', /deelt|sjabloontekst/);
    assert.match(await page.getByRole('status').filter({ hasText: 'knopen' }).innerText(), new RegExp(`${network.ads.length} advertenties`));
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'network-nl');

    // Filter and collapse by kind: the kind with links of its own in this network.
    const [kind, label, reason, prefix] = phones
      ? ['phone', 'Telefoonnummers', 'deelt telefoonnummer', 'phone:'] as const
      : reasons.includes('shared-image') ? ['photo', 'Foto\'s', 'deelt foto', 'photo:'] as const : ['text', 'Sjabloonteksten', 'sjabloontekst', 'text:'] as const;
    assert.ok(await nodeCount(page, prefix) > 0, `${kind} nodes are drawn`);
    await page.getByLabel(label, { exact: true }).selectOption('hidden');
    assert.equal(await nodeCount(page, prefix), 0, `hiding ${kind} removes its nodes`);
    assert.equal(await edgesTable.locator('td', { hasText: reason }).count(), 0, 'and its edges');
    await page.getByLabel(label, { exact: true }).selectOption('collapsed');
    assert.equal(await nodeCount(page, prefix), 0);
    const direct = edgesTable.locator('tr', { has: page.locator('td', { hasText: reason }) });
    assert.ok(await direct.count() > 0, `collapsing ${kind} links the ads directly, with the reason`);
    await page.getByLabel(label, { exact: true }).selectOption('shown');
    await page.getByRole('checkbox', { name: reason }).uncheck();
    assert.equal(await nodeCount(page, prefix), 0, 'filtering a reason out removes its nodes');
    assert.equal(await edgesTable.locator('td', { hasText: reason }).count(), 0);
    await page.getByRole('checkbox', { name: reason }).check();
    assert.ok(await nodeCount(page, prefix) > 0);

    // Zoom with the buttons.
    const layer = page.locator('svg.graph > g');
    const before = await layer.getAttribute('transform');
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.getByRole('status').filter({ hasText: 'Zoom 150%' }).waitFor();
    assert.notEqual(await layer.getAttribute('transform'), before);
    await page.getByRole('button', { name: 'Passend maken' }).click();
    await page.getByRole('status').filter({ hasText: 'Zoom 100%' }).waitFor();

    // Timeline and map.
    assert.equal(await page.locator('svg.timeline rect.bar').count(), network.ads.length, 'one bar per ad on the timeline');
    await page.locator('svg.map path.land').waitFor();
    assert.ok((await page.locator('svg.map path.land').getAttribute('d') ?? '').length > 100, 'the Netherlands is drawn');
    assert.ok(await page.locator('svg.map circle.city').count() > 0, 'the cities of the network are on the map');
    assert.equal(await page.getByText('Kaartgegevens: Natural Earth; GeoNames (CC BY 4.0)').isVisible(), true);

    // English, then open another ad from the node panel.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Network of ad ${network.ad}` }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'network-en');
    const other = network.ads.find((a) => a.id !== network.ad)!.id;
    await page.locator(`svg.graph [data-node="ad:${other}"]`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary').getByRole('link', { name: 'Open ad' }).click();
    await page.waitForURL(new RegExp(`/ads/${other}$`));
    assert.deepEqual(problemsOf(page), []);
  });

  test('an analyst opens the network too; a supervisor is sent away', async () => {
    const analyst = await ui.newPage('en');
    await signIn(analyst, served.url, ACCOUNTS.analyst, `/ads/${network.ad}/network`);
    await justify(analyst);
    await analyst.getByRole('heading', { level: 1, name: `Network of ad ${network.ad}` }).waitFor();
    assert.equal(await analyst.locator('svg.graph [data-node^="ad:"]').count(), network.ads.length);
    assert.deepEqual(problemsOf(analyst), []);

    const supervisor = await ui.newPage();
    await signIn(supervisor, served.url, ACCOUNTS.supervisor, `/ads/${network.ad}/network`);
    await supervisor.waitForURL((u) => !u.pathname.includes('/network'));
    assert.doesNotMatch(new URL(supervisor.url()).pathname, /network/);
    assert.equal(await supervisor.locator('svg.graph').count(), 0);
  });
});
