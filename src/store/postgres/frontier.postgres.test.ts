import { frontierContract } from '../../crawl/frontier.contract.ts';
import { openPostgresFrontier } from './frontier.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

// Two pools on one fresh database, as two worker machines share it.
frontierContract('postgres', async () => {
  const database = await createTestDatabase();
  const a = await openPostgresFrontier(database.url);
  const b = await openPostgresFrontier(database.url);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await database.drop(); },
  };
});
