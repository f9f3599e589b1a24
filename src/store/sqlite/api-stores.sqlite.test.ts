import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiStoresContract } from '../api-stores.contract.ts';
import { openSqliteApiStores } from './api-stores.sqlite.ts';
import { openSqliteStore } from './store.sqlite.ts';

apiStoresContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-api-stores-'));
  const store = await openSqliteStore(dataDir);
  const { accounts, lists, close } = await openSqliteApiStores(dataDir);
  return {
    store, accounts, lists,
    cleanup: async () => { await close(); await store.close(); await rm(dataDir, { recursive: true, force: true }); },
  };
});
