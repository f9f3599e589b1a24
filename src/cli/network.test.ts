import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import { findNetwork } from './network.ts';

const config = loadConfig(new URL('../../config', import.meta.url).pathname);

describe('baken network', () => {
  let dir: string;
  let store: Store;
  const ids: string[] = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baken-network-'));
    store = await openSqliteStore(dir);
    const run = await startTestRun(store);
    for (const n of ['a', 'b', 'c']) ids.push((await store.saveAd(keptAd(run, { url: `https://ads.example/${n}` }))).adId);
    const [a, b] = [ids[0]!, ids[1]!].sort();
    await store.replaceLinks('mensenhandel', [{ a: a!, b: b!, reason: 'shared-phone', value: '+31611111111' }]);
  });
  after(async () => { await store.close(); await rm(dir, { recursive: true, force: true }); });

  it('finds the network of a kept ad in whichever theme keeps it, with the reason of every link', async () => {
    const [a, b] = [ids[0]!, ids[1]!].sort();
    assert.deepEqual(await findNetwork(config, store, ids[1]!), {
      ad: ids[1], theme: 'mensenhandel', ads: [a, b], links: [{ a, b, reason: 'shared-phone', value: '+31611111111' }],
    });
    assert.deepEqual(await findNetwork(config, store, ids[2]!), { ad: ids[2], theme: 'mensenhandel', ads: [ids[2]], links: [] });
  });

  it('says when the ad is not kept in the themes asked, or the theme does not exist', async () => {
    await assert.rejects(findNetwork(config, store, ids[0]!, 'toezicht'),
      (e) => e instanceof BakenError && e.code === 'NOT_FOUND' && e.message === `no kept ad ${ids[0]} in theme "toezicht"`);
    await assert.rejects(findNetwork(config, store, ids[0]!, 'nope'), (e) => e instanceof BakenError && e.code === 'THEME_UNKNOWN');
  });
});
