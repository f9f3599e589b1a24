// Reading ads through the API: search agrees with the store and with the data, each role sees what
// DESIGN §1 says, captured artefacts never run as live pages, and justifications are required.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const CITIES = ['Utrecht', 'Zwolle', 'Den Haag', 'Groningen'];
const SOURCES = ['site-a', 'site-b', 'site-c'];
const WORDS = ['zonnig', 'discreet', 'nieuw', 'privé'];
interface Seeded { id: string; city: string; source: string; score: number; words: string[]; phone: string; day: number; hits: number }

describe('ads', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let expert: Session;
  let analyst: Session;
  const seeded: Seeded[] = [];

  before(async () => {
    w = await openApiWorld();
    const runId = await startTestRun(w.store, 'mensenhandel');
    for (let i = 0; i < 60; i++) {
      const ad: Omit<Seeded, 'id'> = {
        city: CITIES[i % 4]!, source: SOURCES[i % 3]!, score: (i * 7) % 25, words: [WORDS[i % 4]!, WORDS[(i + 1) % 4]!],
        phone: `+3161000${String(i % 10).padStart(4, '0')}`, day: 1 + (i % 20), hits: 1 + (i % 3),
      };
      const saved = await w.store.saveAd({
        ...keptAd(runId, {
          url: `https://ads.example/seed/${i}`, source: ad.source, score: ad.score, capturedAt: `2025-05-${String(ad.day).padStart(2, '0')}T12:00:00.000Z`,
          fields: { title: `Seed ${i}`, text: ad.words.join(' '), city: ad.city, phones: [ad.phone] },
        }),
        hits: Array.from({ length: ad.hits }, (_, n) => ({ id: `ind-${n}`, weight: 1, evidence: [{ kind: 'field' as const, field: 'city', value: ad.city }] })),
      });
      seeded.push({ id: saved.adId, ...ad });
    }
    expert = await justify(w.app, await w.login('expert-mensenhandel'));
    analyst = await justify(w.app, await w.login('analyst-mensenhandel'));
  });
  after(() => w?.close());

  const get = (url: string, session: Session) => w.app.inject({ method: 'GET', url, headers: session.headers });
  const search = async (params: Record<string, string>, session = expert) => {
    const res = await get(`/api/ads?${new URLSearchParams({ justification: 'signal research', ...params })}`, session);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { total: number; hits: { id: string; indicatorCount: number }[]; facets: Record<string, { value: string; count: number }[]> };
  };
  const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

  it('finds exactly the seeded ads that match each filter', async () => {
    const inMay = (s: Seeded) => s.day >= 5 && s.day <= 9;
    const cases: [Record<string, string>, (s: Seeded) => boolean][] = [
      [{ q: 'zonnig' }, (s) => s.words.includes('zonnig')],
      [{ q: 'zonnig discreet' }, (s) => s.words.includes('zonnig') && s.words.includes('discreet')],
      [{ city: 'den haag' }, (s) => s.city === 'Den Haag'],
      [{ source: 'site-b', minScore: '10' }, (s) => s.source === 'site-b' && s.score >= 10],
      [{ phone: '+31610000003' }, (s) => s.phone === '+31610000003'],
      [{ indicator: 'ind-2' }, (s) => s.hits === 3],
      [{ from: '2025-05-05', to: '2025-05-09' }, inMay],
      [{ q: 'prive', city: 'Utrecht', from: '2025-05-05' }, (s) => s.words.includes('privé') && s.city === 'Utrecht' && s.day >= 5],
    ];
    for (const [params, matches] of cases) {
      const want = seeded.filter(matches).map((s) => s.id).sort();
      const got = await search({ ...params, pageSize: '100' });
      assert.equal(got.total, want.length, `total for ${JSON.stringify(params)}`);
      assert.deepEqual(ids(got.hits), want, `hits for ${JSON.stringify(params)}`);
    }
  });

  it('answers the same as the store, page by page, with facets over all matches', async () => {
    const store = await w.store.search({ themes: ['mensenhandel'], text: 'nieuw', facets: true, limit: 7, offset: 7 });
    const api = await search({ q: 'nieuw', page: '2', pageSize: '7' });
    assert.equal(api.total, store.total);
    assert.deepEqual(api.hits.map((h) => h.id), store.hits.map((h) => h.id));
    assert.deepEqual(api.facets, store.facets);
    const byCity = Object.fromEntries(api.facets['city']!.map((f) => [f.value, f.count]));
    const nieuw = seeded.filter((s) => s.words.includes('nieuw'));
    assert.equal(byCity['den haag'], nieuw.filter((s) => s.city === 'Den Haag').length);
    assert.ok(byCity['den haag']! > 0);
  });

  it('requires a justification on searches, by parameter or header, and refuses an empty one', async () => {
    const unjustified = await w.login('expert-mensenhandel');
    const bare = await get('/api/ads?q=zonnig', unjustified);
    assert.deepEqual([bare.statusCode, bare.json().code], [400, 'JUSTIFICATION_REQUIRED']);
    const blank = await get('/api/ads?q=zonnig&justification=%20%20', expert);
    assert.equal(blank.statusCode, 400);
    const header = await w.app.inject({ method: 'GET', url: '/api/ads?q=zonnig', headers: { ...unjustified.headers, 'x-baken-justification': 'PL0900-2025-123' } });
    assert.equal(header.statusCode, 200);
  });

  it('shows experts the indicator hits and analysts only their count', async () => {
    const id = seeded.find((s) => s.hits === 3)!.id;
    const asExpert = (await get(`/api/ads/${id}`, expert)).json();
    const asAnalyst = (await get(`/api/ads/${id}`, analyst)).json();
    assert.equal(asExpert.indicatorCount, 3);
    assert.deepEqual(asExpert.hits.map((h: { id: string }) => h.id), ['ind-0', 'ind-1', 'ind-2']);
    assert.equal(asAnalyst.indicatorCount, 3);
    assert.equal('hits' in asAnalyst, false, 'analysts must not learn which indicators hit');
  });

  it('refuses analysts a search on an indicator, which would tell which ones hit', async () => {
    const res = await get('/api/ads?indicator=ind-1&justification=signal%20research', analyst);
    assert.deepEqual([res.statusCode, res.json().code], [403, 'FORBIDDEN']);
  });

  it('refuses a supervisor a search by phone number, which links ads to a person like the network view, and audits the refusal', async () => {
    const supervisor = await w.login('supervisor-toezicht');
    const from = await lastAuditSeq(w.store);
    const refused = await get('/api/ads?phone=%2B31611111111&justification=signal%20research', supervisor);
    assert.deepEqual([refused.statusCode, refused.json().code], [403, 'FORBIDDEN']);
    const events = (await auditSince(w.store, from)).map((e) => [e.body.action, e.body['outcome'], e.body['user']]);
    assert.deepEqual(events, [['request.refused', 'FORBIDDEN', 'supervisor-toezicht']]);
    const expertToezicht = await w.login('expert-toezicht');
    const allowed = await get('/api/ads?phone=%2B31611111111&justification=signal%20research', expertToezicht);
    assert.equal(allowed.statusCode, 200, allowed.body);
    assert.deepEqual(ids(allowed.json().hits), [...w.ads.toezicht.slice(0, 2)].sort());
    const byCity = await get('/api/ads?city=Utrecht&justification=signal%20research', supervisor);
    assert.equal(byCity.statusCode, 200, 'a city links no person and stays open to supervisors');
  });

  it('lists versions and sightings of an ad', async () => {
    const runId = await startTestRun(w.store, 'mensenhandel');
    const url = 'https://ads.example/seed/0';
    await w.store.saveAd({ ...keptAd(runId, { url, source: 'site-a', capturedAt: '2025-06-01T12:00:00.000Z', fields: { title: 'Seed 0, changed' } }) });
    const ad = (await get(`/api/ads/${seeded[0]!.id}`, expert)).json();
    assert.deepEqual(ad.versions.map((v: { version: number }) => v.version), [1, 2]);
    assert.equal(ad.version, 2);
    assert.equal(ad.sightings.length, 2);
    assert.equal(ad.fields.title, 'Seed 0, changed');
  });

  it('answers each version with its fields, and what changed between two, word by word; audited with the justification', async () => {
    const runId = await startTestRun(w.store, 'mensenhandel');
    const url = 'https://ads.example/seed/1';
    await w.store.saveAd({ ...keptAd(runId, { url, source: 'site-b', capturedAt: '2025-06-02T12:00:00.000Z', fields: { title: 'Seed 1', text: 'discreet nieuw, 150 euro' } }) });
    const id = seeded[1]!.id;
    const seq = await lastAuditSeq(w.store);
    const res = await get(`/api/ads/${id}/versions?from=1&to=2&justification=ZAAK-77`, expert);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.versions.map((v: { version: number; fields: { text?: string } }) => [v.version, v.fields.text]),
      [[1, 'discreet nieuw'], [2, 'discreet nieuw, 150 euro']]);
    const text = body.diff.fields.find((f: { field: string }) => f.field === 'text');
    assert.equal(text.change, 'changed');
    assert.equal(text.parts.filter((p: { op: string }) => p.op === 'add').map((p: { text: string }) => p.text).join(''), ', 150 euro');
    assert.equal(body.diff.fields.find((f: { field: string }) => f.field === 'city').change, 'removed');
    const [event] = (await auditSince(w.store, seq)).map((e) => e.body as { action: string; resources: string[]; justification: string });
    assert.deepEqual([event?.action, event?.resources, event?.justification], ['ads.versions', [id], 'ZAAK-77']);
  });

  it('refuses a diff of a version the ad lacks, or with one end only', async () => {
    const id = seeded[1]!.id;
    assert.equal((await get(`/api/ads/${id}/versions?from=1&to=9&justification=signal%20research`, expert)).statusCode, 404);
    assert.equal((await get(`/api/ads/${id}/versions?from=1&justification=signal%20research`, expert)).statusCode, 400);
    assert.equal((await get(`/api/ads/${id}/versions?justification=signal%20research`, analyst)).statusCode, 200, 'analysts read versions too');
  });

  it('verifies an ad\'s captures on request, naming what it checked and each failure, and audits the outcome', async () => {
    // The fixtures' manifests are unsigned stand-ins with no blobs, so verification must fail, by name.
    const id = seeded[2]!.id;
    const seq = await lastAuditSeq(w.store);
    const res = await w.app.inject({ method: 'POST', url: `/api/ads/${id}/verify?justification=signal%20research`, headers: expert.headers });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { verified: boolean; checked: number; ok: number; items: { what: string; ok: boolean }[]; failures: { what: string; why: string }[] };
    assert.equal(body.verified, false);
    assert.equal(body.items.length, body.checked);
    assert.ok(body.items.some((i) => i.what.startsWith('capture ') && !i.ok), JSON.stringify(body.items));
    assert.ok(body.failures.some((f) => f.what.startsWith('capture ')), JSON.stringify(body.failures));
    const [event] = (await auditSince(w.store, seq)).map((e) => e.body as { action: string; resources: string[]; query: { outcome: string } });
    assert.deepEqual([event?.action, event?.resources, event?.query.outcome], ['ads.verify', [id], 'failed']);
  });

  it('serves captured HTML only as a sandboxed download and images with nosniff', async () => {
    const id = w.ads.mensenhandel[0];
    const html = await get(`/api/ads/${id}/html`, expert);
    assert.equal(html.statusCode, 200);
    assert.equal(html.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.match(String(html.headers['content-disposition']), /^attachment;/);
    assert.equal(html.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(html.rawPayload, w.bytes.html);
    const shot = await get(`/api/ads/${id}/screenshot`, expert);
    assert.deepEqual([shot.headers['content-type'], shot.rawPayload], ['image/png', w.bytes.screenshot]);
    const image = await get(`/api/ads/${id}/images/0`, expert);
    assert.deepEqual([image.headers['content-type'], image.rawPayload], ['image/jpeg', w.bytes.image]);
    assert.equal((await get(`/api/ads/${id}/images/1`, expert)).statusCode, 404);
  });

  it('serves a small WebP thumbnail of the first image, not cached beyond the session, and audits it', async () => {
    const id = w.ads.mensenhandel[0];
    const res = await get(`/api/ads/${id}/thumbnail`, expert);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.match(String(res.headers['cache-control']), /no-store/);
    const meta = await sharp(res.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width], ['webp', 96]);
    const audit = await auditSince(w.store, 0);
    assert.ok(audit.some((e) => e.body.action === 'ads.artefact' && (e.body['query'] as { artefact?: string } | undefined)?.artefact === 'thumbnail'),
      'expected an ads.artefact event for the thumbnail');
  });

  it('shows the network of an ad: the ads linked to it within the theme, each link with its reason', async () => {
    const [first, second, third] = w.ads.mensenhandel;
    const network = (await get(`/api/ads/${first}/network`, expert)).json();
    assert.deepEqual(network.ads.map((a: { id: string }) => a.id), [first, second]);
    assert.equal(network.ads[1].summary.title, 'Advertentie twee');
    assert.equal(typeof network.ads[1].summary.firstSeen, 'string', 'each ad says when it was first seen, for the timeline');
    const [a, b] = [first!, second!].sort();
    assert.deepEqual(network.links, [{ a, b, reason: 'shared-phone', value: '+31611111111' }]);
    assert.equal(network.truncated, false);
    const alone = (await get(`/api/ads/${third}/network`, expert)).json();
    assert.deepEqual([alone.ads.map((x: { id: string }) => x.id), alone.links], [[third], []]);
  });

  it('keeps lists to one theme: an ad of another theme cannot be put on a list', async () => {
    const list = w.list.mensenhandel;
    const put = (adId: string) => w.app.inject({ method: 'PUT', url: `/api/lists/${list}/ads/${adId}`, headers: analyst.headers });
    assert.deepEqual((await put(w.ads.mensenhandel[2])).json(), { added: true });
    assert.deepEqual((await put(w.ads.mensenhandel[2])).json(), { added: false });
    assert.equal((await put(w.ads.toezicht[0])).statusCode, 404);
    const entries = (await get(`/api/lists/${list}`, analyst)).json().entries.map((e: { adId: string }) => e.adId);
    assert.ok(!entries.includes(w.ads.toezicht[0]));
    assert.ok(entries.includes(w.ads.mensenhandel[2]));
  });
});

