// Hostile pages are recorded as failures and the crawl goes on; an endless list is read only as far
// as the source's scroll budget, and what that budget left unread is not taken to be gone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

describe('crawling a platform with hostile pages', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let summary: CrawlSummary;

  before(async () => {
    env = await startDemoEnv({
      hostile: true,
      // Short time-outs so the slow page fails in seconds rather than minutes.
      edit: (dir) => {
        const file = join(dir, 'sources/mensenhandel-classic.yaml');
        writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\ncrawl:[\s\S]*$/, '')}\ncrawl:\n  timeoutMs: 4000\n  retries: 1\n  delayMs: 0\n  concurrency: 2\n  maxPageBytes: 2000000\n`);
      },
    });
    truth = await env.truth();
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      summary = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source: 'mensenhandel-classic' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const classic = () => truth.ads.filter((a) => a.platform === 'classic');
  const failing = () => classic().filter((a) => ['slow', 'error', 'loop', 'huge'].includes(a.hostile ?? ''));

  it('completes the crawl and counts each hostile page that cannot be captured as failed', () => {
    assert.equal(summary.failed, failing().length);
    assert.equal(summary.captured, classic().length - failing().length);
    assert.equal(summary.kept + summary.deleted, summary.captured);
  });

  it('records each failure with its URL, a reason and the attempts made', async () => {
    const failures = await app.store.failures(summary.run);
    assert.deepEqual(failures.map((f) => f.url).sort(), failing().map((a) => a.url).sort());
    const byUrl = new Map(failures.map((f) => [f.url, f]));
    for (const ad of failing()) {
      const f = byUrl.get(ad.url)!;
      assert.ok(f.reason.length > 0, `${ad.hostile}: a reason`);
      if (ad.hostile === 'error') { assert.match(f.reason, /HTTP 500/); assert.equal(f.attempts, 2); }
      if (ad.hostile === 'loop') assert.match(f.reason, /redirect/i);
      if (ad.hostile === 'huge') assert.match(f.reason, /larger than|timeout|exceeded/i);
    }
  });

  it('captures a page with pop-ups, and a page that fails once after a retry', async () => {
    const recovered = classic().filter((a) => a.hostile === 'popup' || a.hostile === 'flaky');
    assert.equal(recovered.length, 2);
    const failed = new Set((await app.store.failures(summary.run)).map((f) => f.url));
    for (const ad of recovered) assert.ok(!failed.has(ad.url), `${ad.hostile} page was captured`);
  });
});

describe('crawling an infinite-scroll platform whose list never ends', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let endless: CrawlSummary;
  const swipeYaml = () => join(env.configDir, 'sources/mensenhandel-swipe.yaml');
  const setSwipe = (start: string, scroll: number) => writeFileSync(swipeYaml(),
    readFileSync(swipeYaml(), 'utf8').replace(/^start: .*$/m, `start: ${start}`).replace(/^  scroll: \d+$/m, `  scroll: ${scroll}`));

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    const browser = await launchBrowser();
    try {
      // A first crawl scrolls the whole list, so it stores ads far further down than the endless crawl
      // will scroll (a budget of 2 left too small a margin on a loaded machine).
      setSwipe(`${env.url}/swipe/`, 40);
      app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
      await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source: 'mensenhandel-swipe' });
      setSwipe(`${env.url}/swipe/?hostile=endless`, 1);
      endless = await runCrawl({ ...app, config: loadConfig(env.configDir), browser, log: silentLog },
        { theme: 'mensenhandel', source: 'mensenhandel-swipe' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const storedSwipeAds = async () => {
    const ads = await Promise.all(truth.ads.filter((a) => a.platform === 'swipe')
      .map((a) => app.store.getAd(adId('mensenhandel', a.url), ['mensenhandel'])));
    return ads.filter((a) => a !== null);
  };

  it('completes the crawl after the scroll budget, capturing only what was listed', async () => {
    assert.equal(endless.failed, 0);
    assert.ok(endless.captured > 0);
    assert.ok(endless.captured < truth.ads.filter((a) => a.platform === 'swipe').length, `${endless.captured} captured`);
  });

  it('marks no ad gone that the endless crawl left unlisted', async () => {
    const stored = await storedSwipeAds();
    const unlisted = stored.filter((a) => a.sightings === 1);
    assert.ok(unlisted.length > 0, 'the first crawl stored ads the endless crawl did not scroll to');
    assert.deepEqual(stored.filter((a) => a.goneAt !== null).map((a) => a.url), []);
  });
});
