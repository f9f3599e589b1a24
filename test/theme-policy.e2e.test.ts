// Minimum by default: the municipal theme stores only its allowed fields — no HTML, photos or
// screenshots — and its ads are invisible to the police theme and the other way round.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

describe('the municipal theme', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let summary: CrawlSummary;

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      summary = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht', source: 'toezicht-classic' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const classic = () => truth.ads.filter((a) => a.platform === 'classic');

  it('keeps every ad, the licensed ones too (the monitor counts them), and marks the ones without a licence number', async () => {
    assert.equal(summary.kept, classic().length);
    for (const ad of classic()) {
      const stored = await app.store.getAd(adId('toezicht', ad.url), ['toezicht']);
      assert.ok(stored, `${ad.id} is kept`);
      assert.equal(stored.hits.some((h) => h.id === 'no-licence'), !ad.fields.licence, `${ad.id} licence ${String(ad.fields.licence)}`);
    }
  });

  it('stores only the allowed fields and no HTML, WARC, images or screenshots', async () => {
    const allowed = new Set(app.config.themes.get('toezicht')!.store.fields);
    const result = await app.store.search({ themes: ['toezicht'], limit: 200 });
    assert.ok(result.hits.length > 0);
    for (const hit of result.hits) {
      const ad = (await app.store.getAd(hit.id, ['toezicht']))!;
      assert.deepEqual(ad.artefacts.map((a) => a.kind), ['manifest'], `${hit.id} keeps only its signed manifest`);
      for (const field of Object.keys(ad.fields)) assert.ok(allowed.has(field as never), `${hit.id} stores ${field}`);
    }
    const blobs = await Array.fromAsync(app.blobs.list());
    assert.equal(blobs.length, result.hits.length, 'one manifest per kept ad and nothing else');
  });

  it('is invisible to a search in the police theme', async () => {
    const police = await app.store.search({ themes: ['mensenhandel'], limit: 200 });
    assert.equal(police.total, 0);
    const anyAd = (await app.store.search({ themes: ['toezicht'], limit: 1 })).hits[0]!;
    assert.equal(await app.store.getAd(anyAd.id, ['mensenhandel']), null);
  });
});
