// Hostile pages are recorded as failures and the crawl goes on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
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
