import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontierContract } from '../../crawl/frontier.contract.ts';
import { openSqliteFrontier } from './frontier.sqlite.ts';

// Two connections to one file, as two worker processes on one machine share it.
frontierContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-frontier-'));
  const a = await openSqliteFrontier(dataDir);
  const b = await openSqliteFrontier(dataDir);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await rm(dataDir, { recursive: true, force: true }); },
  };
});
