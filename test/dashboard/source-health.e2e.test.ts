// Source health on the admin pages in real Chromium against `baken serve`: after the demo crawl,
// Rosebud is redesigned (every class on its ad pages renamed) and crawled again; the admin sees the
// source's yield alert and the drop in its extractor yield. Works on a private copy of the crawl.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { openApp } from '../../src/app.ts';
import { launchBrowser } from '../../src/capture/browser.ts';
import { loadConfig } from '../../src/config/load.ts';
import { runCrawl, type CrawlSummary } from '../../src/crawl/run-crawl.ts';
import { silentLog } from '../../src/log.ts';
import { ACCOUNTS, keepScreenshot, openBrowser, privateDemoData, problemsOf, seriousViolations, serveDashboard, signIn, type PrivateDemoData, type Served, type Ui } from './harness.ts';

const SOURCE = 'toezicht-classic';

describe('dashboard: source health', () => {
  let data: PrivateDemoData;
  let sites: DemoServer;
  let changed: CrawlSummary;
  let served: Served;
  let ui: Ui;
  let page: Page;

  before(async () => {
    data = await privateDemoData('source-health');
    sites = await startDemoServer({ port: 0 });
    sites.setRestyled(true);
    const file = join(data.configDir, `sources/${SOURCE}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/http:\/\/127\.0\.0\.1:\d+/g, sites.url));
    const app = await openApp({ dataDir: data.dataDir, config: loadConfig(data.configDir) });
    const browser = await launchBrowser();
    try {
      changed = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht', source: SOURCE });
    } finally {
      await browser.close();
      await app.close();
      await sites.close();
    }
    served = await serveDashboard(data);
    ui = await openBrowser();
    page = await ui.newPage();
    await signIn(page, served.url, ACCOUNTS.admin);
  });
  after(async () => {
    await ui?.close();
    await served?.stop();
    data?.remove();
  });

  test('the admin sees the redesigned source\'s yield alert, and the other sources fine', async () => {
    assert.ok(changed.captured > 0 && changed.kept === 0, `the redesigned crawl keeps nothing: ${JSON.stringify(changed)}`);
    await page.getByRole('link', { name: 'Bronstatus' }).click();
    await page.waitForURL(/\/admin\/health$/);
    const alert = page.getByRole('alert').filter({ hasText: 'Rosebud' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /titel en tekst nog maar op 0% van de advertentiepagina's \(gewoonlijk 100%\)[\s\S]*Lege advertenties zijn niet bewaard/);
    const row = page.locator('table.source-health tbody tr').filter({ hasText: SOURCE });
    assert.match(await row.innerText(), /toezicht[\s\S]*0%\s+100%\s+opbrengst gedaald/);
    const others = await page.locator('table.source-health tbody tr').filter({ hasNotText: SOURCE }).allInnerTexts();
    assert.ok(others.length >= 2 && others.every((r) => r.includes('in orde')), others.join('\n'));
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problemsOf(page), []);
    await keepScreenshot(page, 'source-health');
  });
});
