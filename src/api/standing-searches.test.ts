// Standing searches through the API, with runs closed through the application layer as a crawl
// closes them: the ads new in a run that match are the owner's hits, once; the inbox counts the
// unseen; a search expires unless renewed; an owner disabled or without the theme gets no hits; each
// batch of hits is audited under the owner's name and justification; bad input saves nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StandingSearchService } from '../services/standing-searches.service.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, serviceContextOf, type ApiWorld, type Session } from './api.fixtures.ts';

interface Inbox { searches: { id: string; name: string; unseen: number; hits: number; expired: boolean; expiresAt: string }[]; unseen: number }
interface Hits { hits: { adId: string; seenAt: string | null; summary: { city: string | null } | null }[] }

const DAY = 86_400_000;

describe('standing searches', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let expert: Session;
  let analyst: Session;
  let n = 0;

  before(async () => {
    w = await openApiWorld();
    expert = await justify(w.app, await w.login('expert-mensenhandel'), 'ZAAK-2026-16');
    analyst = await justify(w.app, await w.login('analyst-mensenhandel'));
  });
  after(() => w?.close());

  const call = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    w.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  const save = async (s: Session, query: object, theme = 'mensenhandel') => {
    const res = await call(s, 'POST', '/api/searches', { theme, name: `zoekopdracht ${++n}`, query });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; expiresAt: string };
  };
  const inbox = async (s: Session) => (await call(s, 'GET', '/api/searches')).json() as Inbox;
  /** A run of the theme with these new ads (and one ad seen before), closed as a crawl closes it. */
  const run = async (cities: string[]) => {
    const runId = await startTestRun(w.store);
    await w.store.saveAd(keptAd(runId, { url: 'https://ads.example/mensenhandel/een', fields: { title: 'Advertentie een', text: 'Nieuw in de stad', city: 'Utrecht', phones: ['+31611111111'] } }));
    const ids = [];
    for (const city of cities) ids.push((await w.store.saveAd(keptAd(runId, { url: `https://ads.example/new/${++n}`, fields: { title: 'Nieuw', text: 'Vandaag nieuw', city } }))).adId);
    await new StandingSearchService(serviceContextOf(w)).recordRunHits({ runId, theme: 'mensenhandel' });
    return { runId, ids };
  };

  it('records as hits exactly the ads new in a run that match, counts them unseen, and marks them read when read', async () => {
    const search = await save(expert, { city: 'Utrecht' });
    const { ids } = await run(['Utrecht', 'Zwolle', 'Utrecht']);
    const mine = (await inbox(expert)).searches.find((s) => s.id === search.id)!;
    assert.deepEqual({ hits: mine.hits, unseen: mine.unseen, expired: mine.expired }, { hits: 2, unseen: 2, expired: false });
    assert.ok((await inbox(expert)).unseen >= 2);
    const hits = (await call(expert, 'GET', `/api/searches/${search.id}/hits`)).json() as Hits;
    assert.deepEqual(hits.hits.map((h) => h.adId).sort(), [ids[0], ids[2]].sort(), 'the ad seen before is no hit, nor the one elsewhere');
    assert.ok(hits.hits.every((h) => h.summary?.city === 'Utrecht' && h.seenAt === null));
    assert.equal((await inbox(expert)).searches.find((s) => s.id === search.id)!.unseen, 0, 'read now');
  });

  it('audits each run\'s batch of hits once per search, under the owner\'s name and justification', async () => {
    const search = await save(expert, { q: 'nieuw', city: 'Delft' });
    const seq = await lastAuditSeq(w.store);
    const { runId, ids } = await run(['Delft', 'Delft']);
    const batches = (await auditSince(w.store, seq)).map((e) => e.body).filter((b) => b['action'] === 'searches.hits' && (b['resources'] as string[])[0] === search.id);
    assert.equal(batches.length, 1);
    assert.deepEqual({ user: batches[0]!['user'], resources: batches[0]!['resources'], count: batches[0]!['count'], justification: batches[0]!['justification'], run: (batches[0]!['query'] as Record<string, unknown>)['run'] }, {
      user: 'expert-mensenhandel', resources: [search.id, ...ids], count: 2, justification: 'ZAAK-2026-16', run: runId,
    });
  });

  it('shows each user only their own searches', async () => {
    const search = await save(expert, { city: 'Utrecht' });
    assert.ok(!(await inbox(analyst)).searches.some((s) => s.id === search.id));
    for (const [method, url] of [['GET', `/api/searches/${search.id}/hits`], ['POST', `/api/searches/${search.id}/renewal`], ['DELETE', `/api/searches/${search.id}`]] as const) {
      const res = await call(analyst, method, url);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
    }
    assert.equal((await call(expert, 'DELETE', `/api/searches/${search.id}`)).statusCode, 204);
    assert.ok(!(await inbox(expert)).searches.some((s) => s.id === search.id));
  });

  it('finds nothing for an owner who was disabled or lost the theme', async () => {
    const disabled = await w.addUser(`weg-${++n}`, 'analyst', ['mensenhandel']);
    const moved = await w.addUser(`verhuisd-${++n}`, 'analyst', ['mensenhandel']);
    const stayed = await w.addUser(`gebleven-${++n}`, 'analyst', ['mensenhandel']);
    const searches = [];
    for (const user of [disabled, moved, stayed]) {
      const s = await justify(w.app, await w.login(user.name));
      searches.push({ user, session: s, search: await save(s, { city: 'Venlo' }) });
    }
    await w.accounts.updateUser(disabled.id, { disabled: true }, w.clock.now.toISOString());
    await w.accounts.updateUser(moved.id, { themes: ['toezicht'] }, w.clock.now.toISOString());
    const { ids } = await run(['Venlo']);
    const found = await Promise.all(searches.map(async ({ user, search }) => (await w.standing.hits(search.id, user.id)).map((h) => h.adId)));
    assert.deepEqual(found, [[], [], ids], 'only the owner still allowed finds the new ad');
  });

  it('is refused to supervisors and admins, and an analyst may not stand an indicator filter', async () => {
    const supervisor = await justify(w.app, await w.login('supervisor-toezicht'));
    const refused = await call(supervisor, 'POST', '/api/searches', { theme: 'toezicht', name: 'x', query: {} });
    assert.equal(refused.statusCode, 403);
    assert.equal((await call(await w.login('admin-mensenhandel'), 'GET', '/api/searches')).statusCode, 403);
    const indicator = await call(analyst, 'POST', '/api/searches', { theme: 'mensenhandel', name: 'x', query: { indicator: 'new-in-town' } });
    assert.equal(indicator.statusCode, 403);
    assert.match(indicator.json().detail, /indicator counts only/);
  });

  it('refuses bad input with a clear error and saves nothing', async () => {
    const before = (await inbox(expert)).searches.length;
    const cases: [object, number, RegExp][] = [
      [{ theme: 'mensenhandel', name: '', query: {} }, 400, /name/],
      [{ theme: 'mensenhandel', name: 'x', query: { sort: 'score' } }, 400, /sort/],
      [{ theme: 'mensenhandel', name: 'x', query: { phone: '0612345678' } }, 400, /E\.164/],
      [{ theme: 'mensenhandel', name: 'x', query: { minScore: -1 } }, 400, /minScore/],
      [{ theme: 'toezicht', name: 'x', query: {} }, 404, /no theme "toezicht"/],
      [{ name: 'x', query: {} }, 400, /theme/],
    ];
    for (const [payload, status, detail] of cases) {
      const res = await call(expert, 'POST', '/api/searches', payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
      assert.match(res.json().detail, detail);
    }
    assert.equal((await call(expert, 'GET', '/api/searches/not-a-uuid/hits')).statusCode, 400);
    const unjustified = await call(await w.login('expert-mensenhandel'), 'POST', '/api/searches', { theme: 'mensenhandel', name: 'x', query: {} });
    assert.equal(unjustified.json().code, 'JUSTIFICATION_REQUIRED');
    assert.equal((await inbox(expert)).searches.length, before);
  });
  it('expires after the configured days unless renewed (last: it moves the clock)', async () => {
    const search = await save(analyst, { city: 'Breda' });
    assert.equal(Date.parse(search.expiresAt) - w.clock.now.getTime(), 90 * DAY, 'the default is 90 days');
    w.clock.advance(91 * DAY);
    // Sessions end long before a search does: sign in again.
    analyst = await justify(w.app, await w.login('analyst-mensenhandel'));
    await run(['Breda']);
    const expired = (await inbox(analyst)).searches.find((s) => s.id === search.id)!;
    assert.deepEqual({ hits: expired.hits, expired: expired.expired }, { hits: 0, expired: true });
    const renewed = await call(analyst, 'POST', `/api/searches/${search.id}/renewal`);
    assert.equal(renewed.statusCode, 200);
    assert.equal(renewed.json().expired, false);
    const { ids } = await run(['Breda']);
    assert.deepEqual(((await call(analyst, 'GET', `/api/searches/${search.id}/hits`)).json() as Hits).hits.map((h) => h.adId), ids);
  });
});
