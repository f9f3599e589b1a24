import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configVersionsContract } from '../config-versions.contract.ts';
import { openSqliteConfigVersions } from './config-versions.sqlite.ts';

// Two connections to one file, as two processes on one data directory share it.
configVersionsContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-config-versions-'));
  const a = await openSqliteConfigVersions(dataDir);
  const b = await openSqliteConfigVersions(dataDir);
  return {
    a, b,
    cleanup: async () => { await a.close(); await b.close(); await rm(dataDir, { recursive: true, force: true }); },
  };
});
