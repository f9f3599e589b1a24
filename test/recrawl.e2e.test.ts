// Re-crawls of all three platforms: day 1, then day 2 of the same demo world. An unchanged ad adds a
// sighting, a changed one a new version, a new one is stored, an ad no longer listed is marked gone —
// all as the platforms' truth says, on paginated, infinite-scroll and age-gated listings alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { verifyEvidence } from '../src/evidence/verify.ts';
import { silentLog } from '../src/log.ts';
import { expectedKept, startDemoEnv, type DemoEnv, type ExpectedCrawl, type Truth, type TruthAd } from './demo-env.ts';

describe('re-crawling the demo platforms a day later', { timeout: 15 * 60_000 }, () => {
  let env: DemoEnv;
  let app: App;
  let day1: Truth;
  let day2: Truth;
  const expected = new Map<Truth, ExpectedCrawl>();

  before(async () => {
    env = await startDemoEnv({ day: 1 });
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    const crawl = () => runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel' });
    try {
      day1 = await env.truth();
      expected.set(day1, await expectedKept(env, day1));
      await crawl();
      env.setDay(2);
      day2 = await env.truth();
      expected.set(day2, await expectedKept(env, day2, { known: expected.get(day1)!.kept }));
      await crawl();
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  /** The ads the analysis of a day's truth keeps, as the crawl of that day should. */
  const keptOn = (t: Truth) => new Map(t.ads.filter((a) => expected.get(t)!.ids.has(a.id)).map((a) => [a.id, a]));
  const stored = (ad: TruthAd) => app.store.getAd(adId('mensenhandel', ad.url), ['mensenhandel']);

  it('adds a sighting, not a copy, for an ad that did not change', async () => {
    const same = [...keptOn(day1).values()].filter((a) => keptOn(day2).get(a.id)?.version === a.version);
    assert.ok(same.length > 10);
    for (const ad of same) {
      const s = (await stored(ad))!;
      assert.deepEqual({ version: s.version, sightings: s.sightings, goneAt: s.goneAt }, { version: 1, sightings: 2, goneAt: null }, ad.id);
    }
  });

  it('stores a new version of an ad that changed, and both versions can be listed', async () => {
    const changed = [...keptOn(day1).values()].filter((a) => { const b = keptOn(day2).get(a.id); return b && b.version !== a.version; });
    assert.ok(changed.length > 0, 'the demo world changes some kept ads between day 1 and 2');
    for (const ad of changed) {
      const s = (await stored(ad))!;
      assert.equal(s.version, 2, ad.id);
      const versions = await app.store.versions(s.id, ['mensenhandel']);
      assert.deepEqual(versions.map((v) => v.version), [1, 2]);
      assert.equal(versions[1]!.fields.text?.replace(/\s+/g, ' '), keptOn(day2).get(ad.id)!.fields.text.replace(/\s+/g, ' '));
    }
  });

  it('marks an ad that is no longer listed as gone, keeping when it was last seen', async () => {
    const listed2 = new Set(day2.ads.map((a) => a.id));
    const goneAds = [...keptOn(day1).values()].filter((a) => !listed2.has(a.id));
    assert.ok(goneAds.length > 0, 'the demo world removes some kept ads by day 2');
    for (const ad of goneAds) {
      const s = (await stored(ad))!;
      assert.ok(s.goneAt, `${ad.id} is marked gone`);
      assert.ok(s.lastSeen < s.goneAt, 'last seen stays at the first sighting');
    }
    const listedAds = [...keptOn(day1).values()].filter((a) => listed2.has(a.id));
    for (const ad of listedAds) assert.equal((await stored(ad))!.goneAt, null, `${ad.id} is still listed`);
  });

  it('stores an ad that first appears on the second day, seen once', async () => {
    const fresh = [...keptOn(day2).values()].filter((a) => !day1.ads.some((b) => b.id === a.id));
    assert.ok(fresh.length > 0, 'the demo world adds ads by day 2');
    for (const ad of fresh) {
      const s = (await stored(ad))!;
      assert.deepEqual({ version: s.version, sightings: s.sightings, goneAt: s.goneAt }, { version: 1, sightings: 1, goneAt: null }, ad.id);
    }
  });

  it('stays verifiable after both crawls', async () => {
    const report = await verifyEvidence(app);
    assert.deepEqual(report.failures, []);
  });
});
