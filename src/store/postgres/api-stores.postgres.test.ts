import { randomBytes } from 'node:crypto';
import { apiStoresContract } from '../api-stores.contract.ts';
import type { ApiStores } from '../api-stores.ts';
import { openPostgresApiStores } from './api-stores.postgres.ts';
import { openPostgres } from './database.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

apiStoresContract('postgres', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  const secretKey = randomBytes(32);
  const { accounts, lists, close } = await openPostgresApiStores(database.url, secretKey);
  const raw = await openPostgres(database.url);
  const reopened: ApiStores[] = [];
  return {
    store, accounts, lists, secretKey,
    rawTotpSecret: async (id) => (await raw.query<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = $1', [id])).rows[0]?.totp_secret ?? null,
    setRawTotpSecret: async (id, value) => { await raw.query('UPDATE users SET totp_secret = $1 WHERE id = $2', [value, id]); },
    reopen: async (key) => {
      const stores = await openPostgresApiStores(database.url, key);
      reopened.push(stores);
      return stores.accounts;
    },
    cleanup: async () => {
      for (const r of reopened) await r.close();
      await raw.end();
      await close();
      await store.close();
      await database.drop();
    },
  };
});
