import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { apiStoresContract } from '../api-stores.contract.ts';
import type { ApiStores } from '../api-stores.ts';
import { loadOrCreateSecretKey } from '../secret-key.ts';
import { openSqliteApiStores } from './api-stores.sqlite.ts';
import { openSqliteStore } from './store.sqlite.ts';

apiStoresContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-api-stores-'));
  const store = await openSqliteStore(dataDir);
  const secretKey = loadOrCreateSecretKey(dataDir);
  const { accounts, lists, close } = await openSqliteApiStores(dataDir, secretKey);
  const db = new DatabaseSync(join(dataDir, 'baken.db'));
  const reopened: ApiStores[] = [];
  return {
    store, accounts, lists, secretKey,
    rawTotpSecret: async (id) => (db.prepare('SELECT totp_secret FROM users WHERE id = ?').get(id)?.['totp_secret'] ?? null) as string | null,
    setRawTotpSecret: async (id, value) => { db.prepare('UPDATE users SET totp_secret = ? WHERE id = ?').run(value, id); },
    reopen: async (key) => {
      const stores = await openSqliteApiStores(dataDir, key);
      reopened.push(stores);
      return stores.accounts;
    },
    cleanup: async () => {
      for (const r of reopened) await r.close();
      db.close();
      await close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
