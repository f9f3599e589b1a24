// The store contract for the cross-ad analysis: the staging area of a run, the features later runs
// compare new ads with, and the stored links networks are made of.
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import type { NetworkLink } from '../domain/network.ts';
import { keptAd, startTestRun, type ContractTest } from './store.fixtures.ts';
import type { StagedAd } from './store.ts';

export function analysisContract(test: ContractTest): void {
  test('networkOf follows stored links through other ads, never across themes nor to an ad not kept', async (store) => {
    const runId = await startTestRun(store);
    const save = async (n: string) => (await store.saveAd(keptAd(runId, { url: `https://ads.example/${n}` }))).adId;
    const [a, b, c, d] = [await save('1'), await save('2'), await save('3'), await save('4')];
    const other = (await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht' }))).adId;
    const link = (x: string, y: string, reason: NetworkLink['reason'], value: string): NetworkLink =>
      (x < y ? { a: x, b: y, reason, value } : { a: y, b: x, reason, value });
    const links = [link(a, b, 'shared-phone', '+31612345678'), link(b, c, 'shared-image', 'f0f0 ~ f0f1'), link(a, other, 'shared-phone', '+31612345678'),
      link(a, 'f'.repeat(24), 'template-text', 'similarity 0.90')];
    await store.replaceLinks('mensenhandel', links);
    const network = await store.networkOf(c, ['mensenhandel', 'toezicht']);
    assert.deepEqual(network?.ads, [a, b, c].sort());
    assert.deepEqual(network?.links, links.slice(0, 2).sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b)));
    assert.deepEqual(await store.networkOf(d, ['mensenhandel']), { ads: [d], links: [] });
    assert.equal(await store.networkOf(a, ['toezicht']), null);
    await store.replaceLinks('mensenhandel', []);
    assert.deepEqual(await store.networkOf(a, ['mensenhandel']), { ads: [a], links: [] }, 'links are replaced, not added');
  });

  test('adsWithPhone finds the ads with the number in the phones of any version or in a shared-phone link, only of the theme', async (store) => {
    const phone = '+31612345678';
    const runId = await startTestRun(store);
    const url = 'https://ads.example/earlier';
    const earlier = (await store.saveAd(keptAd(runId, { url, fields: { title: 'Een', phones: [phone] } }))).adId;
    await store.saveAd(keptAd(runId, { url, capturedAt: '2025-03-02T10:00:00.000Z', fields: { title: 'Twee', phones: ['+31699999999'] } }));
    const [inWords, linkedOther, unrelated] = [
      (await store.saveAd(keptAd(runId, { url: 'https://ads.example/words', fields: { title: 'bel nul zes een twee drie vier vijf zes zeven acht' } }))).adId,
      (await store.saveAd(keptAd(runId, { url: 'https://ads.example/other-number', fields: { title: 'Drie', phones: ['+31600000000'] } }))).adId,
      (await store.saveAd(keptAd(runId, { url: 'https://ads.example/none', fields: { title: 'Vier' } }))).adId,
    ];
    await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht', fields: { title: 'x', phones: [phone] } }));
    const link = (x: string, y: string, reason: NetworkLink['reason'], value: string): NetworkLink =>
      (x < y ? { a: x, b: y, reason, value } : { a: y, b: x, reason, value });
    await store.replaceLinks('mensenhandel', [link(earlier, inWords, 'shared-phone', phone), link(linkedOther, unrelated, 'shared-phone', '+31600000000'),
      link(linkedOther, inWords, 'shared-image', phone)]);
    assert.deepEqual(await store.adsWithPhone('mensenhandel', phone), [earlier, inWords].sort(), 'an earlier version counts; another reason or number does not');
    assert.equal((await store.adsWithPhone('toezicht', phone)).length, 1);
    assert.deepEqual(await store.adsWithPhone('mensenhandel', '+31611111111'), []);
  });

  test('keeps staged ads apart from kept ones, hands each out once, and purges the rest with a count in the custody log', async (store) => {
    const runId = await startTestRun(store);
    const capture = new Uint8Array([1, 2, 3]);
    const staged = (url: string): StagedAd => ({
      runId, theme: 'mensenhandel', url, features: { id: url, fields: { title: url } }, capture, owner: 'host:1',
      stagedAt: '2025-03-01T10:00:00.000Z', expiresAt: '2025-03-02T10:00:00.000Z',
    });
    await store.stage(staged('https://ads.example/s1'));
    await store.stage(staged('https://ads.example/s2'));
    assert.equal((await store.search({ themes: ['mensenhandel'] })).total, 0, 'a staged ad is not a kept ad');
    assert.deepEqual((await store.stagedFeatures(runId)).map((s) => s.features.fields.title), ['https://ads.example/s1', 'https://ads.example/s2']);
    assert.deepEqual(await store.stagingRuns(), [{ runId, theme: 'mensenhandel', owner: 'host:1', expiresAt: '2025-03-02T10:00:00.000Z', ads: 2 }]);
    assert.deepEqual([...(await store.takeStaged(runId, 'https://ads.example/s1'))!], [1, 2, 3]);
    assert.equal(await store.takeStaged(runId, 'https://ads.example/s1'), null);
    assert.equal(await store.purgeStaging(runId, 'abandoned', '2025-03-01T11:00:00.000Z'), 1);
    assert.deepEqual(await store.stagingRuns(), []);
    const last = (await store.readLog('custody')).at(-1)!;
    assert.deepEqual(last.body, { action: 'staging-purged', run: runId, theme: 'mensenhandel', ads: 1, reason: 'abandoned' });
  });

  test('refuses to stage an ad under a run of another theme, or without its capture, and stages nothing', async (store) => {
    const runId = await startTestRun(store);
    const ad: StagedAd = {
      runId, theme: 'toezicht', url: 'https://ads.example/x', features: { id: 'x', fields: {} }, capture: new Uint8Array([1]),
      owner: 'host:1', stagedAt: '2025-03-01T10:00:00.000Z', expiresAt: '2025-03-02T10:00:00.000Z',
    };
    await assert.rejects(store.stage(ad), (e) => e instanceof BakenError && e.code === 'STORE_REJECTED' && /theme "toezicht"/.test(e.message));
    await assert.rejects(store.stage({ ...ad, theme: 'mensenhandel', capture: new Uint8Array() }),
      (e) => e instanceof BakenError && e.code === 'STORE_REJECTED' && /capture: expected the captured bytes/.test(e.message));
    assert.deepEqual(await store.stagingRuns(), []);
  });

  test('gives the analysis the latest version of each kept ad and the earlier ones since a date, with their pictures', async (store) => {
    const runId = await startTestRun(store);
    const url = 'https://ads.example/moving';
    await store.saveAd(keptAd(runId, { url, fields: { city: 'Utrecht' }, capturedAt: '2025-03-01T10:00:00.000Z', perceptualHashes: ['00ff00ff00ff00ff'] }));
    await store.saveAd(keptAd(runId, { url, fields: { city: 'Breda' }, capturedAt: '2025-03-03T10:00:00.000Z' }));
    await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht', url }));
    const all = await store.keptFeatures('mensenhandel', '2025-03-01T00:00:00.000Z');
    assert.deepEqual(all.map((f) => [f.fields.city, f.seen, f.imageHashes]), [
      ['Utrecht', '2025-03-01T10:00:00.000Z', ['00ff00ff00ff00ff']], ['Breda', '2025-03-03T10:00:00.000Z', undefined],
    ]);
    assert.deepEqual((await store.keptFeatures('mensenhandel', '2025-03-02T00:00:00.000Z')).map((f) => f.fields.city), ['Breda']);
  });}
