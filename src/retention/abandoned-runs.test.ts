// Runs whose owner is gone, on the real SQLite store and frontier: a worker on any host gives them up
// once no one has worked them for an hour (or at once, for a dead process on its own host), leaving no
// staged ad behind and the run finished as abandoned with what is known; a run someone still works is
// left alone.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frontier, FrontierRun } from '../crawl/frontier.ts';
import type { Store } from '../store/store.ts';
import { openSqliteFrontier } from '../store/sqlite/frontier.sqlite.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { ABANDONED_AFTER_MS, abandonDeadRuns } from './housekeeping.ts';

const T0 = Date.parse('2026-05-10T12:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const ad = (url: string) => ({ source: 'mensenhandel-classic', url, kind: 'ad' as const, delayMs: 0, maxAttempts: 2 });

describe('runs whose owner is gone', () => {
  let dataDir: string;
  let store: Store;
  let frontier: Frontier;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'baken-abandoned-'));
    store = await openSqliteStore(dataDir);
    frontier = await openSqliteFrontier(dataDir);
  });
  afterEach(async () => {
    await frontier.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A run with three ads: one kept, one staged, one in hand when its worker died. */
  const killedMidway = async (run: Omit<FrontierRun, 'runId'>, host = 'ads.example'): Promise<string> => {
    const runId = await store.startRun({ theme: 'mensenhandel', source: null, startedAt: at(0).toISOString(), softwareVersion: 'test' });
    await frontier.openRun({ ...run, runId }, [1, 2, 3].map((n) => ad(`https://${host}/${n}`)));
    const kept = (await frontier.lease('w-dead', at(0), 30_000, runId))!;
    await frontier.complete(kept, 'w-dead', { outcome: 'kept', market: {} });
    const staged = (await frontier.lease('w-dead', at(1_000), 30_000, runId))!;
    await store.stage({
      runId, theme: 'mensenhandel', url: staged.url, features: { id: 's1', fields: {} }, capture: new Uint8Array([1]),
      owner: run.owner ?? `job:${run.jobId}`, stagedAt: at(1_000).toISOString(), expiresAt: at(48 * 3_600_000).toISOString(),
    });
    await frontier.complete(staged, 'w-dead', { outcome: 'staged', market: {} });
    await frontier.lease('w-dead', at(2_000), 30_000, runId);
    return runId;
  };

  it('gives up a dead worker\'s job run on any host once no one has worked it for an hour, leaving no staged ad', async () => {
    const runId = await killedMidway({ theme: 'mensenhandel', source: null, jobId: 'job-1', owner: null });
    assert.deepEqual(await abandonDeadRuns(frontier, store, at(2_000 + 30_000 + ABANDONED_AFTER_MS - 1)), { runs: 0, pages: 0, staged: 0 },
      'its job may still come back to it');
    assert.equal((await store.stagingRuns()).length, 1);
    assert.deepEqual(await abandonDeadRuns(frontier, store, at(2_000 + 30_000 + ABANDONED_AFTER_MS)), { runs: 1, pages: 3, staged: 1 });
    assert.deepEqual(await store.stagingRuns(), [], 'no staged ad left behind');
    assert.equal(await frontier.isSettled(runId), true, 'its pages are forgotten');
    const [run] = await store.runs('mensenhandel');
    assert.deepEqual([run!.finishedAt, run!.abandoned, run!.captured, run!.kept, run!.deleted, run!.failed],
      [at(2_000 + 30_000 + ABANDONED_AFTER_MS).toISOString(), true, 2, 1, 1, 0], 'finished as abandoned with what is known: the staged ad deleted');
    assert.deepEqual(await abandonDeadRuns(frontier, store, at(3 * ABANDONED_AFTER_MS)), { runs: 0, pages: 0, staged: 0 }, 'given up once');
  });

  it('gives up at once the run of a process on this host that is no longer running', async () => {
    // A pid no process has: far above the kernel's limit.
    await killedMidway({ theme: 'mensenhandel', source: null, jobId: null, owner: `${hostname()}:2147483646` });
    assert.deepEqual(await abandonDeadRuns(frontier, store, at(3_000)), { runs: 1, pages: 3, staged: 1 });
    const [run] = await store.runs('mensenhandel');
    assert.deepEqual([run!.finishedAt, run!.abandoned], [at(3_000).toISOString(), true]);
  });

  it('leaves alone a run a live process or a recent lease shows is being worked', async () => {
    await killedMidway({ theme: 'mensenhandel', source: null, jobId: null, owner: `${hostname()}:${process.pid}` });
    await killedMidway({ theme: 'mensenhandel', source: null, jobId: null, owner: 'another-host:1' }, 'other.example');
    assert.deepEqual(await abandonDeadRuns(frontier, store, at(10 * 60_000)), { runs: 0, pages: 0, staged: 0 });
    assert.equal((await store.stagingRuns()).length, 2);
    assert.ok((await store.runs('mensenhandel')).every((r) => r.finishedAt === null && !r.abandoned));
  });
});
