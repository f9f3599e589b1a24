// Discovery says a listing is complete only when it really ended, because the crawler marks every
// stored ad missing from a complete listing as gone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/config/load.ts';
import type { Source } from '../src/config/schema.ts';
import { launchChromium } from '../src/capture/browser.ts';
import { discoverAds } from '../src/capture/discover-ads.ts';
import { startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

describe('discovering the ads of a listing', { timeout: 5 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let sources: Map<string, Source>;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    sources = loadConfig(env.configDir).sources;
    browser = await launchChromium();
    context = await browser.newContext();
  });
  after(async () => { await browser?.close(); await env?.close(); });

  const urlsOf = (platform: string) => truth.ads.filter((a) => a.platform === platform).map((a) => a.url).sort();
  const discover = (id: string, change: Partial<Source['discover']> = {}, start?: string) => {
    const source = sources.get(id)!;
    return discoverAds(context, { ...source, start: start ?? source.start, discover: { ...source.discover, ...change } });
  };

  it('reports a paginated list read to its last page as complete', async () => {
    const found = await discover('mensenhandel-classic');
    assert.deepEqual(found.adUrls.sort(), urlsOf('classic'));
    assert.ok(found.listPages > 2);
    assert.equal(found.complete, true);
  });

  it('reports a paginated list cut short by maxPages as incomplete', async () => {
    const found = await discover('mensenhandel-classic', { maxPages: 2 });
    assert.equal(found.listPages, 2);
    assert.ok(found.adUrls.length < urlsOf('classic').length);
    assert.equal(found.complete, false);
  });

  it('reports a list cut short by maxAds as incomplete', async () => {
    const found = await discover('mensenhandel-classic', { maxAds: 25 });
    assert.equal(found.adUrls.length, 25);
    assert.equal(found.complete, false);
  });

  it('reports an infinite-scroll list that stopped growing within its scroll budget as complete', async () => {
    const found = await discover('mensenhandel-swipe');
    assert.deepEqual(found.adUrls.sort(), urlsOf('swipe'));
    assert.equal(found.complete, true);
  });

  it('reports an infinite-scroll list still growing when its scroll budget ran out as incomplete', async () => {
    const found = await discover('mensenhandel-swipe', { scroll: 2 });
    assert.ok(found.adUrls.length > 12 && found.adUrls.length < urlsOf('swipe').length, `${found.adUrls.length} ads`);
    assert.equal(found.complete, false);
  });

  it('stops an endless list at its scroll budget and reports it incomplete', async () => {
    const found = await discover('mensenhandel-swipe', { scroll: 10 }, `${env.url}/swipe/?hostile=endless`);
    const real = new Set(urlsOf('swipe'));
    assert.ok(found.adUrls.some((u) => !real.has(u)), 'reached the made-up cards past the real ads');
    assert.equal(found.complete, false);
  });

  it('collects ads an infinite list added after the first look and before the first scroll', async () => {
    // The list shows three ads at once and renders three more late, in the moment between discovery's
    // first collection and its first scroll. Made exact here: they appear the second time the page's
    // links are counted (the first count is the collection's, the second the scroll's). Nothing more
    // comes on scrolling, so only a collection after the scroll can see them.
    const start = `${env.url}/late-list/`;
    await context.route(start, (route) => route.fulfill({
      contentType: 'text/html', body: `<!doctype html><ul id="list"></ul><script>
        const list = document.getElementById('list');
        const add = (from) => { for (let n = from; n < from + 3; n++) list.insertAdjacentHTML('beforeend', '<li><a href="/swipe/ad/sw-' + (9000 + n) + '">ad</a></li>'); };
        add(0);
        const count = document.querySelectorAll.bind(document);
        let counts = 0;
        document.querySelectorAll = (selector) => {
          if (selector === 'a[href]' && ++counts === 2) add(3);
          return count(selector);
        };
      </script>`,
    }));
    try {
      const found = await discover('mensenhandel-swipe', { scroll: 3 }, start);
      assert.deepEqual(found.adUrls.map((u) => u.slice(-7)).sort(), ['sw-9000', 'sw-9001', 'sw-9002', 'sw-9003', 'sw-9004', 'sw-9005']);
      assert.equal(found.complete, true);
    } finally {
      await context.unroute(start);
    }
  });
});
