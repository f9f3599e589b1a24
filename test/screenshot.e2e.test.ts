// The fast screenshot path (DevTools `optimizeForSpeed`) must stay lossless: decoded, its pixels are
// those of Playwright's own full-page PNG of the same page. And a long page's lazy pictures are all in it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '../src/capture/browser.ts';
import { capturePage, openCaptureTab, type CaptureOptions } from '../src/capture/capture-page.ts';

// Text, gradients and noise drawn from a fixed seed, so two captures of the page paint the same pixels.
const page = (height: number) => `<!doctype html><html><body style="margin:0;font:16px serif">
  <div style="height:${height}px;background:linear-gradient(160deg,#f0e 0%,#0af 45%,#fa0 100%)">
    ${Array.from({ length: 40 }, (_, i) => `<p style="margin:0 0 8px ${i * 7}px">Advertentie ${i}: zonnig, discreet — ëéï 0612345678</p>`).join('')}
    <canvas id="c" width="600" height="400"></canvas>
  </div>
  <script>
    const g = document.getElementById('c').getContext('2d'); let s = 7;
    for (let i = 0; i < 3000; i++) { s = (s * 16807) % 2147483647; g.fillStyle = '#' + (s % 0xffffff).toString(16).padStart(6, '0'); g.fillRect(s % 600, (s >> 8) % 400, 3, 3); }
  </script></body></html>`;

// Pictures far apart down a long page, loaded only once in view: by a script watching them, as most
// ad sites do, and by the browser itself (loading="lazy").
const LAZY_PICTURES = 12;
const lazyPage = `<!doctype html><html><body style="margin:0">
  ${Array.from({ length: LAZY_PICTURES }, (_, i) => i % 2
    ? `<div style="height:1000px"><img loading="lazy" src="/img/${i}.png" width="300" height="200"></div>`
    : `<div style="height:1000px"><img data-src="/img/${i}.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="300" height="200"></div>`).join('')}
  <script>
    const seen = new IntersectionObserver((entries) => entries.filter((e) => e.isIntersecting).forEach((e) => {
      e.target.src = e.target.dataset.src; seen.unobserve(e.target);
    }));
    document.querySelectorAll('img[data-src]').forEach((img) => seen.observe(img));
  </script></body></html>`;

const OPTIONS: CaptureOptions = { timeoutMs: 10_000, maxPageBytes: 5_000_000, screenshot: 'png', softwareVersion: 'test', method: 'test' };

describe('the full-page PNG screenshot', { timeout: 120_000 }, () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    const picture = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c05' } }).png().toBuffer();
    server = createServer((req, res) => {
      if (req.url!.startsWith('/img/')) {
        res.setHeader('content-type', 'image/png');
        res.end(picture);
        return;
      }
      if (req.url === '/lazy') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(lazyPage);
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page(Number(new URL(req.url!, 'http://x').searchParams.get('height'))));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => { await browser?.close(); server?.close(); });

  const pixels = async (png: Buffer) => {
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  };

  it('holds exactly the pixels of Playwright\'s full-page PNG, for a page taller than the window', async () => {
    const tab = await openCaptureTab(context);
    const capture = await capturePage(tab, `${base}/?height=2600`, OPTIONS);
    const reference = await tab.screenshot({ fullPage: true, type: 'png' });
    const [fast, slow] = await Promise.all([pixels(capture.screenshot!), pixels(reference)]);
    assert.equal(capture.screenshot!.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([fast.width, fast.height], [1280, 2600]);
    assert.deepEqual([fast.width, fast.height], [slow.width, slow.height]);
    assert.ok(fast.data.equals(slow.data), 'same pixels');
    await tab.close();
  });

  it('cuts an endless page off at 16,000 pixels', async () => {
    const tab = await openCaptureTab(context);
    const capture = await capturePage(tab, `${base}/?height=40000`, OPTIONS);
    const { width, height } = await pixels(capture.screenshot!);
    assert.deepEqual([width, height], [1280, 16_000]);
    await tab.close();
  });

  it('holds every lazy picture of a long page, and leaves the window as it was', async () => {
    const tab = await openCaptureTab(context);
    const capture = await capturePage(tab, `${base}/lazy`, OPTIONS);
    const urls = Array.from({ length: LAZY_PICTURES }, (_, i) => `${base}/img/${i}.png`);
    assert.deepEqual([...capture.images.keys()].sort(), urls.sort());
    const { height } = await pixels(capture.screenshot!);
    assert.equal(height, LAZY_PICTURES * 1000);
    assert.deepEqual(await tab.evaluate(() => [window.innerWidth, window.innerHeight]), [1280, 900]);
    await tab.close();
  });

  it('asks with the rendered page before taking the screenshot, and takes none where the answer is no', async () => {
    const tab = await openCaptureTab(context);
    const asked: [string, string][] = [];
    const url = `${base}/?height=2600`;
    const dropped = await capturePage(tab, url, { ...OPTIONS, screenshotIf: (html, finalUrl) => { asked.push([html, finalUrl]); return false; } });
    assert.equal(dropped.screenshot, null);
    assert.deepEqual(asked, [[dropped.html, url]]);
    assert.match(dropped.html, /Advertentie 39/);
    const kept = await capturePage(tab, url, { ...OPTIONS, screenshotIf: () => true });
    assert.equal((await pixels(kept.screenshot!)).height, 2600);
    await tab.close();
  });
});

