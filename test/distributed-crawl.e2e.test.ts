// One crawl spread over two `baken worker` processes on one PostgreSQL database and one shared data
// directory, as two machines run it: the worker that claims the scheduled crawl starts the run, the
// other helps with its pages; the run's owner is killed with SIGKILL midway. The survivor takes over
// the dead worker's pages once their leases end and closes the run: every ad of the source captured
// once, the run settled with counts that add up, `verify` clean.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.postgres.ts';
import { BAKEN_BIN, expectedKept, onlySlowScheduledCrawl, runBaken, startDemoEnv, until, type DemoEnv } from './demo-env.ts';

const SOURCE = 'mensenhandel-classic';


describe('one crawl over two worker processes on PostgreSQL, one killed midway', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let db: TestDatabase;
  let sql: pg.Client;
  const workers: ChildProcess[] = [];
  let killed: ChildProcess;
  let runId: string;
  /** The ad pages the killed worker had completed when it died. */
  let pagesDone: string[];

  const startWorker = () => {
    // A short lease, so the dead worker's pages go to the survivor within seconds.
    const child = spawn(process.execPath, [BAKEN_BIN, 'worker', '--json', '--database', db.url, '--config', env.configDir, '--data', env.dataDir],
      { env: { ...process.env, BAKEN_LEASE_MS: '10000' }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.resume();
    workers.push(child);
    return child;
  };
  const count = async (query: string, params: unknown[] = []) => Number((await sql.query<{ n: string }>(query, params)).rows[0]!.n);

  before(async () => {
    env = await startDemoEnv({
      size: 'small',
      edit: (dir) => {
        // One scheduled crawl of one source, and a politeness delay that keeps the run going long
        // enough for both workers to take part before one is killed, however late the second
        // worker's browser starts.
        onlySlowScheduledCrawl(dir, SOURCE, 800);
      },
    });
    db = await createTestDatabase();
    // The schema exists before two processes race to create it.
    await (await openApp({ dataDir: env.dataDir, database: db.url, config: loadConfig(env.configDir) })).close();
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    startWorker();
    startWorker();
    // Both workers have completed ad pages of the run: then the one that claimed the job dies.
    const owner = await until('both workers to complete ads', async () => {
      const done = await sql.query<{ worker: string }>(`SELECT DISTINCT worker FROM frontier_pages WHERE kind = 'ad' AND state = 'done'`);
      if (done.rows.length < 2) return undefined;
      return (await sql.query<{ worker: string }>(`SELECT worker FROM jobs WHERE kind = 'crawl' AND state = 'running'`)).rows[0]?.worker;
    });
    killed = workers.find((w) => owner.endsWith(`:${w.pid}`))!;
    assert.ok(killed, `the job's worker ${owner} is one of ours`);
    assert.ok(await count(`SELECT count(*) AS n FROM frontier_pages WHERE state IN ('pending', 'leased')`) > 0, 'killed midway, with pages left');
    killed.kill('SIGKILL');
    pagesDone = (await sql.query<{ url: string }>(`SELECT url FROM frontier_pages WHERE kind = 'ad' AND state = 'done' AND worker = $1`, [owner])).rows.map((r) => r.url);
    await once(killed, 'exit');
    runId = await until('the run to be settled', async () =>
      (await sql.query<{ run_id: string }>(`SELECT run_id FROM frontier_runs WHERE state = 'settled'`)).rows[0]?.run_id);
  });

  after(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) { w.kill('SIGTERM'); await once(w, 'exit'); }
    await sql?.end();
    await env?.close();
    await db?.drop();
  });

  it('captured every ad of the source exactly once, across both workers, and forgot the run\'s pages', async () => {
    const ads = (await env.truth()).ads.filter((a) => a.platform === 'classic').length;
    assert.ok(pagesDone.length > 0 && pagesDone.length < ads, 'the killed worker completed some of the pages, not all');
    assert.equal(await count('SELECT count(*) AS n FROM frontier_pages WHERE run_id = $1', [runId]), 0, 'no URL of a deleted ad outlives the run');
    const app = await openApp({ dataDir: env.dataDir, database: db.url, config: loadConfig(env.configDir) });
    try {
      const captures = await app.store.evidence();
      const perAd = new Map<string, number>();
      for (const c of captures) perAd.set(c.ad.url, (perAd.get(c.ad.url) ?? 0) + 1);
      assert.deepEqual([...perAd.values()].filter((n) => n !== 1), [], 'one capture per kept ad, even where the dead worker stored it before its page was completed');
      const toKeep = await expectedKept(env, await env.truth(), { platforms: ['classic'] });
      assert.equal(perAd.size, toKeep.ids.size, 'exactly the ads the analysis of the truth keeps');
    } finally {
      await app.close();
    }
  });

  it('settled the run once, with counts that add up, and nothing left in staging', async () => {
    const run = (await sql.query<{ captured: number; kept: number; deleted: number; failed: number; finished_at: string | null }>(
      'SELECT captured, kept, deleted, failed, finished_at FROM runs WHERE id = $1', [runId])).rows[0]!;
    const ads = (await env.truth()).ads.filter((a) => a.platform === 'classic').length;
    assert.ok(run.finished_at);
    assert.deepEqual([run.captured, run.kept + run.deleted, run.failed], [ads, ads, 0]);
    assert.equal(await count('SELECT count(*) AS n FROM runs'), 1, 'one run for the slot');
    assert.equal(await count('SELECT count(*) AS n FROM staged_ads'), 0);
  });

  it('verifies every hash, signature and chain', async () => {
    const verified = await runBaken(env, ['verify', '--json', '--database', db.url]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.deepEqual(JSON.parse(verified.stdout).failures, []);
  });
});
