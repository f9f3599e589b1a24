// Crawl throughput on the demo platforms, against a baseline measured in the same run: a bare
// Playwright visit + full-page screenshot of the same ad pages, with the same concurrency. The
// per-host politeness delay is set to 0 here: it is a deliberate throttle, not the engine's cost,
// and the baseline has none.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { openApp } from '../src/app.ts';
import { launchChromium } from '../src/capture/browser.ts';
import { captureBrowser } from '../src/capture/capture-session.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { forEachBounded } from '../src/crawl/pacing.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv } from '../test/demo-env.ts';

export interface BenchResult {
  name: string; ads: number; seconds: number; adsPerSecond: number; ratio?: number;
  /** Latency benchmarks: per-request percentiles, in milliseconds. */
  p50Ms?: number; p95Ms?: number;
}

export async function crawlBench(): Promise<BenchResult[]> {
  const env = await startDemoEnv({ edit: withoutPoliteness });
  // One Chromium for the baseline and for Baken, so both pay the same browser.
  const browser = await launchChromium();
  try {
    const truth = await env.truth();
    const config = loadConfig(env.configDir);
    const concurrency = [...config.sources.values()][0]!.crawl.concurrency;
    const urls = truth.ads.map((a) => a.url);

    const t0 = performance.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'velvet_age', value: 'ok', url: env.url }]);
    await forEachBounded(urls, concurrency, async (url) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.screenshot({ fullPage: true, type: 'png' });
      await page.close();
    });
    await context.close();
    const baseline = (performance.now() - t0) / 1000;

    const results: BenchResult[] = [{ name: 'bare playwright: visit + png screenshot', ads: urls.length, seconds: baseline, adsPerSecond: urls.length / baseline }];
    for (const theme of ['mensenhandel', 'toezicht']) {
      const app = await openApp({ dataDir: `${env.dataDir}-${theme}`, config });
      try {
        const s = await runCrawl({ ...app, browser: captureBrowser(browser, launchChromium), log: silentLog }, { theme });
        const seconds = s.durationMs / 1000;
        results.push({ name: `baken crawl --theme ${theme} (discover, capture, extract, analyse, gate, store)`, ads: s.captured, seconds, adsPerSecond: s.captured / seconds, ratio: (s.captured / seconds) / (urls.length / baseline) });
      } finally { await app.close(); }
    }
    return results;
  } finally {
    await browser.close();
    await env.close();
  }
}

function withoutPoliteness(configDir: string): void {
  for (const f of readdirSync(join(configDir, 'sources'))) appendFileSync(join(configDir, 'sources', f), '\ncrawl:\n  delayMs: 0\n');
}
