// The behaviour every Store adapter must show. Each adapter's test file calls storeContract once;
// the analysis (staging, networks) and retention parts live in their own files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { GENESIS_HASH, verifyChain } from '../domain/hash-chain.ts';
import { fakeHash, keptAd, startTestRun, type ContractTest } from './store.fixtures.ts';
import { contentHashOf, imageHashes } from '../domain/ad-keys.ts';
import type { KeptAd, Store } from './store.ts';
import { analysisContract } from './store-analysis.contract.ts';
import { monitorContract } from './store-monitor.contract.ts';
import { healthContract } from './store-health.contract.ts';
import { imageHashContract } from './store-image-hashes.contract.ts';
import { retentionContract } from './store-retention.contract.ts';

/** `another` opens a second store on the same data, as another process (a crawler beside the API) would. */
type Opener = () => Promise<{ store: Store; another(): Promise<Store>; cleanup(): Promise<void> }>;

export function storeContract(name: string, open: Opener): void {
  const test: ContractTest = (title, body) => {
    it(title, async () => {
      const { store, cleanup } = await open();
      try {
        await body(store);
      } finally {
        await store.close();
        await cleanup();
      }
    });
  };

  describe(`store contract: ${name}`, () => {
    it('search follows what another process saves, changes and purges, between one search and the next', async () => {
      const { store: server, another, cleanup } = await open();
      const crawler = await another();
      try {
        const search = () => server.search({ themes: ['mensenhandel'], facets: true });
        assert.equal((await search()).total, 0, 'the search has read the store before the other process writes');
        const runId = await startTestRun(crawler);
        const first = await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/1', score: 3, capturedAt: '2025-03-01T10:00:00.000Z', fields: { title: 'Een', city: 'Zwolle' } }));
        await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/2', score: 5, capturedAt: '2025-08-01T10:00:00.000Z', fields: { title: 'Twee', city: 'Breda' } }));
        assert.deepEqual((await search()).hits.map((h) => h.title), ['Twee', 'Een']);

        await crawler.saveAd(keptAd(runId, { url: 'https://ads.example/1', score: 9, capturedAt: '2025-08-02T10:00:00.000Z', fields: { title: 'Een', city: 'Breda' } }));
        const changed = await search();
        assert.deepEqual(changed.hits.map((h) => [h.title, h.score]), [['Een', 9], ['Twee', 5]]);
        assert.deepEqual(changed.facets?.city, [{ value: 'breda', count: 2 }]);
        assert.equal((await server.search({ themes: ['mensenhandel'], city: 'Zwolle' })).total, 0);

        await crawler.purgeExpired('mensenhandel', { lastSeenBefore: '2025-08-02T00:00:00.000Z' }, '2026-01-01T00:00:00.000Z');
        const purged = await search();
        assert.deepEqual(purged.hits.map((h) => h.id), [first.adId]);
        assert.deepEqual(purged.facets?.city, [{ value: 'breda', count: 1 }]);
      } finally {
        await crawler.close();
        await server.close();
        await cleanup();
      }
    });

    it('concurrent writers in two processes keep each log one unbroken chain, and one hold per ad', async () => {
      const { store, another, cleanup } = await open();
      const other = await another();
      try {
        const runId = await startTestRun(store);
        const { adId } = await store.saveAd(keptAd(runId, { url: 'https://ads.example/held' }));
        const outcomes = await Promise.all([store, other].flatMap((s, p) => [
          ...Array.from({ length: 30 }, (_, n) => s.appendLog('audit', { action: 'search', process: p, n }).then(() => 'appended')),
          ...Array.from({ length: 10 }, (_, n) => s.saveAd(keptAd(runId, { url: `https://ads.example/${n}`, fields: { title: `Versie ${p}` } })).then((r) => r.outcome)),
          s.placeHold(adId, 'mensenhandel', `ZAAK-${p}`, 'expert.jansen', '2025-03-03T00:00:00.000Z')
            .then(() => 'held', (err: unknown) => (err instanceof BakenError ? err.code : 'error')),
        ]));
        const count = (what: string) => outcomes.filter((o) => o === what).length;
        assert.equal(count('appended'), 60);
        assert.deepEqual([count('new'), count('changed')], [10, 10], 'each URL is new once, then a change from the other process');
        assert.deepEqual([count('held'), count('CONFLICT')], [1, 1]);
        for (const log of ['audit', 'custody'] as const) {
          const entries = await other.readLog(log);
          assert.deepEqual(entries.map((e) => e.seq), entries.map((_, i) => i + 1), `${log}: no gap and no fork`);
          assert.deepEqual(verifyChain(entries).breaks, [], log);
        }
        assert.equal((await store.readLog('custody')).length, 1 + 20 + 1, 'the first save, 20 saves and the hold');
      } finally {
        await other.close();
        await store.close();
        await cleanup();
      }
    });

    test('saves an ad and reads it back whole', async (store) => {
      const runId = await startTestRun(store);
      const ad = keptAd(runId);
      const saved = await store.saveAd(ad);
      assert.equal(saved.outcome, 'new');
      const got = await store.getAd(saved.adId, ['mensenhandel']);
      assert.ok(got, 'the saved ad should be found in its own theme');
      assert.equal(got.captureId, saved.captureId);
      assert.equal(got.version, 1);
      assert.equal(got.sightings, 1);
      assert.deepEqual(
        { theme: got.theme, source: got.source, url: got.url, meta: got.meta, fields: got.fields, artefacts: got.artefacts, score: got.score, hits: got.hits },
        { theme: ad.theme, source: ad.source, url: ad.url, meta: ad.meta, fields: ad.fields, artefacts: ad.artefacts, score: ad.score, hits: ad.hits },
      );
      assert.equal(got.firstSeen, ad.meta.capturedAt);
      assert.equal(got.lastSeen, ad.meta.capturedAt);
    });

    const gaps: [string, string, (ad: KeptAd) => void][] = [
      ['capture time', 'meta.capturedAt', (ad) => { ad.meta.capturedAt = ''; }],
      ['capture time in UTC', 'meta.capturedAt', (ad) => { ad.meta.capturedAt = '2025-03-01T11:00:00+01:00'; }],
      ['software version', 'meta.softwareVersion', (ad) => { ad.meta.softwareVersion = ' '; }],
      ['method', 'meta.method', (ad) => { ad.meta.method = ''; }],
      ['source URL', 'url', (ad) => { ad.url = ''; }],
      ['requested URL', 'meta.requestedUrl', (ad) => { ad.meta.requestedUrl = ''; }],
    ];
    for (const [what, path, spoil] of gaps) {
      test(`rejects an ad without ${what}, names ${path}, and stores nothing`, async (store) => {
        const runId = await startTestRun(store);
        const first = await store.saveAd(keptAd(runId));
        const before = await countsOf(store, first.adId);
        for (const url of ['https://ads.example/ad/1', 'https://ads.example/ad/2']) {
          const ad = keptAd(runId, { url, html: 'other content' });
          spoil(ad);
          await assert.rejects(store.saveAd(ad), (err: unknown) =>
            err instanceof BakenError && err.code === 'STORE_REJECTED' && err.message.includes(`${path}:`));
        }
        assert.deepEqual(await countsOf(store, first.adId), before);
      });
    }

    test('rejects an ad whose run belongs to another theme', async (store) => {
      const runId = await startTestRun(store, 'toezicht');
      await assert.rejects(store.saveAd(keptAd(runId)), (err: unknown) => err instanceof BakenError && err.code === 'STORE_REJECTED');
      assert.equal((await store.search({ themes: ['mensenhandel', 'toezicht'] })).total, 0);
    });

    test('an unchanged re-capture adds a sighting, not a version', async (store) => {
      const runId = await startTestRun(store);
      const first = await store.saveAd(keptAd(runId));
      const again = await store.saveAd(keptAd(runId, { capturedAt: '2025-03-02T10:00:00.000Z', screenshot: 'another visit' }));
      assert.deepEqual(again, { adId: first.adId, captureId: first.captureId, outcome: 'unchanged' });
      const got = await store.getAd(first.adId, ['mensenhandel']);
      assert.equal(got?.version, 1);
      assert.equal(got?.sightings, 2);
      assert.equal(got?.lastSeen, '2025-03-02T10:00:00.000Z');
      assert.equal(got?.meta.capturedAt, '2025-03-01T10:00:00.000Z', 'the stored capture stays the first one');
      const [hit] = (await store.search({ themes: ['mensenhandel'], ids: [first.adId] })).hits;
      assert.deepEqual([hit?.firstSeen, hit?.lastSeen], ['2025-03-01T10:00:00.000Z', '2025-03-02T10:00:00.000Z'], 'a search hit says when the ad was first and last seen');
    });

    test('a changed capture creates version 2 and search finds the new text, not the old', async (store) => {
      const runId = await startTestRun(store);
      const first = await store.saveAd(keptAd(runId, { fields: { title: 'Eerste', text: 'oude tekst zonnebloem' } }));
      const second = await store.saveAd(keptAd(runId, {
        fields: { title: 'Tweede', text: 'nieuwe tekst paardenbloem' }, capturedAt: '2025-03-02T10:00:00.000Z',
      }));
      assert.equal(second.outcome, 'changed');
      assert.equal(second.adId, first.adId);
      assert.notEqual(second.captureId, first.captureId);
      const got = await store.getAd(first.adId, ['mensenhandel']);
      assert.equal(got?.version, 2);
      assert.equal(got?.fields.title, 'Tweede');
      assert.equal(got?.sightings, 2);
      assert.equal((await store.search({ themes: ['mensenhandel'], text: 'zonnebloem' })).total, 0);
      assert.deepEqual((await store.search({ themes: ['mensenhandel'], text: 'paardenbloem' })).hits.map((h) => h.title), ['Tweede']);
    });

    test('getAd returns null for a theme the caller does not hold', async (store) => {
      const saved = await store.saveAd(keptAd(await startTestRun(store)));
      assert.equal(await store.getAd(saved.adId, ['toezicht']), null);
      assert.equal(await store.getAd(saved.adId, []), null);
    });

    test('keeps the same URL in two themes as two separate ads', async (store) => {
      const police = await store.saveAd(keptAd(await startTestRun(store, 'mensenhandel'), { theme: 'mensenhandel' }));
      const city = await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht' }));
      assert.notEqual(police.adId, city.adId);
      assert.equal(city.outcome, 'new');
    });

    test('search never returns ads of other themes', async (store) => {
      await store.saveAd(keptAd(await startTestRun(store, 'mensenhandel'), { theme: 'mensenhandel', url: 'https://a.example/1' }));
      await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht', url: 'https://b.example/2' }));
      const city = await store.search({ themes: ['toezicht'], text: 'vandaag' });
      assert.deepEqual(city.hits.map((h) => h.theme), ['toezicht']);
      assert.equal(city.total, 1);
      assert.deepEqual((await store.search({ themes: ['toezicht'] })).hits.map((h) => h.url), ['https://b.example/2']);
      assert.deepEqual(await store.search({ themes: [] }), { total: 0, hits: [] });
      assert.deepEqual(await store.search({ themes: [], text: 'vandaag' }), { total: 0, hits: [] });
    });

    test('search treats query syntax and SQL injection as plain words and never throws', async (store) => {
      const runId = await startTestRun(store);
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/a', fields: { title: 'Near the station', text: 'Close to the station' } }));
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/b', fields: { title: 'Title here', text: 'x marks the spot, 1 only' } }));
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/c', fields: { title: 'Other', text: 'nothing special' } }));
      const expected: [string, number][] = [
        ['"', 0], ['*', 0], ['^', 0], ['NEAR(', 1], ['station*', 1], ["') OR 1=1 --", 0], ['station OR nothing', 0],
        ['title:x', 1], ['title:station', 0], ['"unbalanced', 0], ['a AND', 0], ['NOT station', 0], ['-- ;', 0],
      ];
      for (const [text, total] of expected) {
        const result = await store.search({ themes: ['mensenhandel'], text });
        assert.equal(result.total, total, `search for ${JSON.stringify(text)}`);
        assert.equal(result.hits.length, total, `hits for ${JSON.stringify(text)}`);
      }
    });

    test('search ignores accents and case: "cafe" finds "Café"', async (store) => {
      const runId = await startTestRun(store);
      await store.saveAd(keptAd(runId, { fields: { title: 'Café de Paris', text: 'Très privé', city: 'Den Haag' } }));
      for (const text of ['cafe', 'CAFÉ', 'tres prive', 'café paris']) {
        assert.equal((await store.search({ themes: ['mensenhandel'], text })).total, 1, `search for ${text}`);
      }
    });

    test('search filters on source, city and minimum score, and pages by score', async (store) => {
      const runId = await startTestRun(store);
      const ads: [string, string, string, number][] = [
        ['1', 'site-a', 'Amsterdam', 9], ['2', 'site-a', 'Utrecht', 7], ['3', 'site-b', 'amsterdam', 5],
        ['4', 'site-b', 'Rotterdam', 3], ['5', 'site-a', 'AMSTERDAM', 1],
      ];
      for (const [n, source, city, score] of ads) {
        await store.saveAd(keptAd(runId, { url: `https://ads.example/${n}`, source, score, fields: { title: `ad ${n}`, city } }));
      }
      const titles = async (q: Omit<Parameters<Store['search']>[0], 'themes'>) => {
        const r = await store.search({ themes: ['mensenhandel'], ...q });
        return { total: r.total, titles: r.hits.map((h) => h.title) };
      };
      assert.deepEqual(await titles({}), { total: 5, titles: ['ad 1', 'ad 2', 'ad 3', 'ad 4', 'ad 5'] });
      assert.deepEqual(await titles({ source: 'site-b' }), { total: 2, titles: ['ad 3', 'ad 4'] });
      assert.deepEqual(await titles({ city: 'Amsterdam' }), { total: 3, titles: ['ad 1', 'ad 3', 'ad 5'] });
      assert.deepEqual(await titles({ city: 'Amster' }), { total: 0, titles: [] });
      assert.deepEqual(await titles({ minScore: 5 }), { total: 3, titles: ['ad 1', 'ad 2', 'ad 3'] });
      assert.deepEqual(await titles({ source: 'site-a', city: 'amsterdam', minScore: 2 }), { total: 1, titles: ['ad 1'] });
      assert.deepEqual(await titles({ limit: 2, offset: 2 }), { total: 5, titles: ['ad 3', 'ad 4'] });
      assert.deepEqual(await titles({ limit: 2, offset: 4 }), { total: 5, titles: ['ad 5'] });
      assert.deepEqual(await titles({ limit: 0, offset: -3 }), { total: 5, titles: ['ad 1'] });
    });

    test('runs record their counts per theme', async (store) => {
      const runId = await store.startRun({ theme: 'toezicht', source: 'demo-classic', startedAt: '2025-03-01T09:00:00Z', softwareVersion: 'v1' });
      assert.deepEqual(await store.runs('toezicht'), [{
        id: runId, theme: 'toezicht', source: 'demo-classic', startedAt: '2025-03-01T09:00:00.000Z', finishedAt: null,
        softwareVersion: 'v1', captured: 0, kept: 0, deleted: 0, failed: 0, abandoned: false,
      }]);
      await store.finishRun(runId, { captured: 10, kept: 2, deleted: 7, failed: 1 }, '2025-03-01T09:05:00.000Z');
      const [run] = await store.runs('toezicht');
      assert.deepEqual({ ...run }, {
        id: runId, theme: 'toezicht', source: 'demo-classic', startedAt: '2025-03-01T09:00:00.000Z', finishedAt: '2025-03-01T09:05:00.000Z',
        softwareVersion: 'v1', captured: 10, kept: 2, deleted: 7, failed: 1, abandoned: false,
      }, 'a run finished normally is not abandoned');
      assert.deepEqual(await store.runs('mensenhandel'), []);
      await assert.rejects(store.finishRun(runId, { captured: 1, kept: 0, deleted: 0, failed: 0 }, '2025-03-01T09:06:00Z'), BakenError);
      await assert.rejects(store.finishRun('no-such-run', { captured: 1, kept: 0, deleted: 0, failed: 0 }, '2025-03-01T09:06:00Z'), BakenError);
    });

    test('a run given up is read back as abandoned with its counts, and its custody entry says so', async (store) => {
      const complete = await startTestRun(store);
      await store.finishRun(complete, { captured: 1, kept: 1, deleted: 0, failed: 0 }, '2025-03-01T09:05:00.000Z', 'complete');
      const given = await startTestRun(store);
      await store.finishRun(given, { captured: 3, kept: 1, deleted: 2, failed: 1 }, '2025-03-01T10:00:00Z', 'abandoned');
      const runs = new Map((await store.runs('mensenhandel')).map((r) => [r.id, r]));
      assert.deepEqual([runs.get(given)?.abandoned, runs.get(given)?.finishedAt, runs.get(given)?.captured, runs.get(given)?.failed],
        [true, '2025-03-01T10:00:00.000Z', 3, 1]);
      assert.equal(runs.get(complete)?.abandoned, false);
      const logged = (await store.readLog('custody')).filter((e) => e.body.action === 'run').map((e) => [e.body.run, e.body.abandoned]);
      assert.deepEqual(logged, [[complete, undefined], [given, true]], 'a complete run\'s entry is as before; an abandoned one says so');
      await assert.rejects(store.finishRun(given, { captured: 3, kept: 1, deleted: 2, failed: 1 }, '2025-03-01T10:01:00Z'), BakenError, 'finished once');
      assert.equal((await store.runs('mensenhandel')).find((r) => r.id === given)?.abandoned, true);
    });

    test('runs keep the pages they failed to capture', async (store) => {
      const runId = await startTestRun(store);
      const failure = { source: 'demo-classic', url: 'https://ads.example/slow', reason: 'timeout after 30 s', attempts: 3 };
      await store.recordFailure(runId, failure);
      assert.deepEqual(await store.failures(runId), [failure]);
      await assert.rejects(store.recordFailure('no-such-run', failure), BakenError);
      await assert.rejects(store.recordFailure(runId, { ...failure, attempts: 0 }), BakenError);
    });

    test('records capture, version, sighting, failure and run in the custody log with the capture', async (store) => {
      const runId = await startTestRun(store);
      const first = keptAd(runId, { fields: { title: 'one' }, capturedAt: '2025-03-01T10:00:00.000Z' });
      await store.saveAd(first);
      await store.saveAd(keptAd(runId, { fields: { title: 'one' }, capturedAt: '2025-03-01T11:00:00.000Z' }));
      const second = keptAd(runId, { fields: { title: 'two' }, capturedAt: '2025-03-01T12:00:00.000Z' });
      await store.saveAd(second);
      await store.recordFailure(runId, { source: 'demo-classic', url: 'https://ads.example/broken', reason: 'HTTP 500', attempts: 3 });
      await store.finishRun(runId, { captured: 3, kept: 3, deleted: 7, failed: 1 }, '2025-03-01T13:00:00.000Z');
      const log = await store.readLog('custody');
      assert.deepEqual(log.map((e) => e.body.action), ['capture', 'sighting', 'version', 'capture-failed', 'run']);
      assert.deepEqual(verifyChain(log).breaks, []);
      assert.equal(log[0]!.body['manifest'], first.manifest.sha256);
      assert.equal(log[2]!.body['capture'], second.captureId);
      assert.equal(log[2]!.body['version'], 2);
      assert.ok(!JSON.stringify(log[3]!.body).includes('ads.example'), 'the log keeps a hash of a failed URL, not the URL');
      assert.equal(log[4]!.body['deleted'], 7);
    });

    test('sights an unchanged ad without a copy, and declines a changed one', async (store) => {
      const runId = await startTestRun(store);
      const ad = keptAd(runId);
      await store.saveAd(ad);
      const hash = contentHashOf(ad.fields, imageHashes(ad.artefacts));
      const seen = await store.sightIfUnchanged({ runId, theme: ad.theme, url: ad.url, contentHash: hash, seenAt: '2025-03-02T10:00:00.000Z' });
      assert.equal(seen?.outcome, 'unchanged');
      assert.equal(await store.sightIfUnchanged({ runId, theme: ad.theme, url: ad.url, contentHash: fakeHash('other'), seenAt: '2025-03-02T11:00:00.000Z' }), null);
      assert.equal(await store.sightIfUnchanged({ runId, theme: ad.theme, url: 'https://ads.example/new', contentHash: hash, seenAt: '2025-03-02T11:00:00.000Z' }), null);
      const got = (await store.getAd(seen!.adId, ['mensenhandel']))!;
      assert.equal(got.sightings, 2);
      assert.equal(got.lastSeen, '2025-03-02T10:00:00.000Z');
      assert.equal((await store.evidence(seen!.adId)).length, 1);
    });

    test('marks ads no longer listed as gone, and brings them back when seen again', async (store) => {
      const runId = await startTestRun(store);
      const a = keptAd(runId, { url: 'https://ads.example/a' });
      const b = keptAd(runId, { url: 'https://ads.example/b' });
      const { adId: idA } = await store.saveAd(a);
      const { adId: idB } = await store.saveAd(b);
      assert.deepEqual(await store.markGone(runId, 'mensenhandel', 'demo-classic', [a.url], '2025-03-03T00:00:00.000Z'), [idB]);
      assert.equal((await store.getAd(idB, ['mensenhandel']))!.goneAt, '2025-03-03T00:00:00.000Z');
      assert.equal((await store.getAd(idA, ['mensenhandel']))!.goneAt, null);
      assert.deepEqual(await store.markGone(runId, 'mensenhandel', 'demo-classic', [a.url], '2025-03-04T00:00:00.000Z'), [], 'gone once');
      await store.saveAd({ ...keptAd(runId, { url: b.url, capturedAt: '2025-03-05T00:00:00.000Z' }) });
      assert.equal((await store.getAd(idB, ['mensenhandel']))!.goneAt, null);
      assert.equal((await store.readLog('custody')).filter((e) => e.body.action === 'gone').length, 1);
    });

    test('lists the versions of an ad, only within the caller\'s themes', async (store) => {
      const runId = await startTestRun(store);
      const { adId } = await store.saveAd(keptAd(runId, { fields: { text: 'eerste tekst' } }));
      await store.saveAd(keptAd(runId, { fields: { text: 'tweede tekst' }, capturedAt: '2025-03-02T10:00:00.000Z' }));
      const versions = await store.versions(adId, ['mensenhandel']);
      assert.deepEqual(versions.map((v) => [v.version, v.fields.text]), [[1, 'eerste tekst'], [2, 'tweede tekst']]);
      assert.deepEqual(await store.versions(adId, ['toezicht']), []);
    });

    test('refuses an ad without a signed manifest', async (store) => {
      const runId = await startTestRun(store);
      const ad = keptAd(runId);
      await assert.rejects(store.saveAd({ ...ad, manifest: { ...ad.manifest, signature: '' } }),
        /manifest\.signature: missing \(captures are stored signed only\)/);
      assert.equal((await store.search({ themes: ['mensenhandel'] })).total, 0);
    });

    test('appends hash-chained log entries that verify, one chain per log', async (store) => {
      await store.appendLog('audit', { action: 'search', user: 'u1' }, '2026-03-01T10:00:00.000Z');
      await store.appendLog('custody', { action: 'capture', ad: 'a1' });
      await store.appendLog('audit', { action: 'view', user: 'u1' });
      const audit = await store.readLog('audit');
      assert.deepEqual(audit.map((e) => [e.seq, e.body.action]), [[1, 'search'], [2, 'view']]);
      assert.equal(audit[0]!.prevHash, GENESIS_HASH);
      assert.equal(audit[1]!.prevHash, audit[0]!.hash);
      assert.equal(audit[0]!.at, '2026-03-01T10:00:00.000Z');
      assert.deepEqual(verifyChain(audit).breaks, []);
      assert.deepEqual((await store.readLog('custody')).map((e) => e.seq), [1]);
      assert.deepEqual((await store.readLog('audit', { fromSeq: 2 })).map((e) => e.seq), [2]);
    });

    test('withLogHeads hands over the last entry of each log that has one', async (store) => {
      assert.deepEqual(await store.withLogHeads((heads) => heads), []);
      await store.appendLog('audit', { action: 'search' }, '2026-03-01T10:00:00.000Z');
      const last = await store.appendLog('audit', { action: 'view' }, '2026-03-01T10:01:00.000Z');
      const heads = await store.withLogHeads((h) => h);
      assert.deepEqual(heads, [{ log: 'audit', seq: 2, hash: last.hash, at: '2026-03-01T10:01:00.000Z' }]);
      await assert.rejects(store.withLogHeads(() => { throw new Error('the file could not be written'); }), /could not be written/);
      assert.equal((await store.appendLog('audit', { action: 'after' })).seq, 3, 'a failed checkpoint leaves the log usable');
    });

    test('referencedBlobs lists the artefact hashes of every stored capture', async (store) => {
      const runId = await startTestRun(store);
      const first = keptAd(runId, { fields: { title: 'v1' } });
      await store.saveAd(first);
      await store.saveAd(keptAd(runId, { fields: { title: 'v2' }, html: 'changed page', screenshot: 'second visit' }));
      const expected = new Set([...first.artefacts.map((a) => a.sha256), fakeHash('changed page'), fakeHash('second visit')]);
      assert.deepEqual(await store.referencedBlobs(), expected);
    });

    test('search filters on phone number, indicator and the period an ad was seen', async (store) => {
      const runId = await startTestRun(store);
      const hit = (id: string) => ({ id, weight: 1, evidence: [] });
      const save = (n: string, phones: string[], hits: string[], capturedAt: string) =>
        store.saveAd({ ...keptAd(runId, { url: `https://ads.example/${n}`, capturedAt, fields: { title: `ad ${n}`, phones } }), hits: hits.map(hit) });
      await save('1', ['+31612345678'], ['a', 'b'], '2025-03-01T10:00:00.000Z');
      await save('2', ['+31612345678', '+31687654321'], ['b'], '2025-03-05T10:00:00.000Z');
      await save('3', ['+31687654321'], ['c'], '2025-03-09T10:00:00.000Z');
      const titles = async (q: Omit<Parameters<Store['search']>[0], 'themes'>) =>
        (await store.search({ themes: ['mensenhandel'], ...q })).hits.map((h) => h.title).sort();
      assert.deepEqual(await titles({ phone: '+31612345678' }), ['ad 1', 'ad 2']);
      assert.deepEqual(await titles({ phone: '+31600000000' }), []);
      assert.deepEqual(await titles({ indicator: 'b' }), ['ad 1', 'ad 2']);
      assert.deepEqual(await titles({ indicator: 'c', phone: '+31687654321' }), ['ad 3']);
      assert.deepEqual(await titles({ from: '2025-03-05T00:00:00.000Z' }), ['ad 2', 'ad 3']);
      assert.deepEqual(await titles({ to: '2025-03-05T23:59:59.999Z' }), ['ad 1', 'ad 2']);
      assert.deepEqual(await titles({ from: '2025-03-02T00:00:00.000Z', to: '2025-03-06T00:00:00.000Z' }), ['ad 2']);
      assert.deepEqual((await store.search({ themes: ['toezicht'], phone: '+31612345678' })).total, 0);
    });

    test('search sorts by score, last seen, newest and oldest, filters on indicator count and score band, and shows first seen and age', async (store) => {
      const runId = await startTestRun(store);
      const hit = (id: string) => ({ id, weight: 1, evidence: [] });
      const save = (n: string, score: number, hits: string[], capturedAt: string, age?: number) => store.saveAd({
        ...keptAd(runId, { url: `https://ads.example/${n}`, score, capturedAt, fields: { title: `ad ${n}`, ...(age === undefined ? {} : { age }) } }),
        hits: hits.map(hit),
      });
      await save('1', 12, ['a', 'b', 'c'], '2025-03-01T10:00:00.000Z', 24);
      await save('2', 6, ['a'], '2025-03-03T10:00:00.000Z');
      await save('3', 25, ['a', 'b'], '2025-03-02T10:00:00.000Z');
      // Seen again later, changed: first seen stays, last seen moves.
      await save('1', 12, ['a', 'b', 'c'], '2025-03-09T10:00:00.000Z', 24);
      const titles = async (q: Omit<Parameters<Store['search']>[0], 'themes'>) =>
        (await store.search({ themes: ['mensenhandel'], ...q })).hits.map((h) => h.title);
      assert.deepEqual(await titles({}), ['ad 3', 'ad 1', 'ad 2']);
      assert.deepEqual(await titles({ sort: 'score' }), ['ad 3', 'ad 1', 'ad 2']);
      assert.deepEqual(await titles({ sort: 'lastSeen' }), ['ad 1', 'ad 2', 'ad 3']);
      assert.deepEqual(await titles({ sort: 'newest' }), ['ad 2', 'ad 3', 'ad 1']);
      assert.deepEqual(await titles({ sort: 'oldest' }), ['ad 1', 'ad 3', 'ad 2']);
      assert.deepEqual(await titles({ sort: 'oldest', limit: 1, offset: 1 }), ['ad 3']);
      assert.deepEqual(await titles({ minIndicators: 2 }), ['ad 3', 'ad 1']);
      assert.deepEqual(await titles({ minIndicators: 4 }), []);
      assert.deepEqual(await titles({ scoreBand: '10-19' }), ['ad 1']);
      assert.deepEqual(await titles({ scoreBand: '5-9', minIndicators: 1 }), ['ad 2']);
      assert.deepEqual(await titles({ scoreBand: 'no band' }), []);
      const [first] = (await store.search({ themes: ['mensenhandel'], sort: 'lastSeen', limit: 1 })).hits;
      assert.deepEqual([first!.firstSeen, first!.lastSeen, first!.age, first!.indicatorCount, first!.picture],
        ['2025-03-01T10:00:00.000Z', '2025-03-09T10:00:00.000Z', 24, 3, true]);
      assert.equal((await store.search({ themes: ['mensenhandel'], scoreBand: '5-9' })).hits[0]!.age, null);
      // A theme that keeps no pictures (the municipal one): nothing to make a thumbnail of.
      const bare = keptAd(runId, { url: 'https://ads.example/bare', score: 1, fields: { title: 'bare' } });
      await store.saveAd({ ...bare, artefacts: bare.artefacts.filter((a) => a.kind === 'html') });
      assert.equal((await store.search({ themes: ['mensenhandel'], text: 'bare' })).hits[0]!.picture, false);
    });

    test('search counts facets over every match, not only the page, and counts indicators per hit', async (store) => {
      const runId = await startTestRun(store);
      const ads: [string, string, string, number, string][] = [
        ['1', 'site-a', 'Amsterdam', 12, '2025-03-01T10:00:00.000Z'], ['2', 'site-a', 'amsterdam', 3, '2025-03-02T10:00:00.000Z'],
        ['3', 'site-b', 'Utrecht', 25, '2025-04-01T10:00:00.000Z'],
      ];
      for (const [n, source, city, score, capturedAt] of ads) {
        await store.saveAd(keptAd(runId, { url: `https://ads.example/${n}`, source, score, capturedAt, fields: { title: `ad ${n}`, city } }));
      }
      const result = await store.search({ themes: ['mensenhandel'], facets: true, limit: 1 });
      assert.equal(result.total, 3);
      assert.equal(result.hits.length, 1);
      assert.equal(result.hits[0]!.indicatorCount, 1);
      assert.deepEqual(result.facets, {
        city: [{ value: 'amsterdam', count: 2 }, { value: 'utrecht', count: 1 }],
        source: [{ value: 'site-a', count: 2 }, { value: 'site-b', count: 1 }],
        indicatorCount: [{ value: '1', count: 3 }],
        scoreBand: [{ value: '0-4', count: 1 }, { value: '10-19', count: 1 }, { value: '20+', count: 1 }],
        month: [{ value: '2025-03', count: 2 }, { value: '2025-04', count: 1 }],
      });
      assert.equal((await store.search({ themes: ['mensenhandel'], text: 'nergens', facets: true })).facets?.city.length, 0);
    });

    test('search narrows to given ids and never beyond the themes', async (store) => {
      const runId = await startTestRun(store);
      const a = await store.saveAd(keptAd(runId, { url: 'https://ads.example/a' }));
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/b' }));
      const other = await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht' }));
      assert.deepEqual((await store.search({ themes: ['mensenhandel'], ids: [a.adId, other.adId] })).hits.map((h) => h.id), [a.adId]);
      assert.equal((await store.search({ themes: ['mensenhandel'], ids: [] })).total, 0);
    });

    analysisContract(test);
    retentionContract(test);
    monitorContract(test);
    healthContract(test);
    imageHashContract(test);
  });
}

async function countsOf(store: Store, adId: string) {
  const ad = await store.getAd(adId, ['mensenhandel']);
  return {
    total: (await store.search({ themes: ['mensenhandel'] })).total,
    blobs: [...await store.referencedBlobs()].sort(),
    sightings: ad?.sightings,
    version: ad?.version,
  };
}
