import { jobQueueContract } from '../../jobs/job-queue.contract.ts';
import { openPostgresJobQueue } from './jobs.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

// Two pools on one fresh database, as two worker machines share it.
jobQueueContract('postgres', async () => {
  const database = await createTestDatabase();
  const a = await openPostgresJobQueue(database.url);
  const b = await openPostgresJobQueue(database.url);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await database.drop(); },
  };
});
