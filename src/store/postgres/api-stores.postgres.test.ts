import { apiStoresContract } from '../api-stores.contract.ts';
import { openPostgresApiStores } from './api-stores.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

apiStoresContract('postgres', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  const { accounts, lists, close } = await openPostgresApiStores(database.url);
  return {
    store, accounts, lists,
    cleanup: async () => { await close(); await store.close(); await database.drop(); },
  };
});
