// The store contract for the picture index (search by photo): exact answers against a scan of every
// stored hash, each ad once with its nearest picture, bounded by theme, and an index that follows the
// captures it comes from — filled when a capture is saved, emptied when its ad is purged.
import assert from 'node:assert/strict';
import { hammingDistance } from '../analyse/image-matches.ts';
import { keptAd, startTestRun, type ContractTest } from './store.fixtures.ts';

/** A hash `bits` bits away from `hash`: the lowest `bits` positions of a seeded shuffle flipped. */
function flipped(hash: string, bits: number, seed: number): string {
  let value = BigInt(`0x${hash}`);
  const order = Array.from({ length: 64 }, (_, i) => i);
  let s = seed;
  for (let i = 63; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const bit of order.slice(0, bits)) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

const BASES = ['0f0f0f0f0f0f0f0f', 'a5c3e1f00ff1e3c5', '123456789abcdef0'];

export function imageHashContract(test: ContractTest): void {
  test('finds exactly the ads a scan of every stored hash finds, each once at its nearest picture, nearest first', async (store) => {
    const runId = await startTestRun(store);
    const stored: { adId: string; hashes: string[] }[] = [];
    for (let i = 0; i < 60; i++) {
      const base = BASES[i % BASES.length]!;
      const hashes = [flipped(base, i % 17, i), flipped(base, (i * 7) % 23, i + 100)];
      const saved = await store.saveAd(keptAd(runId, { url: `https://ads.example/${i}`, perceptualHashes: hashes }));
      stored.push({ adId: saved.adId, hashes });
    }
    for (const query of [BASES[0]!, flipped(BASES[1]!, 3, 7), flipped(BASES[2]!, 9, 8)]) {
      for (const maxDistance of [0, 3, 4, 10, 15]) {
        const scanned = stored
          .map((s) => ({ adId: s.adId, distance: Math.min(...s.hashes.map((h) => hammingDistance(query, h))) }))
          .filter((s) => s.distance <= maxDistance)
          .sort((a, b) => a.distance - b.distance || a.adId.localeCompare(b.adId));
        const found = await store.adsWithImageHash(query, maxDistance, ['mensenhandel']);
        assert.deepEqual(found.map((m) => ({ adId: m.adId, distance: m.distance })), scanned, `query ${query} within ${maxDistance}`);
        for (const m of found) assert.equal(hammingDistance(query, m.hash), m.distance, 'the picture named is the one at that distance');
      }
    }
  });

  test('names the capture and place of the nearest picture, and whether it is the ad\'s latest capture', async (store) => {
    const runId = await startTestRun(store);
    const url = 'https://ads.example/versions';
    const first = await store.saveAd(keptAd(runId, { url, fields: { title: 'Een' }, perceptualHashes: ['ffffffffffffffff', '00000000000000ff'] }));
    const second = await store.saveAd(keptAd(runId, { url, fields: { title: 'Twee' }, capturedAt: '2025-03-02T10:00:00.000Z', perceptualHashes: ['0000000000000000'] }));
    assert.equal(second.outcome, 'changed');
    assert.deepEqual(await store.adsWithImageHash('0000000000000001', 10, ['mensenhandel']), [
      { adId: first.adId, theme: 'mensenhandel', captureId: second.captureId, latest: true, n: 0, hash: '0000000000000000', distance: 1 },
    ], 'the latest capture\'s picture is nearer than the earlier one\'s (7 bits)');
    assert.deepEqual(await store.adsWithImageHash('00000000000000ff', 10, ['mensenhandel']), [
      { adId: first.adId, theme: 'mensenhandel', captureId: first.captureId, latest: false, n: 1, hash: '00000000000000ff', distance: 0 },
    ]);
    assert.deepEqual(await store.adsWithImageHash('ffffffffffffffff', 10, ['mensenhandel']).then((m) => m.map((x) => x.n)), [0]);
  });

  test('answers only ads of the themes asked, and nothing for no theme', async (store) => {
    const police = await store.saveAd(keptAd(await startTestRun(store), { perceptualHashes: ['1111111111111111'] }));
    await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht', perceptualHashes: ['1111111111111111'] }));
    assert.deepEqual((await store.adsWithImageHash('1111111111111111', 4, ['mensenhandel'])).map((m) => m.adId), [police.adId]);
    assert.equal((await store.adsWithImageHash('1111111111111111', 4, ['toezicht'])).length, 1);
    assert.deepEqual(await store.adsWithImageHash('1111111111111111', 4, []), []);
  });

  test('forgets an ad\'s pictures when the ad is purged', async (store) => {
    const runId = await startTestRun(store);
    const old = await store.saveAd(keptAd(runId, { url: 'https://ads.example/old', perceptualHashes: ['2222222222222222'] }));
    const kept = await store.saveAd(keptAd(runId, { url: 'https://ads.example/new', capturedAt: '2025-08-01T10:00:00.000Z', perceptualHashes: ['2222222222222223'] }));
    assert.equal((await store.adsWithImageHash('2222222222222222', 4, ['mensenhandel'])).length, 2);
    const purged = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-01T00:00:00.000Z');
    assert.equal(purged.ads, 1);
    assert.deepEqual((await store.adsWithImageHash('2222222222222222', 4, ['mensenhandel'])).map((m) => m.adId), [kept.adId]);
    assert.notEqual(old.adId, kept.adId);
  });

  test('refuses a malformed hash or a distance the index cannot answer exactly', async (store) => {
    await assert.rejects(store.adsWithImageHash('not-a-hash', 4, ['mensenhandel']), /not a perceptual hash/);
    await assert.rejects(store.adsWithImageHash('2222222222222222', 99, ['mensenhandel']), /maxDistance/);
  });
}
