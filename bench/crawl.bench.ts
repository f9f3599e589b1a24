// Crawl throughput on the demo platforms, against a baseline measured in the same run: a plain Crawlee
// PlaywrightCrawler (bench/crawlee-peer.ts) that visits the same ad pages, takes a full-page PNG and
// saves it with the HTML, with the same Chromium and concurrency. A bare Playwright visit + full-page
// PNG is measured too. The per-host politeness delay is set to 0 here: it is a deliberate throttle,
// not the engine's cost, and the peers have none.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { openApp } from '../src/app.ts';
import { launchChromium } from '../src/capture/browser.ts';
import { captureBrowser } from '../src/capture/capture-session.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { forEachBounded } from './for-each-bounded.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv } from '../test/demo-env.ts';
import { crawleePeer } from './crawlee-peer.ts';

export interface BenchResult {
  name: string; ads: number; seconds: number; adsPerSecond: number; ratio?: number;
  /** Latency benchmarks: per-request percentiles, in milliseconds. */
  p50Ms?: number; p95Ms?: number;
}

const GOAL_RATIO = 1.5;

export async function crawlBench(): Promise<BenchResult[]> {
  const env = await startDemoEnv({ edit: withoutPoliteness });
  // One Chromium for the baseline and for Baken, so both pay the same browser.
  const browser = await launchChromium();
  try {
    const truth = await env.truth();
    const config = loadConfig(env.configDir);
    const concurrency = [...config.sources.values()][0]!.crawl.concurrency;
    const urls = truth.ads.map((a) => a.url);

    const ageWall = { name: 'velvet_age', value: 'ok', url: env.url };
    const peer = await crawleePeer(urls, concurrency, ageWall);

    const t0 = performance.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([ageWall]);
    await forEachBounded(urls, concurrency, async (url) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.screenshot({ fullPage: true, type: 'png' });
      await page.close();
    });
    await context.close();
    const baseline = (performance.now() - t0) / 1000;

    const peerRate = urls.length / peer;
    const results: BenchResult[] = [
      { name: `crawlee PlaywrightCrawler: visit + png screenshot + save html (baseline, concurrency ${concurrency})`, ads: urls.length, seconds: peer, adsPerSecond: peerRate },
      { name: 'bare playwright: visit + png screenshot', ads: urls.length, seconds: baseline, adsPerSecond: urls.length / baseline, ratio: (urls.length / baseline) / peerRate },
    ];
    for (const theme of ['mensenhandel', 'toezicht']) {
      const app = await openApp({ dataDir: `${env.dataDir}-${theme}`, config });
      try {
        const s = await runCrawl({ ...app, browser: captureBrowser(browser, launchChromium), log: silentLog }, { theme });
        const seconds = s.durationMs / 1000;
        results.push({ name: `baken crawl --theme ${theme} (discover, capture, extract, analyse, gate, store)`, ads: s.captured, seconds, adsPerSecond: s.captured / seconds, ratio: (s.captured / seconds) / peerRate });
      } finally { await app.close(); }
    }
    const first = results[2]!;
    console.log(`goal ≥ ${GOAL_RATIO}× the Crawlee peer: ×${first.ratio!.toFixed(2)} — ${first.ratio! >= GOAL_RATIO ? 'met' : 'missed'}`);
    return results;
  } finally {
    await browser.close();
    await env.close();
  }
}

function withoutPoliteness(configDir: string): void {
  for (const f of readdirSync(join(configDir, 'sources'))) appendFileSync(join(configDir, 'sources', f), '\ncrawl:\n  delayMs: 0\n');
}
