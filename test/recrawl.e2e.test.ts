// Re-crawls of all three platforms: day 1, then day 2 of the same demo world, through the collection
// service as a scheduled job runs them. An unchanged ad adds a sighting, a changed one a new version,
// a new one is stored, an ad no longer listed is marked gone — all as the platforms' truth says, on
// paginated, infinite-scroll and age-gated listings alike. Over the same two crawls (issue 16): the
// page of a shared phone number lists exactly the truth's kept ads with that number, and a standing
// search saved before the second day's crawl lists exactly the ads that crawl found new and that match.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../src/accounts/actor.ts';
import { openApiApp, type ApiApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { verifyEvidence } from '../src/evidence/verify.ts';
import { silentLog } from '../src/log.ts';
import { actorOf } from '../src/services/session.service.ts';
import { expectedKept, startDemoEnv, type DemoEnv, type ExpectedCrawl, type Truth, type TruthAd } from './demo-env.ts';

const THEME = 'mensenhandel';

describe('re-crawling the demo platforms a day later', { timeout: 30 * 60_000 }, () => {
  let env: DemoEnv;
  let app: ApiApp;
  let analyst: Who;
  let day1: Truth;
  let day2: Truth;
  let standing: { id: string; city: string };
  const expected = new Map<Truth, ExpectedCrawl>();

  const admin: Who = { actor: { kind: 'cli', id: 'cli:test', name: 'test', role: 'admin', themes: [THEME] }, client: 'local' };
  const crawl = () => app.services.collection.crawl(admin, { theme: THEME }, { launchBrowser, log: silentLog });

  before(async () => {
    env = await startDemoEnv({ day: 1 });
    app = await openApiApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const user = await app.accounts.addUser({
      name: 'analist', role: 'analyst', themes: [THEME], passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', totpSecret: null, requestedBy: ['test'], approvedBy: 'test',
    }, new Date().toISOString());
    analyst = { actor: actorOf(user), client: 'test' };
    day1 = await env.truth();
    expected.set(day1, await expectedKept(env, day1));
    await crawl();
    env.setDay(2);
    day2 = await env.truth();
    expected.set(day2, await expectedKept(env, day2, { known: expected.get(day1)!.kept }));
    // The city most of the second day's new kept ads are in: the standing search waits for it.
    const cities = new Map<string, number>();
    for (const a of newOnDay2()) cities.set(a.fields.city, (cities.get(a.fields.city) ?? 0) + 1);
    const city = [...cities].sort((x, y) => y[1] - x[1])[0]?.[0];
    assert.ok(city, 'the second day brings new kept ads');
    standing = { id: (await app.services.standing.save(analyst, { theme: THEME, name: 'nieuw', query: { city }, justification: 'signal research' })).id, city };
    await crawl();
  });
  after(async () => { await app?.close(); await env?.close(); });

  /** The ads the analysis of a day's truth keeps, as the crawl of that day should. */
  const keptOn = (t: Truth) => new Map(t.ads.filter((a) => expected.get(t)!.ids.has(a.id)).map((a) => [a.id, a]));
  const stored = (ad: TruthAd) => app.store.getAd(adId(THEME, ad.url), [THEME]);
  /** The kept ads of the second day that the first did not keep. */
  const newOnDay2 = () => [...keptOn(day2).values()].filter((a) => !expected.get(day1)!.ids.has(a.id));

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
      const versions = await app.store.versions(s.id, [THEME]);
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

  it('lists on the page of a shared phone number exactly the truth\'s kept ads with that number', async () => {
    const byPhone = new Map<string, Set<string>>();
    for (const a of [...keptOn(day2).values(), ...keptOn(day1).values()]) {
      for (const p of a.fields.phones) byPhone.set(p, (byPhone.get(p) ?? new Set()).add(adId(THEME, a.url)));
    }
    const [phone, carriers] = [...byPhone].find(([, s]) => s.size >= 2) ?? [];
    assert.ok(phone && carriers, 'some phone number is shared by kept ads');
    const page = await app.services.entities.get(analyst, 'phone', phone, THEME, 'signal research');
    assert.deepEqual(page.ads.map((a) => a.id).sort(), [...carriers].sort());
    assert.ok(page.networks!.some((n) => n.reasons.includes('shared-phone')), 'the ads are a network by their number');
  });

  it('lists in a standing search saved before the next day\'s crawl exactly the new ads that match', async () => {
    const wanted = newOnDay2().filter((a) => a.fields.city === standing.city).map((a) => adId(THEME, a.url));
    const { hits } = await app.services.standing.hits(analyst, standing.id, 'signal research');
    assert.ok(wanted.length > 0);
    assert.deepEqual(hits.map((h) => h.adId).sort(), wanted.sort());
    assert.ok(hits.every((h) => h.summary?.city === standing.city));
  });
});
