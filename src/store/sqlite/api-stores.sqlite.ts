// Opens the API's own stores (accounts, lists) on one connection to the data directory's database.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiStores } from '../api-stores.ts';
import { SqliteAccounts } from './accounts.sqlite.ts';
import { openDatabase } from './database.sqlite.ts';
import { SqliteLists } from './lists.sqlite.ts';
import { Statements } from './statements.sqlite.ts';

export async function openSqliteApiStores(dataDir: string): Promise<ApiStores> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const statements = new Statements(openDatabase(join(dataDir, 'baken.db')));
  return {
    accounts: new SqliteAccounts(statements),
    lists: new SqliteLists(statements),
    close: async () => { if (statements.db.isOpen) statements.db.close(); },
  };
}
