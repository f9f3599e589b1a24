import { configVersionsContract } from '../config-versions.contract.ts';
import { openPostgresConfigVersions } from './config-versions.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

// Two pools on one fresh database, as two machines share it.
configVersionsContract('postgres', async () => {
  const database = await createTestDatabase();
  const a = await openPostgresConfigVersions(database.url);
  const b = await openPostgresConfigVersions(database.url);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await database.drop(); },
  };
});
