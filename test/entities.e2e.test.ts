// Entity pages and standing searches over a real crawl of the demo platforms (issue 16): the page of
// a shared phone number lists exactly the truth's kept ads with that number, and a standing search
// saved before the next day's crawl lists exactly the ads that crawl found new and that match.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Who } from '../src/accounts/actor.ts';
import { openApiApp, type ApiApp } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { loadConfig } from '../src/config/load.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { silentLog } from '../src/log.ts';
import { actorOf } from '../src/services/session.service.ts';
import { expectedKept, startDemoEnv, type DemoEnv, type ExpectedCrawl, type Truth, type TruthAd } from './demo-env.ts';

const THEME = 'mensenhandel';

// Every platform, as test/recrawl.e2e.test.ts crawls them: the second day's new kept ads come from all three.
describe('entity pages and standing searches over a crawl', { timeout: 30 * 60_000 }, () => {
  let env: DemoEnv;
  let app: ApiApp;
  let analyst: Who;
  let day1: Truth;
  let day2: Truth;
  let kept1: ExpectedCrawl;
  let kept2: ExpectedCrawl;
  let standing: { id: string; city: string };

  const admin: Who = { actor: { kind: 'cli', id: 'cli:test', name: 'test', role: 'admin', themes: [THEME] }, client: 'local' };
  const crawl = () => app.services.collection.crawl(admin, { theme: THEME }, { launchBrowser, log: silentLog });
  const stored = (ad: TruthAd) => adId(THEME, ad.url);
  const keptAds = (t: Truth, kept: ExpectedCrawl) => t.ads.filter((a) => kept.ids.has(a.id));

  before(async () => {
    env = await startDemoEnv({ day: 1 });
    app = await openApiApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const user = await app.accounts.addUser({
      name: 'analist', role: 'analyst', themes: [THEME], passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', totpSecret: null, requestedBy: ['test'], approvedBy: 'test',
    }, new Date().toISOString());
    analyst = { actor: actorOf(user), client: 'test' };
    day1 = await env.truth();
    kept1 = await expectedKept(env, day1);
    await crawl();
    env.setDay(2);
    day2 = await env.truth();
    kept2 = await expectedKept(env, day2, { known: kept1.kept });
    // The city most of the second day's new kept ads are in: the standing search waits for it.
    const fresh = keptAds(day2, kept2).filter((a) => !kept1.ids.has(a.id));
    const cities = new Map<string, number>();
    for (const a of fresh) cities.set(a.fields.city, (cities.get(a.fields.city) ?? 0) + 1);
    const city = [...cities].sort((x, y) => y[1] - x[1])[0]?.[0];
    assert.ok(city, 'the second day brings new kept ads');
    standing = { id: (await app.services.standing.save(analyst, { theme: THEME, name: 'nieuw', query: { city }, justification: 'signal research' })).id, city };
    await crawl();
  });
  after(async () => { await app?.close(); await env?.close(); });

  it('lists on the page of a shared phone number exactly the truth\'s kept ads with that number', async () => {
    const ads = keptAds(day2, kept2).concat(keptAds(day1, kept1));
    const byPhone = new Map<string, Set<string>>();
    for (const a of ads) for (const p of a.fields.phones) byPhone.set(p, (byPhone.get(p) ?? new Set()).add(stored(a)));
    const [phone, carriers] = [...byPhone].find(([, s]) => s.size >= 2) ?? [];
    assert.ok(phone && carriers, 'some phone number is shared by kept ads');
    const page = await app.services.entities.get(analyst, 'phone', phone, THEME, 'signal research');
    assert.deepEqual(page.ads.map((a) => a.id).sort(), [...carriers].sort());
    assert.ok(page.networks!.some((n) => n.reasons.includes('shared-phone')), 'the ads are a network by their number');
  });

  it('lists in a standing search saved before the next day\'s crawl exactly the new ads that match', async () => {
    const expected = keptAds(day2, kept2).filter((a) => !kept1.ids.has(a.id) && a.fields.city === standing.city).map(stored);
    const { hits } = await app.services.standing.hits(analyst, standing.id, 'signal research');
    assert.ok(expected.length > 0);
    assert.deepEqual(hits.map((h) => h.adId).sort(), expected.sort());
    assert.ok(hits.every((h) => h.summary?.city === standing.city));
  });
});
