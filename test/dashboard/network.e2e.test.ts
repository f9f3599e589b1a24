// The network of an ad in real Chromium: an expert sees the graph with its reasons, filters and
// collapses kinds, zooms with the buttons, opens an ad from the node panel, and sees the timeline and
// the map of the Netherlands with its attribution; an analyst may open it too, a supervisor may not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ACCOUNTS, justify, keepScreenshot, problemsOf, seriousViolations, signIn, useDashboard } from './harness.ts';

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

/** A network as large as the API answers (200 ads), made up: phone groups, photos and templates. */
function bigNetwork(root: string): unknown {
  const cities = ['Amsterdam', 'Den Haag', 'Rotterdam', 'Utrecht', 'Den Bosch', 'Groningen', 'Venlo', 'Zwolle'];
  const ids = Array.from({ length: 200 }, (_, i) => (i === 0 ? root : i.toString(16).padStart(24, '0')));
  const day = 86_400_000;
  const ads = ids.map((id, i) => ({ id, summary: {
    id, theme: 'mensenhandel', source: 'demo', url: 'https://example.test/' + i, title: `Advertentie ${i}`, city: cities[i % cities.length],
    score: 3, indicatorCount: 2, firstSeen: new Date(Date.UTC(2026, 0, 1) + (i % 30) * day).toISOString(), lastSeen: new Date(Date.UTC(2026, 1, 1) + (i % 40) * day).toISOString(),
  } }));
  const links = ids.flatMap((id, i) => {
    const out = [];
    if (i % 5 !== 0) out.push({ a: ids[i - (i % 5)]!, b: id, reason: 'shared-phone', value: `+316${String(Math.floor(i / 5)).padStart(8, '0')}` });
    if (i % 7 === 3 && i + 11 < ids.length) out.push({ a: id, b: ids[i + 11]!, reason: 'shared-image', value: `${i.toString(16).padStart(16, 'a')} ~ ${(i + 1).toString(16).padStart(16, 'a')} (3 bits apart)` });
    if (i % 5 === 0 && i + 5 < ids.length) out.push({ a: id, b: ids[i + 5]!, reason: 'template-text', value: 'similarity 0.91' });
    return out;
  });
  return { ad: root, ads, links, truncated: true };
}

const nodeCount = (page: Page, prefix: string) => page.locator(`svg.graph [data-node^="${prefix}"]`).count();

/** Waits until nodes of the kind are drawn (or until none is): the view changes on the next frame. */
async function untilDrawn(page: Page, prefix: string, some: boolean): Promise<void> {
  await page.waitForFunction(([p, s]) => (document.querySelectorAll(`svg.graph [data-node^="${p}"]`).length > 0) === s, [prefix, some] as const, { timeout: 5000 });
}

describe('dashboard: the network of an ad', () => {
  const dashboard = useDashboard();
  let network: Network;

  test('an expert sees the graph with its reasons, filters, collapses, zooms, and opens an ad from the panel', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert);
    await justify(page);
    network = await adWithNetwork(page);
    assert.ok(network.ads.length >= 3, `a demo ad with a network of several ads (found ${network.ads.length})`);
    await page.goto(`${dashboard.served.url}/ads/${network.ad}/network`);

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
    await untilDrawn(page, prefix, false);
    assert.equal(await edgesTable.locator('td', { hasText: reason }).count(), 0, `hiding ${kind} removes its nodes and edges`);
    await page.getByLabel(label, { exact: true }).selectOption('collapsed');
    await edgesTable.locator('td', { hasText: reason }).first().waitFor();
    assert.equal(await nodeCount(page, prefix), 0, `collapsing ${kind} links the ads directly, with the reason`);
    await page.getByLabel(label, { exact: true }).selectOption('shown');
    await untilDrawn(page, prefix, true);
    await page.getByRole('checkbox', { name: reason }).uncheck();
    await untilDrawn(page, prefix, false);
    assert.equal(await edgesTable.locator('td', { hasText: reason }).count(), 0, 'filtering a reason out removes its nodes and edges');
    await page.getByRole('checkbox', { name: reason }).check();
    await untilDrawn(page, prefix, true);

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
    await page.locator('svg.graph [data-node][tabindex="0"]').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < network.ads.findIndex((a) => a.id === other); i++) await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-node')), `ad:${other}`, 'arrow keys move through the nodes');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('svg.graph [data-node][tabindex="0"]').count(), 1, 'the graph is one tab stop');
    await page.getByRole('complementary').getByRole('link', { name: 'Open ad' }).click();
    await page.waitForURL(new RegExp(`/ads/${other}$`));
    assert.deepEqual(problemsOf(page), []);
  });

  test('a network of 200 ads is drawn, zoomed and collapsed in the browser (measured, not asserted)', async (t) => {
    const page = await dashboard.ui.newPage();
    const root = 'f'.repeat(24);
    await page.route(`**/api/ads/${root}/network`, (route) => route.fulfill({ json: bigNetwork(root) }));
    await signIn(page, dashboard.served.url, ACCOUNTS.expert);
    await justify(page);
    let started = Date.now();
    await page.goto(`${dashboard.served.url}/ads/${root}/network`);
    await page.locator('svg.graph [data-node]').first().waitFor();
    const drawn = Date.now() - started;
    assert.equal(await nodeCount(page, 'ad:'), 200);
    await page.getByText('Dit netwerk is groter dan 200 advertenties').waitFor();
    // Each zoom step timed in the page, from the click to the next painted frame.
    const steps = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Inzoomen')!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        button.click();
        await frame();
        times.push(Math.round(performance.now() - start));
      }
      return times;
    });
    await page.getByRole('status').filter({ hasText: /Zoom 506%/ }).waitFor();
    started = Date.now();
    await page.getByLabel('Telefoonnummers', { exact: true }).selectOption('collapsed');
    await untilDrawn(page, 'phone:', false);
    const collapsed = Date.now() - started;
    assert.equal(await page.locator('svg.timeline rect.bar').count(), 200);
    assert.ok(await page.locator('svg.map circle.city').count() >= 7, 'Den Haag and Den Bosch are found too');
    t.diagnostic(`200 ads: page with graph drawn in ${drawn} ms, zoom steps of ${steps.join(', ')} ms, phones collapsed in ${collapsed} ms`);
    assert.deepEqual(problemsOf(page), []);
  });

  test('an analyst opens the network too; a supervisor is sent away', async () => {
    const analyst = await dashboard.ui.newPage('en');
    await signIn(analyst, dashboard.served.url, ACCOUNTS.analyst, `/ads/${network.ad}/network`);
    await justify(analyst);
    await analyst.getByRole('heading', { level: 1, name: `Network of ad ${network.ad}` }).waitFor();
    await analyst.locator('svg.graph [data-node]').first().waitFor();
    assert.equal(await analyst.locator('svg.graph [data-node^="ad:"]').count(), network.ads.length);
    await analyst.goto(`${dashboard.served.url}/ads/${'0'.repeat(24)}/network`);
    assert.match(await analyst.getByRole('alert').innerText(), /does not exist or is outside your themes/);
    assert.deepEqual(problemsOf(analyst), []);

    const supervisor = await dashboard.ui.newPage();
    await signIn(supervisor, dashboard.served.url, ACCOUNTS.supervisor, `/ads/${network.ad}/network`);
    await supervisor.waitForURL((u) => !u.pathname.includes('/network'));
    assert.doesNotMatch(new URL(supervisor.url()).pathname, /network/);
    assert.equal(await supervisor.locator('svg.graph').count(), 0);
  });
});
