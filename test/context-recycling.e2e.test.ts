// A capture session hands its captures to a fresh browser context after every `recycleAfter` pages,
// so a long crawl does not grow Chromium's memory; cookies a page set (an age wall passed) go along.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../src/capture/browser.ts';
import { captureBrowser } from '../src/capture/capture-session.ts';
import { sourceSchema, type Source } from '../src/config/schema.ts';
import { addressPolicy } from '../src/domain/private-addresses.ts';

/** A source whose sessions recycle their context after `recycleAfter` captures. */
const source = (start: string, recycleAfter: number): Source => sourceSchema.parse({
  id: 'test', theme: 'test', name: 'test', start, extractor: 'test', discover: { ads: '^/ad/' }, crawl: { recycleAfter },
});

const OPTIONS = { timeoutMs: 10_000, maxPageBytes: 5_000_000, screenshot: 'none', softwareVersion: 'test' } as const;

describe('browser contexts recycled after a number of pages', { timeout: 120_000 }, () => {
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async () => {
    // Each page shows the cookie the browser sent and sets it on the first visit: an age wall.
    server = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('set-cookie', 'age=ok; Path=/');
      res.end(`<!doctype html><p id="cookie">${req.headers.cookie ?? 'none'}</p><p>${req.url}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => { await browser?.close(); server?.close(); });

  it('keeps at most one context besides the current one, passes cookies on, and captures every page', async () => {
    const session = await captureBrowser(browser, launchChromium).openSession({ tabs: 2, theme: 'test', addresses: addressPolicy(['127.0.0.0/8']), source: source(base, 3) });
    const urls = Array.from({ length: 14 }, (_, i) => `${base}/ad/${i}`);
    const open = new Set<number>();
    const seen = new Set(browser.contexts());
    let next = 0;
    const htmls = new Map<string, string>();
    await Promise.all([0, 1].map(async (tab) => {
      while (next < urls.length) {
        const url = urls[next++]!;
        htmls.set(url, (await session.capture(tab, url, OPTIONS)).html);
        open.add(browser.contexts().length);
        for (const c of browser.contexts()) seen.add(c);
      }
    }));
    assert.deepEqual([...htmls.keys()].sort(), [...urls].sort());
    assert.ok(Math.max(...open) <= 2, `contexts open at once: ${[...open].join(', ')}`);
    assert.ok(seen.size >= 4, `14 pages, 3 per context: ${seen.size} contexts`);
    // Every page after the first was sent the cookie, also those captured in a later context.
    for (const url of urls.slice(2)) assert.match(htmls.get(url)!, /<p id="cookie">age=ok<\/p>/, url);
    await session.close();
    assert.equal(browser.contexts().length, 0);
  });

  it('uses one context for the whole session when it captures fewer pages than recycleAfter', async () => {
    const session = await captureBrowser(browser, launchChromium).openSession({ tabs: 1, theme: 'test', addresses: addressPolicy(['127.0.0.0/8']), source: source(base, 200) });
    const first = browser.contexts()[0];
    for (let i = 0; i < 5; i++) await session.capture(0, `${base}/ad/${i}`, OPTIONS);
    assert.deepEqual(browser.contexts(), [first]);
    await session.close();
  });
});
