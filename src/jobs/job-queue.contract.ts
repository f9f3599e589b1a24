// The behaviour every adapter of the job queue must show. `open()` gives two queues on one database,
// as two worker processes (or machines) share it; the tests run in order on that shared database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JobSpec } from './due-jobs.ts';
import type { JobQueue } from './job-queue.ts';

type Opener = () => Promise<{ a: JobQueue; b: JobQueue; cleanup(): Promise<void> }>;

const T0 = '2026-05-10T12:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const stale = (now: string) => ({ before: new Date(Date.parse(now) - 10 * 60_000).toISOString(), maxAttempts: 3 });
const spec = (schedule: string, slot = '2026-05-10T03:00:00.000Z'): JobSpec => ({ kind: 'crawl', theme: 'mensenhandel', source: null, schedule, slot });

export function jobQueueContract(name: string, open: Opener): void {
  describe(`job queue contract: ${name}`, () => {
    let a: JobQueue;
    let b: JobQueue;
    let cleanup: (() => Promise<void>) | undefined;
    before(async () => {
      ({ a, b, cleanup } = await open());
    });
    after(async () => {
      await cleanup?.();
    });

    it('keeps one job per schedule and slot, whichever worker plans it', async () => {
      assert.equal(await a.enqueue(spec('s1'), T0), true);
      assert.equal(await b.enqueue(spec('s1'), T0), false);
      assert.equal(await b.enqueue(spec('s1', '2026-05-11T03:00:00.000Z'), T0), true);
      assert.equal((await a.recent(10)).filter((j) => j.schedule === 's1').length, 2);
    });

    it('gives each queued job to one worker only, oldest first', async () => {
      const first = await a.claim('w-a', T0, stale(T0));
      const second = await b.claim('w-b', T0, stale(T0));
      assert.ok(first && second);
      assert.notEqual(first.id, second.id);
      assert.deepEqual([first.slot, first.state, first.worker, first.attempts], ['2026-05-10T03:00:00.000Z', 'running', 'w-a', 1]);
      assert.equal(await a.claim('w-a', T0, stale(T0)), null, 'nothing is left');
      await a.finish(first.id, 'w-a', { kept: 3 }, later(1));
      await b.finish(second.id, 'w-a', { kept: 9 }, later(1));
      const byId = new Map((await a.recent(10)).map((j) => [j.id, j]));
      assert.deepEqual([byId.get(first.id)?.state, byId.get(first.id)?.result], ['done', { kept: 3 }]);
      assert.equal(byId.get(second.id)?.state, 'running', 'a worker cannot finish a job it does not hold');
      await b.finish(second.id, 'w-b', { kept: 9 }, later(1));
    });

    it('waits with a retry until its time, and keeps the reason of the failure', async () => {
      await a.enqueue(spec('s2'), T0);
      const job = (await a.claim('w-a', T0, stale(T0)))!;
      await a.fail(job.id, 'w-a', 'browser did not start', T0, later(5));
      assert.equal(await b.claim('w-b', later(4), stale(later(4))), null);
      const retried = (await b.claim('w-b', later(5), stale(later(5))))!;
      assert.deepEqual([retried.id, retried.attempts, retried.error], [job.id, 2, 'browser did not start']);
      await b.fail(retried.id, 'w-b', 'browser did not start', later(6), null);
      const failed = (await a.recent(10)).find((j) => j.id === job.id)!;
      assert.deepEqual([failed.state, failed.finishedAt], ['failed', later(6)]);
      assert.equal(await a.claim('w-a', later(60), stale(later(60))), null, 'a job failed for good is not taken again');
    });

    it('takes a job from a worker that stopped beating, and fails it once it had every attempt', async () => {
      await a.enqueue(spec('s3'), T0);
      const job = (await a.claim('w-dead', T0, stale(T0)))!;
      await a.heartbeat(job.id, 'w-dead', later(8));
      assert.equal(await b.claim('w-b', later(17), stale(later(17))), null, 'its beat at +8 min is still fresh at +17');
      const taken = (await b.claim('w-b', later(19), stale(later(19))))!;
      assert.deepEqual([taken.id, taken.worker, taken.attempts, taken.error], [job.id, 'w-b', 2, 'its worker stopped answering']);
      await a.finish(job.id, 'w-dead', { kept: 1 }, later(20));
      assert.equal((await a.recent(10)).find((j) => j.id === job.id)?.state, 'running', 'the dead worker no longer holds it');

      const third = (await a.claim('w-a', later(40), stale(later(40))))!;
      assert.deepEqual([third.id, third.attempts], [job.id, 3]);
      assert.equal(await b.claim('w-b', later(60), stale(later(60))), null);
      const gaveUp = (await a.recent(10)).find((j) => j.id === job.id)!;
      assert.deepEqual([gaveUp.state, gaveUp.error], ['failed', 'its worker stopped answering']);
    });

    it('takes back a job a stopping worker hands back, without counting the claim as an attempt', async () => {
      await a.enqueue(spec('s9'), T0);
      const job = (await a.claim('w-a', T0, stale(T0)))!;
      await b.release(job.id, 'w-b');
      assert.equal(await b.claim('w-b', T0, stale(T0)), null, 'only the worker holding it hands it back');
      await a.release(job.id, 'w-a');
      const again = (await b.claim('w-b', T0, stale(T0)))!;
      assert.deepEqual([again.id, again.attempts, again.worker], [job.id, 1, 'w-b'], 'another worker takes it at once, as its first attempt');
      await b.finish(again.id, 'w-b', {}, later(1));
    });

    it('gives every job to exactly one of many workers claiming at once', async () => {
      const schedules = ['s4', 's5', 's6', 's7', 's8'];
      for (const schedule of schedules) await a.enqueue(spec(schedule), later(60));
      const now = later(61);
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).claim(`w-${i}`, now, stale(now))));
      const taken = claims.filter((job) => job !== null);
      assert.deepEqual(taken.map((job) => job.schedule).sort(), schedules, 'each job once, none left behind');
      assert.equal(new Set(taken.map((job) => job.worker)).size, schedules.length, 'one job per worker');
    });
  });
}
