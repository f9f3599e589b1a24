// What only a browser shows: Swipe's app, Velvet's gate and lazy pictures. Runs headless Chromium
// (skipped where the operating system has none) and reads rendered pages with the bundled extractor.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { extract, rulesOf } from './reference-extract.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { Truth } from './truth.ts';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
let server: DemoServer;
let browser: Browser;
let page: Page;
let truth: Truth;

before(async () => {
  if (skip) return;
  server = await startDemoServer({ port: 0 });
  truth = await (await fetch(`${server.url}/_truth.json`)).json() as Truth;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function scrollCards(steps: number): Promise<string[]> {
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(60);
  }
  return page.locator('a.card').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
}

test('loads every swipe ad while scrolling, and then stops', { skip }, async () => {
  await page.goto(`${server.url}/swipe/`);
  await page.waitForSelector('a.card');
  assert.ok(await page.locator('a.card').count() < 40, 'expected only the first cards before scrolling');
  const hrefs = await scrollCards(40);
  await page.waitForSelector('#app[data-state=ready]');
  assert.deepEqual(hrefs.map((h) => server.url + h), truth.ads.filter((a) => a.platform === 'swipe').map((a) => a.url));
});

test('keeps adding cards with ?hostile=endless', { skip }, async () => {
  await page.goto(`${server.url}/swipe/?hostile=endless`);
  await page.waitForSelector('a.card');
  const hrefs = await scrollCards(40);
  assert.ok(hrefs.length > truth.ads.filter((a) => a.platform === 'swipe').length, `only ${hrefs.length} cards`);
});

test('the swipe extractor reads rendered detail pages as the truth has them', { skip }, async () => {
  const rules = rulesOf('swipe');
  for (const ad of truth.ads.filter((a) => a.platform === 'swipe').slice(0, 15)) {
    await page.goto(ad.url);
    await page.waitForSelector('#app[data-state=ready]');
    assert.deepEqual(extract(await page.content(), rules, ad.url), ad.fields, ad.id);
  }
});

test('lets the velvet gate button set the cookie and show the list', { skip }, async () => {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  try {
    await fresh.goto(`${server.url}/velvet/`);
    assert.equal(await fresh.locator('a[href^="/velvet/ad/"]').count(), 0);
    await Promise.all([fresh.waitForEvent('load'), fresh.click('#enter')]);
    assert.ok(await fresh.locator('a[href^="/velvet/ad/"]').count() > 0);
    assert.ok((await context.cookies()).some((c) => c.name === 'velvet_age' && c.value === 'ok'));
  } finally {
    await context.close();
  }
});

test('loads velvet pictures only once they scroll into view', { skip }, async () => {
  await page.context().addCookies([{ name: 'velvet_age', value: 'ok', url: server.url }]);
  await page.goto(`${server.url}/velvet/`);
  const last = page.locator('table.roster img').last();
  await page.waitForTimeout(200);
  assert.equal(await last.getAttribute('src'), '/velvet/blank.gif');
  await last.scrollIntoViewIfNeeded();
  await page.waitForFunction((img) => img?.getAttribute('src')?.startsWith('/img/'), await last.elementHandle());
  assert.equal(await last.getAttribute('src'), await last.getAttribute('data-src'));
});
