// Opens the API's own stores (accounts, lists) on one pool of connections to the PostgreSQL database.
import type { ApiStores } from '../api-stores.ts';
import { PostgresAccounts } from './accounts.postgres.ts';
import { openPostgres } from './database.postgres.ts';
import { PostgresLists } from './lists.postgres.ts';

export async function openPostgresApiStores(url: string): Promise<ApiStores> {
  const pool = await openPostgres(url);
  return {
    accounts: new PostgresAccounts(pool),
    lists: new PostgresLists(pool),
    // Closing twice is harmless, as with SQLite.
    close: async () => { if (!pool.ending) await pool.end(); },
  };
}
