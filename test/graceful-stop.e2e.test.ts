// A deploy or restart sends the worker SIGTERM in the middle of a scheduled crawl. The worker takes
// no new page, hands back the pages in hand once its grace period is over (here at once) and the
// job without using an attempt, closes its browser last and exits cleanly; the next worker resumes
// the run and completes it: every ad of the source captured, no page or job failed, `verify` clean.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { BAKEN_BIN, expectedKept, onlySlowScheduledCrawl, runBaken, startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

const SOURCE = 'mensenhandel-classic';

describe('a worker stopped with SIGTERM midway through a crawl', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let worker: ChildProcess;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let stderr = '';
  let db: DatabaseSync;
  let truth: Truth;
  const count = (query: string) => Number((db.prepare(query).get() as { n: number }).n);

  before(async () => {
    env = await startDemoEnv({
      size: 'small',
      edit: (dir) => {
        // One scheduled crawl of one source, slow enough to be stopped midway.
        onlySlowScheduledCrawl(dir, SOURCE);
      },
    });
    truth = await env.truth();
    worker = spawn(process.execPath, [BAKEN_BIN, 'worker', '--json', '--grace', '0', '--config', env.configDir, '--data', env.dataDir],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    worker.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = once(worker, 'exit');
    for (let tries = 0; ; tries++) {
      await sleep(200);
      try {
        db ??= new DatabaseSync(join(env.dataDir, 'baken.db'), { readOnly: true });
        if (count(`SELECT count(*) AS n FROM frontier_pages WHERE kind = 'ad' AND state = 'done'`) >= 2) break;
      } catch {
        // The worker has not made its schema yet.
      }
      assert.ok(tries < 1500 && worker.exitCode === null, `the worker completed no ads: ${stderr}`);
    }
    worker.kill('SIGTERM');
    const [code, signal] = await exited as [number | null, NodeJS.Signals | null];
    exit = { code, signal };
  });

  after(async () => {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    db?.close();
    await env?.close();
  });

  it('exits cleanly, having handed back its pages and its job without using an attempt', () => {
    assert.deepEqual(exit, { code: 0, signal: null }, stderr);
    assert.match(stderr, /"event":"worker.stopping"/);
    assert.match(stderr, /"event":"job.handed-back"/);
    assert.doesNotMatch(stderr, /"event":"(job.failed|crawl.retry|crawl.failed)"/, 'no page or job failed: the browser outlived the crawl');
    assert.ok(count(`SELECT count(*) AS n FROM frontier_pages WHERE state = 'pending'`) > 0, 'stopped midway, with pages left');
    assert.equal(count(`SELECT count(*) AS n FROM frontier_pages WHERE state IN ('leased', 'failed')`), 0, 'no page left leased or failed');
    assert.equal(count(`SELECT count(*) AS n FROM frontier_pages WHERE state = 'pending' AND attempts > 0`), 0, 'a page handed back used no attempt');
    const job = { ...db.prepare(`SELECT state, attempts, worker, error FROM jobs WHERE kind = 'crawl'`).get() };
    assert.deepEqual(job, { state: 'queued', attempts: 0, worker: null, error: null });
  });

  it('lets the next worker resume the run and complete it, every ad captured once and nothing staged', async () => {
    const next = await runBaken(env, ['worker', '--once', '--json']);
    assert.equal(next.code, 0, next.stderr);
    const crawl = (JSON.parse(next.stdout) as { jobs: { kind: string; state: string; attempts: number; result: Record<string, number> | null }[] }).jobs.find((j) => j.kind === 'crawl')!;
    assert.deepEqual([crawl.state, crawl.attempts], ['done', 1], 'its first attempt');
    const ads = truth.ads.filter((a) => a.platform === 'classic').length;
    const toKeep = (await expectedKept(env, truth, { platforms: ['classic'] })).ids.size;
    const runs = db.prepare('SELECT captured, kept, deleted, failed, finished_at FROM runs').all() as { captured: number; kept: number; deleted: number; failed: number; finished_at: string | null }[];
    assert.equal(runs.length, 1, 'one run for the slot, resumed');
    assert.ok(runs[0]!.finished_at);
    assert.deepEqual([runs[0]!.captured, runs[0]!.kept, runs[0]!.failed], [ads, toKeep, 0]);
    assert.equal(count('SELECT count(*) AS n FROM staged_ads'), 0);
    assert.equal(count('SELECT count(*) AS n FROM frontier_pages'), 0);
  });

  it('verifies every hash, signature and chain', async () => {
    const verified = await runBaken(env, ['verify', '--json']);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  });
});