// Its own world: the purge below erases every other ad of the theme.
describe('legal holds through the API', () => {
  let w: ApiWorld;
  let expert: Session;
  let analyst: Session;
  before(async () => {
    w = await openApiWorld();
    [expert, analyst] = [await justify(w.app, await w.login('expert-mensenhandel')), await justify(w.app, await w.login('analyst-mensenhandel'))];
  });
  after(() => w.close());

  it('lists the holds of an expert\'s themes, oldest first, and no one else\'s', async () => {
    const [a, b] = [w.ads.mensenhandel[1]!, w.ads.mensenhandel[2]!];
    await w.store.placeHold(b, 'mensenhandel', 'ZAAK-B', 'expert-mensenhandel', '2026-02-01T00:00:00.000Z');
    await w.store.placeHold(a, 'mensenhandel', 'ZAAK-A', 'expert-mensenhandel', '2026-01-01T00:00:00.000Z');
    await w.store.placeHold(w.ads.toezicht[0]!, 'toezicht', 'ZAAK-T', 'someone', '2026-01-15T00:00:00.000Z');
    const list = (session: Session, query = '') => w.app.inject({ method: 'GET', url: `/api/holds${query}`, headers: session.headers });
    const listed = await list(expert);
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(listed.json(), [
      { adId: a, theme: 'mensenhandel', caseNumber: 'ZAAK-A', by: 'expert-mensenhandel', at: '2026-01-01T00:00:00.000Z' },
      { adId: b, theme: 'mensenhandel', caseNumber: 'ZAAK-B', by: 'expert-mensenhandel', at: '2026-02-01T00:00:00.000Z' },
    ]);
    assert.equal((await list(expert, '?theme=toezicht')).statusCode, 404, 'another theme is not there');
    assert.equal((await list(analyst)).statusCode, 403);
    const read = (await w.store.readLog('audit')).map((e) => e.body).filter((e) => e['action'] === 'holds.read');
    assert.deepEqual(read.map((e) => [e['themes'], e['resources'], e['count']]), [[['mensenhandel'], [a, b], 2]]);
    for (const [id, theme] of [[a, 'mensenhandel'], [b, 'mensenhandel'], [w.ads.toezicht[0]!, 'toezicht']] as const) {
      await w.store.releaseHold(id, theme, 'test', '2026-03-01T00:00:00.000Z');
    }

  it('lets an expert hold an ad for a case, which the retention purge then spares until the hold is released', async () => {
    const id = w.ads.mensenhandel[0]!;
    const hold = (session: Session, body: unknown = { caseNumber: 'PL0900-2026-7' }) =>
      w.app.inject({ method: 'PUT', url: `/api/ads/${id}/hold`, headers: session.headers, payload: body as object });
    assert.equal((await hold(analyst)).statusCode, 403, 'an analyst cannot hold');
    assert.equal((await hold(expert, { caseNumber: ' ' })).statusCode, 400, 'a hold needs a case number');
    const placed = await hold(expert);
    assert.equal(placed.statusCode, 200, placed.body);
    assert.equal(placed.json().caseNumber, 'PL0900-2026-7');
    const view = async (session: Session) => (await w.app.inject({ method: 'GET', url: `/api/ads/${id}`, headers: session.headers })).json();
    assert.equal((await view(expert)).hold.caseNumber, 'PL0900-2026-7', 'an expert sees the case');
    assert.equal('hold' in await view(analyst), false, 'an analyst does not');
    assert.equal((await hold(expert)).statusCode, 409, 'one case at a time');
    const far = new Date('2030-01-01T00:00:00.000Z').toISOString();
    assert.equal((await w.store.purgeExpired('mensenhandel', { lastSeenBefore: far }, far)).held, 1);
    assert.ok(await w.store.getAd(id, ['mensenhandel']), 'the held ad survives the purge');
    const released = await w.app.inject({ method: 'DELETE', url: `/api/ads/${id}/hold`, headers: expert.headers });
    assert.equal(released.statusCode, 204);
    assert.equal((await w.store.holds('mensenhandel')).length, 0);
    assert.equal((await view(expert)).hold, null);
    const audit = (await w.store.readLog('audit')).map((e) => e.body).filter((b) => b['action'] === 'holds.change');
    assert.deepEqual(audit.map((b) => [b['query'], b['resources'], b['justification'], b['outcome'], b['status']]), [
      [{ op: 'place' }, [id], 'PL0900-2026-7', 'ok', undefined],
      [{ op: 'place' }, [id], 'PL0900-2026-7', 'ok', undefined],
      [{ op: 'release' }, [id], 'PL0900-2026-7', 'ok', undefined],
    ], 'the release names the case it ends');
    const failed = (await w.store.readLog('audit')).map((e) => e.body).filter((b) => b['action'] === 'request.failed');
    assert.deepEqual(failed.map((b) => [b['query'], b['resources'], b['justification'], b['outcome'], b['status']]), [
      [{ op: 'place', action: 'holds.change' }, [id], 'PL0900-2026-7', 'CONFLICT', 409],
    ], 'the second hold, recorded before the store refused it, is followed by its refusal');
  });
});
});
