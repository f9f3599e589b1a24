// Opens the API's own stores (accounts, lists, export requests) on one connection to the data directory's database.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { secretBox } from '../../accounts/secret-box.ts';
import type { ApiStores } from '../api-stores.ts';
import { SqliteExportRequests } from './export-requests.sqlite.ts';
import { SqliteAccounts } from './accounts.sqlite.ts';
import { openDatabase } from './database.sqlite.ts';
import { SqliteInspections } from './inspections.sqlite.ts';
import { SqliteLists } from './lists.sqlite.ts';
import { SqliteReferenceData } from './reference-data.sqlite.ts';
import { SqliteStandingSearches } from './standing-searches.sqlite.ts';
import { Statements } from './statements.sqlite.ts';

/** `secretKey` seals the TOTP secrets (see src/store/secret-key.ts); a wrong one fails here. */
export async function openSqliteApiStores(dataDir: string, secretKey: Buffer): Promise<ApiStores> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const statements = new Statements(openDatabase(join(dataDir, 'baken.db')));
  const accounts = new SqliteAccounts(statements, secretBox(secretKey));
  try {
    await accounts.sealSecretsAtRest();
  } catch (err) {
    statements.db.close();
    throw err;
  }
  return {
    accounts,
    lists: new SqliteLists(statements),
    exportRequests: new SqliteExportRequests(statements),
    reference: new SqliteReferenceData(statements),
    inspections: new SqliteInspections(statements),
    standing: new SqliteStandingSearches(statements),
    close: async () => { if (statements.db.isOpen) statements.db.close(); },
  };
}
