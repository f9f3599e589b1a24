// One scheduled crawl worked by one `baken worker` process, then by two, on one PostgreSQL database:
// the run's duration (start to close, from its row) and the ratio of the two. The three demo
// platforms each get a host of their own (127.0.0.1, .2, .3, the last two forwarded to the demo
// server), every source a politeness delay of 500 ms and one tab per worker: the hosts' slots allow
// six pages a second, more than one worker's tab can take, so a second worker has room to add.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type Server } from 'node:net';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from '../src/store/postgres/test-database.postgres.ts';
import { BAKEN_BIN, startDemoEnv, type DemoEnv } from '../test/demo-env.ts';
import type { BenchResult } from './crawl.bench.ts';

const DELAY_MS = 500;
const HOSTS: Record<string, string> = { 'mensenhandel-classic': '127.0.0.1', 'mensenhandel-swipe': '127.0.0.2', 'mensenhandel-velvet': '127.0.0.3' };

export async function twoWorkersBench(): Promise<BenchResult[]> {
  const one = await crawlWith(1);
  const two = await crawlWith(2);
  return [
    { name: `baken worker ×1, one run over 3 hosts (delayMs ${DELAY_MS}, 1 tab per worker, PostgreSQL)`, ads: one.ads, seconds: one.seconds, adsPerSecond: one.ads / one.seconds },
    { name: `baken worker ×2, the same run`, ads: two.ads, seconds: two.seconds, adsPerSecond: two.ads / two.seconds, ratio: (two.ads / two.seconds) / (one.ads / one.seconds) },
  ];
}

async function crawlWith(workers: number): Promise<{ ads: number; seconds: number }> {
  // The small world (about 60 ads): long enough to measure, short enough to run twice.
  const env = await startDemoEnv({ size: 'small' });
  const forwarders = await hostsFor(env);
  const db = await createTestDatabase();
  const sql = new pg.Client({ connectionString: db.url });
  const children: ChildProcess[] = [];
  try {
    // The schema first, so the workers do not race to create it.
    const migrate = spawn(process.execPath, [BAKEN_BIN, 'jobs', '--json', '--database', db.url, '--config', env.configDir, '--data', env.dataDir], { stdio: 'ignore' });
    await once(migrate, 'exit');
    await sql.connect();
    for (let i = 0; i < workers; i++) {
      children.push(spawn(process.execPath, [BAKEN_BIN, 'worker', '--json', '--database', db.url, '--config', env.configDir, '--data', env.dataDir], { stdio: 'ignore' }));
    }
    for (;;) {
      const { rows } = await sql.query<{ captured: number; started_at: string; finished_at: string | null }>(
        `SELECT captured, started_at, finished_at FROM runs WHERE finished_at IS NOT NULL`);
      if (rows[0]) return { ads: rows[0].captured, seconds: (Date.parse(rows[0].finished_at!) - Date.parse(rows[0].started_at)) / 1000 };
      await sleep(500);
    }
  } finally {
    for (const child of children) { child.kill('SIGTERM'); await once(child, 'exit'); }
    await sql.end();
    await db.drop();
    for (const f of forwarders) f.close();
    await env.close();
  }
}

/** One daily crawl of the police theme, each source on its own host, with the bench's delay and one tab. */
async function hostsFor(env: DemoEnv): Promise<Server[]> {
  const port = Number(new URL(env.url).port);
  const forwarders: Server[] = [];
  rmSync(join(env.configDir, 'schedules'), { recursive: true });
  mkdirSync(join(env.configDir, 'schedules'));
  writeFileSync(join(env.configDir, 'schedules/mensenhandel-daily.yaml'), 'id: mensenhandel-daily\ntheme: mensenhandel\nevery: 1d\nat: "00:00"\n');
  for (const [source, host] of Object.entries(HOSTS)) {
    let at = port;
    if (host !== '127.0.0.1') {
      const forwarder = await forward(host, port);
      forwarders.push(forwarder);
      at = (forwarder.address() as { port: number }).port;
    }
    const file = join(env.configDir, `sources/${source}.yaml`);
    const yaml = readFileSync(file, 'utf8').replace(env.url, `http://${host}:${at}`);
    writeFileSync(file, `${yaml}\ncrawl:\n  delayMs: ${DELAY_MS}\n  concurrency: 1\n`);
  }
  return forwarders;
}

async function forward(host: string, port: number): Promise<Server> {
  const server = createServer((socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.listen(0, host);
  await once(server, 'listening');
  return server;
}
