// `baken worker` as an operator runs it: scheduled crawls of the demo platforms in real Chromium, the
// daily retention purge without anyone remembering it, a refused crawl recorded with its reason, and
// two worker processes sharing one queue without running a job twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { keptAd, startTestRun } from '../src/store/store.fixtures.ts';
import { expectedKept, runBaken, startDemoEnv, type DemoEnv } from './demo-env.ts';

interface JobOut { id: string; kind: string; theme: string; schedule: string; state: string; attempts: number; result: Record<string, number> | null; error: string | null; worker: string | null; startedAt: string | null; finishedAt: string | null }

const baken = (env: DemoEnv, args: string[]) => runBaken(env, args);

/** An ad kept long ago, last seen in 2025: past the theme's retention of 183 days. */
async function storeOldAd(env: DemoEnv): Promise<string> {
  const app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
  try {
    return (await app.store.saveAd(keptAd(await startTestRun(app.store), { url: 'https://oud.example/1', capturedAt: '2025-01-05T10:00:00.000Z' }))).adId;
  } finally {
    await app.close();
  }
}

describe('baken worker', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let oldAd: string;
  let first: { code: number | null; jobs: JobOut[]; stderr: string };

  before(async () => {
    env = await startDemoEnv({
      size: 'small',
      edit: (dir) => {
        // One source a day for the police theme; the municipal theme's purpose period has ended.
        writeFileSync(join(dir, 'schedules/mensenhandel-daily.yaml'), 'id: mensenhandel-daily\ntheme: mensenhandel\nsource: mensenhandel-classic\nevery: 1d\nat: "03:00"\n');
        // A site that is down when its schedule falls due: nothing listens on port 9.
        const classic = readFileSync(join(dir, 'sources/mensenhandel-classic.yaml'), 'utf8');
        writeFileSync(join(dir, 'sources/mensenhandel-down.yaml'), classic.replace('id: mensenhandel-classic', 'id: mensenhandel-down').replace(/start: .*/, 'start: http://127.0.0.1:9/classic/'));
        writeFileSync(join(dir, 'schedules/mensenhandel-down.yaml'), 'id: mensenhandel-down\ntheme: mensenhandel\nsource: mensenhandel-down\nevery: 6h\n');
        const theme = join(dir, 'themes/toezicht.yaml');
        writeFileSync(theme, readFileSync(theme, 'utf8').replace('start: "2026-01-01"', 'start: "2020-01-01"').replace('end: "2030-12-31"', 'end: "2020-12-31"'));
      },
    });
    oldAd = await storeOldAd(env);
    const r = await baken(env, ['worker', '--once', '--json']);
    first = { code: r.code, jobs: (JSON.parse(r.stdout) as { jobs: JobOut[] }).jobs, stderr: r.stderr };
  });
  after(() => env?.close());

  const job = (schedule: string) => first.jobs.find((j) => j.schedule === schedule)!;

  it('crawls a due schedule in real Chromium and keeps exactly the ads the analysis of the truth keeps', async () => {
    const crawl = job('mensenhandel-daily');
    assert.equal(crawl.state, 'done', crawl.error ?? '');
    const toKeep = (await expectedKept(env, await env.truth(), { platforms: ['classic'] })).ids.size;
    assert.ok(toKeep > 0);
    assert.equal(crawl.result?.['kept'], toKeep);
    const app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    try {
      assert.equal((await app.store.search({ themes: ['mensenhandel'] })).total, toKeep, 'the crawled ads, and the old ad no more');
    } finally {
      await app.close();
    }
  });

  it('purges every theme daily: the ad past retention is gone, and the trail says so in counts', async () => {
    assert.deepEqual([job('retention:mensenhandel').state, job('retention:mensenhandel').result],
      ['done', { purged: 1, captures: 1, files: 0, held: 0, swept: 0 }], 'the fixture ad\'s artefacts were never written as files');
    assert.equal(job('retention:toezicht').result?.['purged'], 0);
    const app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    try {
      assert.equal(await app.store.getAd(oldAd, ['mensenhandel']), null);
      const purges = (await app.store.readLog('audit')).filter((e) => e.body.action === 'retention.purge');
      assert.deepEqual(purges.map((e) => [e.body['themes'], e.body['count']]).sort(), [[['mensenhandel'], 1], [['toezicht'], 0]]);
    } finally {
      await app.close();
    }
  });

  it('refuses a crawl outside the theme\'s purpose period, keeps the reason, and exits 1', () => {
    const refused = job('toezicht-weekly');
    assert.equal(refused.state, 'queued', 'it will be tried again');
    assert.match(refused.error ?? '', /theme "toezicht" may only crawl from 2020-01-01 to 2020-12-31/);
    assert.equal(first.code, 1);
    assert.doesNotMatch(first.stderr, /Bel mij vandaag|Nieuw in de stad/, 'no ad content in the logs');
  });

  it('tries a crawl again later when its site was down and nothing could be captured', () => {
    const down = job('mensenhandel-down');
    assert.equal(down.state, 'queued');
    assert.match(down.error ?? '', /^run [\w-]+ captured nothing \(1 failed\)$/);
  });

  it('runs nothing twice: the same slots are not due again, and `baken jobs` lists what ran', async () => {
    const again = await baken(env, ['worker', '--once', '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout), { jobs: [] }, 'the failed crawls wait five minutes before their next attempt');
    const listed = await baken(env, ['jobs', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const jobs = (JSON.parse(listed.stdout) as { jobs: JobOut[] }).jobs;
    assert.deepEqual(jobs.map((j) => [j.schedule, j.state, j.attempts]).sort(), [
      ['mensenhandel-daily', 'done', 1], ['mensenhandel-down', 'queued', 1], ['retention:mensenhandel', 'done', 1], ['retention:toezicht', 'done', 1], ['toezicht-weekly', 'queued', 1],
    ]);
    for (const job of jobs.filter((j) => j.state === 'done')) {
      assert.match(job.worker ?? '', /^.+:\d+$/, 'the worker that ran it, as host:pid');
      assert.ok(job.startedAt && job.finishedAt && job.startedAt <= job.finishedAt, `${job.schedule} started, then finished`);
    }
  });

  it('shares one queue between two worker processes without running a job twice', async () => {
    // No schedules: each worker plans only the two purges, and the two race for them.
    rmSync(join(env.configDir, 'schedules'), { recursive: true });
    rmSync(env.dataDir, { recursive: true });
    const run = async () => {
      const r = await baken(env, ['worker', '--once', '--json']);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { jobs: JobOut[] }).jobs;
    };
    const [a, b] = await Promise.all([run(), run()]);
    const ran = [...a, ...b];
    assert.deepEqual(ran.map((j) => j.schedule).sort(), ['retention:mensenhandel', 'retention:toezicht']);
    assert.equal(new Set(ran.map((j) => j.id)).size, 2);
  });
});
