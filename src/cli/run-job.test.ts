// A worker's purge job against a real data directory: it also sweeps files no row names, because a
// long-running worker's start-up sweep is long past.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiApp } from '../app.ts';
import { operator } from './operator.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { silentLog } from '../log.ts';
import { jobRunner } from './run-job.ts';

describe('a crawl job whose browser does not start', () => {
  it('logs the whole cause chain for the operator, and one line as the reason', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-run-job-'));
    const app = await openApiApp({ dataDir, config: loadConfig(new URL('../../config', import.meta.url).pathname) });
    const logged: Record<string, unknown>[] = [];
    try {
      const stderr = 'browserType.launch: Failed to launch\n' + '[pid=1][err] cannot open display\n'.repeat(200);
      const run = jobRunner({
        collection: app.services.collection, trail: app.trail, log: (event, data) => logged.push({ event, ...data }), who: () => operator(app, 'admin', {}),
        launchBrowser: () => Promise.reject(new BakenError('BROWSER_UNAVAILABLE', 'Chromium did not start', { cause: new Error(stderr) })),
      });
      await assert.rejects(run({
        id: 'j2', kind: 'crawl', theme: 'mensenhandel', source: null, schedule: 'mensenhandel-daily', slot: '2026-01-01T03:00:00.000Z',
        state: 'running', attempts: 1, queuedAt: '', notBefore: '', worker: 'w', startedAt: null, finishedAt: null, result: null, error: null,
      }), /Chromium did not start/);
      const failed = logged.find((l) => l['event'] === 'job.failed')!;
      assert.equal(failed['reason'], 'Chromium did not start: browserType.launch: Failed to launch');
      assert.deepEqual(failed['detail'], ['Chromium did not start', stderr]);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a purge job', () => {
  it('sweeps a file that no row names once it is older than the grace period', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-run-job-'));
    const config = loadConfig(new URL('../../config', import.meta.url).pathname);
    const app = await openApiApp({ dataDir, config });
    try {
      // Written after the worker started, by a crawl that then died before naming it.
      const orphan = await app.blobs.put(new TextEncoder().encode('a photo no ad kept'));
      const long = new Date(Date.now() - 60 * 60_000);
      await utimes(join(dataDir, 'blobs', orphan.slice(0, 2), orphan), long, long);
      const run = jobRunner({
        collection: app.services.collection, trail: app.trail, log: silentLog, who: () => operator(app, 'admin', {}),
        launchBrowser: () => { throw new Error('a purge starts no browser'); },
      });
      const result = await run({
        id: 'j1', kind: 'purge', theme: 'mensenhandel', source: null, schedule: 'retention:mensenhandel', slot: '2026-01-01T02:00:00.000Z',
        state: 'running', attempts: 1, queuedAt: '', notBefore: '', worker: 'w', startedAt: null, finishedAt: null, result: null, error: null,
      });
      assert.deepEqual(result, { purged: 0, captures: 0, files: 0, held: 0, swept: 1 });
      assert.equal(await app.blobs.has(orphan), false);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
