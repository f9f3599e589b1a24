// The behaviour every adapter of the standing-searches port must show; run from api-stores.contract.ts.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { AccountStore } from './accounts.ts';
import type { StandingSearchStore } from './standing-searches.ts';
import { keptAd, startTestRun } from './store.fixtures.ts';
import type { Store } from './store.ts';

type Test = (title: string, body: (p: { store: Store; accounts: AccountStore; standing: StandingSearchStore }) => Promise<void>) => void;

const AT = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-03T08:00:00.000Z';
const EXPIRES = '2026-05-31T08:00:00.000Z';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

async function owners(accounts: AccountStore): Promise<[string, string]> {
  const add = async (name: string) => (await accounts.addUser({
    name, role: 'analyst', themes: ['mensenhandel'], passwordHash: HASH, totpSecret: null, requestedBy: ['operator'], approvedBy: 'operator',
  }, AT)).id;
  return [await add('anna'), await add('bert')];
}

const saved = { theme: 'mensenhandel', name: 'Nieuw in Utrecht', query: { q: 'nieuw', city: 'Utrecht', minScore: 2 }, justification: 'ZAAK-2026-7' };

export function standingSearchesContract(name: string, test: Test): void {
  describe(`standing searches contract: ${name}`, () => {
    test('saves a search for its owner only, renews and deletes it', async ({ accounts, standing }) => {
      const [anna, bert] = await owners(accounts);
      const search = await standing.saveSearch({ owner: anna, ...saved }, AT, EXPIRES);
      assert.deepEqual({ ...search, id: 'x' }, { id: 'x', owner: anna, ...saved, createdAt: AT, expiresAt: EXPIRES, hits: 0, unseen: 0 });
      assert.deepEqual(await standing.searchesOf(anna), [search]);
      assert.deepEqual(await standing.searchesOf(bert), []);
      assert.equal(await standing.search(search.id, bert), null, 'another user\'s search is not there');
      assert.equal(await standing.renewSearch(search.id, bert, LATER), false);
      assert.equal(await standing.deleteSearch(search.id, bert), false);
      assert.equal(await standing.renewSearch(search.id, anna, '2026-08-01T08:00:00.000Z'), true);
      assert.equal((await standing.search(search.id, anna))!.expiresAt, '2026-08-01T08:00:00.000Z');
      assert.equal(await standing.deleteSearch(search.id, anna), true);
      assert.deepEqual(await standing.searchesOf(anna), []);
    });

    test('lists only the theme\'s searches that have not expired', async ({ accounts, standing }) => {
      const [anna] = await owners(accounts);
      const live = await standing.saveSearch({ owner: anna, ...saved }, AT, EXPIRES);
      await standing.saveSearch({ owner: anna, ...saved, name: 'verlopen' }, AT, LATER);
      await standing.saveSearch({ owner: anna, ...saved, theme: 'toezicht' }, AT, EXPIRES);
      assert.deepEqual((await standing.activeSearches('mensenhandel', LATER)).map((s) => s.id), [live.id]);
    });

    test('records hits once, only of ads of its theme, counts the unseen and marks them seen', async ({ store, accounts, standing }) => {
      const [anna, bert] = await owners(accounts);
      const runId = await startTestRun(store);
      const a = (await store.saveAd(keptAd(runId, { url: 'https://ads.example/a' }))).adId;
      const b = (await store.saveAd(keptAd(runId, { url: 'https://ads.example/b' }))).adId;
      const other = (await store.saveAd(keptAd(await startTestRun(store, 'toezicht'), { theme: 'toezicht', url: 'https://ads.example/t' }))).adId;
      const search = await standing.saveSearch({ owner: anna, ...saved }, AT, EXPIRES);
      assert.deepEqual(await standing.recordHits(search.id, runId, [a, other], AT), [a]);
      assert.deepEqual(await standing.recordHits(search.id, runId, [a, b], LATER), [b], 'a hit already recorded stays as it was');
      assert.deepEqual(await standing.hits(search.id, anna), [
        { adId: b, runId, foundAt: LATER, seenAt: null }, { adId: a, runId, foundAt: AT, seenAt: null },
      ]);
      assert.deepEqual(await standing.hits(search.id, bert), []);
      assert.deepEqual((await standing.search(search.id, anna))!.unseen, 2);
      assert.equal(await standing.markSeen(search.id, bert, LATER), 0);
      assert.equal(await standing.markSeen(search.id, anna, LATER), 2);
      const after = (await standing.search(search.id, anna))!;
      assert.deepEqual({ hits: after.hits, unseen: after.unseen }, { hits: 2, unseen: 0 });
      assert.ok((await standing.hits(search.id, anna)).every((h) => h.seenAt === LATER));
    });

    test('lists the ads a run captured for the first time, not those it saw again', async ({ store }) => {
      const first = await startTestRun(store);
      const old = (await store.saveAd(keptAd(first, { url: 'https://ads.example/old' }))).adId;
      const second = await startTestRun(store);
      await store.saveAd(keptAd(second, { url: 'https://ads.example/old', fields: { title: 'changed' } }));
      const fresh = (await store.saveAd(keptAd(second, { url: 'https://ads.example/new' }))).adId;
      assert.deepEqual(await store.newAds(first), [old]);
      assert.deepEqual(await store.newAds(second), [fresh]);
    });
  });
}
