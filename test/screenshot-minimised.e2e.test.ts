// Minimisation at the source: the gate judges an ad from its rendered page before the screenshot is
// taken, so an ad it deletes is never rendered to an image at all, and every ad it may keep is.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../src/analyse/assess.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { gateDecision } from '../src/analyse/staging.ts';
import { openApp, type App } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import type { CaptureBrowser } from '../src/capture/capture-session.ts';
import { loadConfig } from '../src/config/load.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

/** The browser the crawler is given, noting for each ad URL whether its capture held a screenshot. */
function noting(browser: CaptureBrowser, screenshots: Map<string, boolean>): CaptureBrowser {
  return {
    async openSession(opts) {
      const session = await browser.openSession(opts);
      return {
        ...session,
        async capture(tab, url, options) {
          const capture = await session.capture(tab, url, options);
          screenshots.set(url, capture.screenshot !== null);
          return capture;
        },
      };
    },
    close: () => browser.close(),
  };
}

describe('the screenshot of an ad the gate deletes', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let summary: CrawlSummary;
  const screenshots = new Map<string, boolean>();

  before(async () => {
    // The bundled profile stages every ad (five cross-ad links could lift any ad to its threshold of
    // 2); without them, and at 3, the gate can tell at once which ads it deletes.
    env = await startDemoEnv({
      size: 'small',
      edit: (dir) => {
        const file = join(dir, 'profiles/mensenhandel.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}# Cross-ad indicators[\s\S]*$/, '\n').replace(/^threshold: 2$/m, 'threshold: 3'));
      },
    });
    truth = await env.truth();
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = noting(await launchBrowser(), screenshots);
    try {
      summary = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source: 'mensenhandel-classic' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  it('is never taken, while every ad the gate may keep has its screenshot', () => {
    const profile = compileProfile(app.config.profiles.get(app.config.themes.get('mensenhandel')!.profile)!);
    const classic = truth.ads.filter((a) => a.platform === 'classic');
    assert.equal(summary.failed, 0);
    assert.equal(screenshots.size, classic.length, 'every ad captured once');
    const expected = new Map(classic.map((a) => [a.url, gateDecision(profile, assess(profile, a.fields)) !== 'delete']));
    assert.deepEqual(screenshots, expected);
    const taken = [...screenshots.values()].filter(Boolean).length;
    assert.ok(taken > 0 && taken < classic.length, `${taken} of ${classic.length} ads rendered to an image: the gate must both keep and delete`);
  });
});
