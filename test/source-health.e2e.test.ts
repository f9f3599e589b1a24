// A changed page structure: Rosebud renames every class on its ad pages between two crawls of the
// municipal theme, whose profile keeps every ad (threshold 0). The second run keeps none of the
// empty ads, counts them deleted with the cause, and raises a per-source yield alert that the
// admin's source health and the metrics show.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { loadConfig } from '../src/config/load.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv, type DemoEnv } from './demo-env.ts';

const SOURCE = 'toezicht-classic';

describe('a source whose page structure changed', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let app: App;
  let normal: CrawlSummary;
  let changed: CrawlSummary;

  before(async () => {
    env = await startDemoEnv({
      size: 'small',
      edit: (dir) => {
        const file = join(dir, `sources/${SOURCE}.yaml`);
        writeFileSync(file, `${readFileSync(file, 'utf8')}\ncrawl:\n  delayMs: 0\n`);
      },
    });
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      normal = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht', source: SOURCE });
      env.setRestyled(true);
      changed = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht', source: SOURCE });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  it('keeps every ad of the normal crawl, which raises no alert', async () => {
    assert.ok(normal.captured > 0);
    assert.equal(normal.kept, normal.captured, 'the municipal profile keeps every ad');
    assert.ok(!(await app.store.alerts('toezicht')).some((a) => a.runId === normal.run));
  });

  it('keeps none of the empty ads of the changed pages and counts them deleted, with the cause', async () => {
    assert.equal(changed.captured, normal.captured, 'every page still answers');
    assert.equal(changed.kept, 0);
    assert.equal(changed.deleted, changed.captured);
    const yields = (await app.store.extractionYields('toezicht')).filter((y) => y.runId === changed.run);
    assert.deepEqual(yields, [{ runId: changed.run, source: SOURCE, complete: 0, partial: 0, empty: changed.captured }]);
    assert.deepEqual((await app.store.evidence()).filter((c) => c.runId === changed.run), [], 'no capture stored from the changed run');
  });

  it('raises a yield alert for the source against its usual yield', async () => {
    const alerts = (await app.store.alerts('toezicht')).filter((a) => a.runId === changed.run);
    assert.equal(alerts.length, 1);
    assert.deepEqual({ ...alerts[0], raisedAt: undefined }, {
      theme: 'toezicht', source: SOURCE, runId: changed.run, kind: 'yield-drop', yield: 0, baseline: 1, floor: 0.5, raisedAt: undefined,
    });
  });
});
