// The crawl benchmark's peer: a plain Crawlee PlaywrightCrawler that visits each ad URL, takes a
// full-page lossless PNG and saves it with the rendered HTML, with our Chromium and concurrency.
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Configuration, log, LogLevel, PlaywrightCrawler } from '@crawlee/playwright';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/capture/browser.ts';

/** Seconds the peer took for `urls`; `cookie` passes the demo's age wall as Baken's source config does. */
export async function crawleePeer(urls: string[], concurrency: number, cookie: { name: string; value: string; url: string }): Promise<number> {
  // Its progress lines would bury the benchmark's own figures.
  log.setLevel(LogLevel.WARNING);
  const out = mkdtempSync(join(tmpdir(), 'baken-crawlee-peer-'));
  try {
    const crawler = new PlaywrightCrawler({
      launchContext: {
        launcher: chromium,
        // Our Chromium with our flags and window, and no fingerprint noise: the same browser doing the same work.
        launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true, viewport: { width: 1280, height: 900 } },
      },
      browserPoolOptions: { useFingerprints: false },
      minConcurrency: concurrency, maxConcurrency: concurrency,
      maxRequestRetries: 0,
      preNavigationHooks: [async ({ page }) => { await page.context().addCookies([cookie]); }],
      requestHandler: async ({ page, request }) => {
        const key = request.id!;
        const [png, html] = await Promise.all([page.screenshot({ fullPage: true, type: 'png' }), page.content()]);
        await Promise.all([writeFile(join(out, `${key}.png`), png), writeFile(join(out, `${key}.html`), html)]);
      },
    }, new Configuration({ persistStorage: false, purgeOnStart: true }));
    const t0 = performance.now();
    const stats = await crawler.run(urls);
    const seconds = (performance.now() - t0) / 1000;
    if (stats.requestsFinished !== urls.length) throw new Error(`crawlee peer: ${stats.requestsFinished} of ${urls.length} pages done`);
    return seconds;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
