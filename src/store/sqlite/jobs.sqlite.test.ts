import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobQueueContract } from '../../jobs/job-queue.contract.ts';
import { openSqliteJobQueue } from './jobs.sqlite.ts';

// Two connections to one file, as two worker processes share it.
jobQueueContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-jobs-'));
  const a = await openSqliteJobQueue(dataDir);
  const b = await openSqliteJobQueue(dataDir);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await rm(dataDir, { recursive: true, force: true }); },
  };
});
