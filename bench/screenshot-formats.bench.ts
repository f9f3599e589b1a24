// Which lossless format a full-page screenshot of a photo-heavy page should be stored in (issue 17.3).
// One tab, one page at a time, the same DevTools call Baken makes (src/capture/capture-page.ts), on
// the tall photo-heavy Rosebud pages (demo/photo-heavy.ts). Each way is timed from the request to the
// bytes in hand, and its pixels are decoded and compared with the default PNG's: a way that changes a
// pixel is not lossless, whatever its name says. Baseline: the PNG at Chromium's default setting.
import sharp from 'sharp';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../src/capture/browser.ts';
import { startDemoEnv } from '../test/demo-env.ts';
import type { BenchResult } from './crawl.bench.ts';

/** Each page is captured six ways and decoded six times (~10 Mpx each): a few pages take minutes. */
const PAGES = 3;
const TILE_HEIGHT = 4096;

interface Clip { width: number; height: number }
interface Way { name: string; take(devtools: CDPSession, clip: Clip): Promise<Buffer[]> }

const capture = async (devtools: CDPSession, clip: Clip & { y?: number }, params: Record<string, unknown>): Promise<Buffer> => {
  const { data } = await devtools.send('Page.captureScreenshot', {
    ...params, captureBeyondViewport: true, clip: { x: 0, y: clip.y ?? 0, width: clip.width, height: clip.height, scale: 1 },
  });
  return Buffer.from(data, 'base64');
};

const WAYS: Way[] = [
  { name: 'PNG, Chromium default zlib (baseline)', take: async (d, c) => [await capture(d, c, { format: 'png' })] },
  { name: 'PNG, optimizeForSpeed (Baken today)', take: async (d, c) => [await capture(d, c, { format: 'png', optimizeForSpeed: true })] },
  { name: `PNG tiles of ${TILE_HEIGHT} px, optimizeForSpeed`, take: async (d, c) => {
    const tiles: Buffer[] = [];
    for (let y = 0; y < c.height; y += TILE_HEIGHT) tiles.push(await capture(d, { width: c.width, y, height: Math.min(TILE_HEIGHT, c.height - y) }, { format: 'png', optimizeForSpeed: true }));
    return tiles;
  } },
  { name: 'WebP through DevTools, quality 100', take: async (d, c) => [await capture(d, c, { format: 'webp', quality: 100 })] },
  { name: 'PNG optimizeForSpeed, then lossless WebP (sharp, effort 0)', take: async (d, c) => [await sharp(await capture(d, c, { format: 'png', optimizeForSpeed: true }), { limitInputPixels: false }).webp({ lossless: true, effort: 0 }).toBuffer()] },
  { name: 'JPEG quality 80 (lossy: for comparison only)', take: async (d, c) => [await capture(d, c, { format: 'jpeg', quality: 80, optimizeForSpeed: true })] },
];

export async function screenshotFormatsBench(): Promise<BenchResult[]> {
  const env = await startDemoEnv({ photos: 'heavy', size: 'small' });
  const browser = await launchChromium();
  try {
    const urls = (await env.truth()).ads.filter((a) => a.platform === 'classic').slice(0, PAGES).map((a) => a.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const devtools = await page.context().newCDPSession(page);
    const totals = WAYS.map(() => ({ ms: 0, bytes: 0, lossless: true }));
    let pixels = 0;
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' });
      const clip = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
      pixels += clip.width * clip.height;
      let reference: Buffer | undefined;
      for (const [i, way] of WAYS.entries()) {
        const t0 = performance.now();
        const parts = await way.take(devtools, clip);
        totals[i]!.ms += performance.now() - t0;
        totals[i]!.bytes += parts.reduce((n, p) => n + p.length, 0);
        const decoded = await decode(parts);
        reference ??= decoded;
        if (!decoded.equals(reference)) totals[i]!.lossless = false;
      }
    }
    const baseline = totals[0]!;
    console.log(`${urls.length} photo-heavy pages, ${(pixels / urls.length / 1e6).toFixed(1)} Mpx each on average`);
    for (const [i, way] of WAYS.entries()) {
      const t = totals[i]!;
      console.log(`${way.name.padEnd(62)} ${(t.ms / urls.length).toFixed(0).padStart(6)} ms/page  ${(t.bytes / urls.length / 1e6).toFixed(2).padStart(6)} MB/page`
        + `  time ×${(t.ms / baseline.ms).toFixed(2)}  size ×${(t.bytes / baseline.bytes).toFixed(2)}  ${t.lossless ? 'lossless' : 'CHANGES PIXELS'}`);
    }
    return WAYS.map((way, i) => ({
      name: `screenshot: ${way.name}`, ads: urls.length, seconds: totals[i]!.ms / 1000,
      adsPerSecond: urls.length / (totals[i]!.ms / 1000), ratio: baseline.ms / totals[i]!.ms,
    }));
  } finally {
    await browser.close();
    await env.close();
  }
}

/** The pixels of one screenshot, or of its tiles stacked in order, as raw RGB. */
async function decode(parts: Buffer[]): Promise<Buffer> {
  const raws = await Promise.all(parts.map((p) => sharp(p, { limitInputPixels: false }).removeAlpha().raw().toBuffer()));
  return Buffer.concat(raws);
}
