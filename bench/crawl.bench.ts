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
import { storedBytes } from './stored-bytes.ts';
import type { PhotoMode } from '../demo/photo-heavy.ts';

export interface BenchResult {
  name: string; ads: number; seconds: number; adsPerSecond: number; ratio?: number;
  /** Latency benchmarks: per-request percentiles, in milliseconds. */
  p50Ms?: number; p95Ms?: number;
}

const GOAL_RATIO = 1.5;

export function crawlBench(): Promise<BenchResult[]> {
  return crawlPagesBench('light');
}

/** Photo-heavy pages (demo/photo-heavy.ts): eight camera-size photos per ad, long pages. The small
 *  world (53 ads) keeps the photos' drawing, about 150 ms each, to about a minute. */
export function crawlPhotosBench(): Promise<BenchResult[]> {
  return crawlPagesBench('heavy');
}

async function crawlPagesBench(photos: PhotoMode): Promise<BenchResult[]> {
  const env = await startDemoEnv({ edit: withoutPoliteness, photos, size: photos === 'heavy' ? 'small' : 'default' });
  // One Chromium for the baseline and for Baken, so both pay the same browser.
  const browser = await launchChromium();
  try {
    const truth = await env.truth();
    const config = loadConfig(env.configDir);
    const concurrency = [...config.sources.values()][0]!.crawl.concurrency;
    const urls = truth.ads.map((a) => a.url);
    // The demo server draws each photo on its first request; nobody should pay for that in the clock.
    await forEachBounded([...new Set(truth.ads.flatMap((a) => a.fields.images))], 2, async (u) => { await (await fetch(u)).arrayBuffer(); });
    const pages = photos === 'heavy' ? ' photo-heavy pages' : '';

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
      { name: `crawlee PlaywrightCrawler${pages}: visit + png screenshot + save html (baseline, concurrency ${concurrency})`, ads: urls.length, seconds: peer, adsPerSecond: peerRate },
      { name: 'bare playwright: visit + png screenshot', ads: urls.length, seconds: baseline, adsPerSecond: urls.length / baseline, ratio: (urls.length / baseline) / peerRate },
    ];
    for (const theme of ['mensenhandel', 'toezicht']) {
      const app = await openApp({ dataDir: `${env.dataDir}-${theme}`, config });
      try {
        const s = await runCrawl({ ...app, browser: captureBrowser(browser, launchChromium), log: silentLog }, { theme });
        const seconds = s.durationMs / 1000;
        results.push({ name: `baken crawl --theme ${theme}${pages} (discover, capture, extract, analyse, gate, store)`, ads: s.captured, seconds, adsPerSecond: s.captured / seconds, ratio: (s.captured / seconds) / peerRate });
        const bytes = await storedBytes(app.blobs);
        if (bytes.captured > 0) {
          console.log(`${theme}${pages}: ${bytes.kept} kept ads, ${mb(bytes.written / bytes.kept)} MB written per kept ad, `
            + `${mb(bytes.captured / bytes.kept)} MB unique captured (page, screenshot, photos): ×${(bytes.written / bytes.captured).toFixed(2)} (goal ≤ 1.1)`);
        }
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

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

function withoutPoliteness(configDir: string): void {
  for (const f of readdirSync(join(configDir, 'sources'))) appendFileSync(join(configDir, 'sources', f), '\ncrawl:\n  delayMs: 0\n');
}
