// The store contract for retention (DESIGN.md §2.4): the purge of ads past their theme's retention,
// and legal holds that keep an ad linked to a case.
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { verifyChain } from '../domain/hash-chain.ts';
import { keptAd, startTestRun, type ContractTest } from './store.fixtures.ts';

export function retentionContract(test: ContractTest): void {
  test('purges an expired ad with everything it has, and nothing of a fresh or a held one', async (store) => {
    const runId = await startTestRun(store);
    const old = keptAd(runId, { url: 'https://ads.example/old', html: 'shared page', fields: { title: 'Oud zonnebloem', phones: ['+31611111111'] } });
    const fresh = keptAd(runId, { url: 'https://ads.example/fresh', html: 'shared page', capturedAt: '2025-09-01T10:00:00.000Z' });
    const held = keptAd(runId, { url: 'https://ads.example/held', fields: { title: 'Vastgehouden' } });
    const [o, f, h] = [await store.saveAd(old), await store.saveAd(fresh), await store.saveAd(held)];
    const v2 = await store.saveAd(keptAd(runId, { url: old.url, fields: { title: 'Oud v2' }, capturedAt: '2025-03-02T10:00:00.000Z' }));
    await store.replaceLinks('mensenhandel', [o.adId < f.adId
      ? { a: o.adId, b: f.adId, reason: 'shared-phone', value: '+31612345678' } : { a: f.adId, b: o.adId, reason: 'shared-phone', value: '+31612345678' }]);
    await store.placeHold(h.adId, 'mensenhandel', 'ZAAK-2025-001', 'expert.jansen', '2025-03-03T00:00:00.000Z');

    const result = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z');

    const oldOnly = [...new Set([old, keptAd(runId, { url: old.url })].flatMap((a) => a.artefacts.map((x) => x.sha256)))]
      .filter((sha) => !fresh.artefacts.some((x) => x.sha256 === sha)).sort();
    assert.deepEqual(result, { ads: 1, captures: 2, blobs: oldOnly, held: 1 }, 'the shared page is still used by the fresh ad');
    assert.equal(await store.getAd(o.adId, ['mensenhandel']), null);
    assert.deepEqual(await store.evidence(o.adId), []);
    assert.deepEqual(await store.sightings(o.adId), []);
    assert.equal((await store.search({ themes: ['mensenhandel'], text: 'zonnebloem' })).total, 0);
    assert.equal((await store.search({ themes: ['mensenhandel'], phone: '+31611111111' })).total, 0);
    assert.deepEqual((await store.search({ themes: ['mensenhandel'] })).hits.map((x) => x.id).sort(), [f.adId, h.adId].sort());
    assert.deepEqual(await store.networkOf(f.adId, ['mensenhandel']), { ads: [f.adId], links: [] });
    const referenced = await store.referencedBlobs();
    assert.ok(oldOnly.every((sha) => !referenced.has(sha)), 'no row refers to a purged blob');
    assert.ok(fresh.artefacts.every((x) => referenced.has(x.sha256)) && held.artefacts.every((x) => referenced.has(x.sha256)));
    const last = (await store.readLog('custody')).at(-1)!;
    assert.deepEqual(last.body, {
      action: 'purge', theme: 'mensenhandel', reason: 'retention', ads: [o.adId], captures: [o.captureId, v2.captureId],
      at: '2025-09-02T00:00:00.000Z',
    });
    assert.ok(!JSON.stringify(last.body).includes('ads.example'), 'the purge entry names ids, never URLs or fields');
  });

  test('purges an ad first seen before the absolute maximum, however recently it was seen', async (store) => {
    const runId = await startTestRun(store);
    const { adId: id } = await store.saveAd(keptAd(runId));
    await store.saveAd(keptAd(runId, { capturedAt: '2025-09-01T10:00:00.000Z' }));
    const cutoff = { lastSeenBefore: '2025-06-01T00:00:00.000Z' };
    assert.equal((await store.purgeExpired('mensenhandel', cutoff, '2025-09-02T00:00:00.000Z')).ads, 0);
    assert.equal((await store.purgeExpired('toezicht', { ...cutoff, firstSeenBefore: '2025-04-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z')).ads, 0,
      'a purge never reaches another theme');
    assert.equal((await store.purgeExpired('mensenhandel', { ...cutoff, firstSeenBefore: '2025-04-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z')).ads, 1);
    assert.equal(await store.getAd(id, ['mensenhandel']), null);
  });

  test('a hold and its release are custody entries with the ad, the case and who', async (store) => {
    const { adId: id } = await store.saveAd(keptAd(await startTestRun(store)));
    const hold = await store.placeHold(id, 'mensenhandel', 'ZAAK-7', 'expert.jansen', '2025-03-03T00:00:00Z');
    assert.deepEqual(await store.holds('mensenhandel'), [hold]);
    assert.deepEqual(await store.holds('toezicht'), []);
    await assert.rejects(store.placeHold(id, 'mensenhandel', 'ZAAK-8', 'expert.smit', '2025-03-04T00:00:00Z'),
      (e) => e instanceof BakenError && e.code === 'CONFLICT' && /already on hold for case ZAAK-7/.test(e.message));
    await store.releaseHold(id, 'mensenhandel', 'expert.smit', '2025-03-05T00:00:00Z');
    assert.deepEqual(await store.holds('mensenhandel'), []);
    const log = (await store.readLog('custody')).slice(-2);
    assert.deepEqual(log.map((e) => [e.at, e.body]), [
      ['2025-03-03T00:00:00.000Z', { action: 'hold', ad: id, theme: 'mensenhandel', case: 'ZAAK-7', by: 'expert.jansen' }],
      ['2025-03-05T00:00:00.000Z', { action: 'hold-released', ad: id, theme: 'mensenhandel', case: 'ZAAK-7', by: 'expert.smit' }],
    ]);
    assert.deepEqual(verifyChain(await store.readLog('custody')).breaks, []);
    await assert.rejects(store.releaseHold(id, 'mensenhandel', 'expert.smit', '2025-03-06T00:00:00Z'),
      (e) => e instanceof BakenError && e.code === 'NOT_FOUND');
  });

  test('a released ad past retention is purged at the next purge', async (store) => {
    const { adId: id } = await store.saveAd(keptAd(await startTestRun(store)));
    await store.placeHold(id, 'mensenhandel', 'ZAAK-7', 'expert.jansen', '2025-03-03T00:00:00Z');
    const cutoff = { lastSeenBefore: '2025-06-01T00:00:00.000Z' };
    assert.deepEqual(await store.purgeExpired('mensenhandel', cutoff, '2025-09-01T00:00:00Z'), { ads: 0, captures: 0, blobs: [], held: 1 });
    assert.ok(await store.getAd(id, ['mensenhandel']));
    await store.releaseHold(id, 'mensenhandel', 'expert.jansen', '2025-09-01T01:00:00Z');
    assert.equal((await store.purgeExpired('mensenhandel', cutoff, '2025-09-02T00:00:00Z')).ads, 1);
    assert.equal(await store.getAd(id, ['mensenhandel']), null);
  });

  test('refuses to hold an ad of another theme, or without a case number, and changes nothing', async (store) => {
    const { adId: id } = await store.saveAd(keptAd(await startTestRun(store)));
    const before = (await store.readLog('custody')).length;
    await assert.rejects(store.placeHold(id, 'toezicht', 'ZAAK-7', 'expert.jansen', '2025-03-03T00:00:00Z'),
      (e) => e instanceof BakenError && e.code === 'NOT_FOUND' && /theme "toezicht" keeps no such ad/.test(e.message));
    await assert.rejects(store.placeHold(id, 'mensenhandel', ' ', 'expert.jansen', '2025-03-03T00:00:00Z'),
      (e) => e instanceof BakenError && e.code === 'INPUT_INVALID' && /case number/.test(e.message));
    assert.deepEqual([await store.holds('mensenhandel'), await store.holds('toezicht')], [[], []]);
    assert.equal((await store.readLog('custody')).length, before);
  });
}
