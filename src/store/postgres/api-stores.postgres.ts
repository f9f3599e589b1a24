// Opens the API's own stores (accounts, lists, export requests) on one pool of connections to the PostgreSQL database.
import { secretBox } from '../../accounts/secret-box.ts';
import type { ApiStores } from '../api-stores.ts';
import { PostgresExportRequests } from './export-requests.postgres.ts';
import { PostgresAccounts } from './accounts.postgres.ts';
import { openPostgres } from './database.postgres.ts';
import { PostgresInspections } from './inspections.postgres.ts';
import { PostgresLists } from './lists.postgres.ts';
import { PostgresReferenceData } from './reference-data.postgres.ts';
import { PostgresStandingSearches } from './standing-searches.postgres.ts';

/** `secretKey` seals the TOTP secrets (see src/store/secret-key.ts); a wrong one fails here. */
export async function openPostgresApiStores(url: string, secretKey: Buffer): Promise<ApiStores> {
  const pool = await openPostgres(url);
  const accounts = new PostgresAccounts(pool, secretBox(secretKey));
  try {
    await accounts.sealSecretsAtRest();
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    accounts,
    lists: new PostgresLists(pool),
    exportRequests: new PostgresExportRequests(pool),
    reference: new PostgresReferenceData(pool),
    inspections: new PostgresInspections(pool),
    standing: new PostgresStandingSearches(pool),
    // Closing twice is harmless, as with SQLite.
    close: async () => { if (!pool.ending) await pool.end(); },
  };
}
