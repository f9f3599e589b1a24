// The worker loop over the real SQLite queue; what a job does is the test's own function, so these
// tests see exactly which jobs ran, when, and how often.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { openSqliteJobQueue } from '../store/sqlite/jobs.sqlite.ts';
import type { Job, JobQueue, JobResult } from './job-queue.ts';
import { workDue, workUntil, type WorkerDeps } from './work.ts';

const CONFIG = loadConfig(new URL('../../config', import.meta.url).pathname);

describe('a worker', () => {
  let dataDir: string;
  let queue: JobQueue;
  let clock: Date;
  let ran: string[];
  let failing: Set<string>;
  const deps = (over: Partial<WorkerDeps> = {}): WorkerDeps => ({
    queue, config: { current: CONFIG }, worker: 'test-worker', now: () => clock,
    run: async (job: Job): Promise<JobResult> => {
      ran.push(job.schedule);
      if (failing.has(job.schedule)) throw new Error(`${job.schedule} could not run`);
      return { kept: 1 };
    },
    ...over,
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'baken-work-'));
    queue = await openSqliteJobQueue(dataDir);
    clock = new Date('2026-05-10T12:00:00.000Z');
    ran = [];
    failing = new Set();
  });
  afterEach(async () => {
    await queue.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs every due job once, the oldest slot first, and nothing again until the next slot', async () => {
    const done = await workDue(deps());
    assert.deepEqual(ran, ['toezicht-weekly', 'retention:mensenhandel', 'retention:toezicht', 'mensenhandel-daily']);
    assert.ok(done.every((j) => j.state === 'done'));
    assert.deepEqual(await workDue(deps()), []);
    clock = new Date('2026-05-11T02:30:00.000Z');
    ran = [];
    await workDue(deps());
    assert.deepEqual(ran, ['retention:mensenhandel', 'retention:toezicht'], 'the next day\'s purges; the crawl waits for 03:00');
  });

  it('retries a failed job after five minutes, then ten, and then gives up with the reason', async () => {
    failing.add('mensenhandel-daily');
    const first = await workDue(deps());
    assert.deepEqual(first.find((j) => j.schedule === 'mensenhandel-daily')?.state, 'queued');
    for (const minutes of [4, 5, 15]) {
      clock = new Date(Date.parse('2026-05-10T12:00:00.000Z') + minutes * 60_000);
      await workDue(deps());
    }
    assert.deepEqual(ran.filter((s) => s === 'mensenhandel-daily').length, 3);
    const job = (await queue.recent(10)).find((j) => j.schedule === 'mensenhandel-daily')!;
    assert.deepEqual([job.state, job.attempts, job.error], ['failed', 3, 'mensenhandel-daily could not run']);
  });

  it('keeps one bounded line of a failure, with its cause, not a browser\'s whole stderr', async () => {
    const stderr = Array.from({ length: 200 }, (_, i) => `[${i}] chromium: could not open display`).join('\n');
    await workDue(deps({
      run: async () => { throw new Error('Chromium did not start', { cause: new Error(`browserType.launch: exited\n${stderr}`) }); },
    }));
    const errors = new Set((await queue.recent(10)).map((j) => j.error));
    assert.deepEqual([...errors], ['Chromium did not start: browserType.launch: exited']);
    clock = new Date(clock.getTime() + 5 * 60_000);
    await workDue(deps({ run: async () => { throw new Error('x'.repeat(5000)); } }));
    assert.deepEqual(new Set((await queue.recent(10)).map((j) => j.error)), new Set(['x'.repeat(300)]));
  });

  it('shares the queue with another worker without running a job twice', async () => {
    const other = await openSqliteJobQueue(dataDir);
    try {
      const slow = (queue: JobQueue, worker: string) => workDue(deps({
        queue, worker, run: async (job) => {
          ran.push(job.schedule);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { by: worker };
        },
      }));
      const [a, b] = await Promise.all([slow(queue, 'a'), slow(other, 'b')]);
      assert.equal(a.length + b.length, 4);
      assert.ok(a.length > 0 && b.length > 0, 'both workers took work');
      assert.deepEqual([...ran].sort(), ['mensenhandel-daily', 'retention:mensenhandel', 'retention:toezicht', 'toezicht-weekly']);
    } finally {
      await other.close();
    }
  });

  it('beats while a long job runs, so no other worker takes it', async () => {
    let beats = 0;
    const beating = new Proxy(queue, {
      get(target, name) {
        const method = Reflect.get(target, name, target) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (name === 'heartbeat') beats++;
          return method.apply(target, args);
        };
      },
    });
    await workDue(deps({
      queue: beating, heartbeatMs: 5,
      run: async () => { await new Promise((resolve) => setTimeout(resolve, 40)); return {}; },
    }));
    assert.ok(beats >= 4, `beat ${beats} times`);
  });

  it('stops between jobs when asked', async () => {
    const stop = new AbortController();
    await workUntil(deps({ run: async (job) => { ran.push(job.schedule); stop.abort(); return {}; } }), stop.signal);
    assert.equal(ran.length, 1, 'the job in hand ends; the others wait in the queue');
    assert.equal((await queue.recent(10)).filter((j) => j.state === 'queued').length, 3);
  });
});
