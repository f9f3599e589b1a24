// One configuration for many machines (issue 19): a schedule an admin adds through the API of one
// machine is stored as a new configuration version in PostgreSQL, and a `baken worker` that was
// already running on another data directory picks it up without a restart and crawls it. A change
// that would not load is refused and the version in force stays.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/accounts/passwords.ts';
import { sessionOf, type Session } from '../src/api/api.fixtures.ts';
import { buildApi } from '../src/api/build-api.ts';
import { openApiApp, openConfiguration, type ApiApp } from '../src/app.ts';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.postgres.ts';
import { BAKEN_BIN, startDemoEnv, until, type DemoEnv } from './demo-env.ts';

const PASSWORD = 'a long admin passphrase 2026';
const SCHEDULE = { id: 'mensenhandel-classic-often', theme: 'mensenhandel', source: 'mensenhandel-classic', every: '15m' };


describe('a configuration change through the API reaches a running worker on another machine', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let db: TestDatabase;
  let sql: pg.Client;
  let apiDir: string;
  let app: ApiApp;
  let api: Awaited<ReturnType<typeof buildApi>>;
  let admin: Session;
  let worker: ChildProcess;
  let workerLog = '';
  const versions = async () => (await sql.query<{ number: number; by_name: string; reason: string }>('SELECT number, by_name, reason FROM config_versions ORDER BY number')).rows;

  before(async () => {
    // No schedules at first: the worker has nothing to crawl until an admin adds one.
    env = await startDemoEnv({ size: 'small', edit: (dir) => { rmSync(join(dir, 'schedules'), { recursive: true }); mkdirSync(join(dir, 'schedules')); } });
    db = await createTestDatabase();
    apiDir = mkdtempSync(join(tmpdir(), 'baken-api-machine-'));
    const storage = { dataDir: apiDir, database: db.url };
    app = await openApiApp({ ...storage, config: await openConfiguration(storage, env.configDir, 'operator') });
    await app.accounts.addUser({ name: 'beheer', role: 'admin', themes: ['mensenhandel', 'toezicht'], passwordHash: await hashPassword(PASSWORD, 'beheer'), totpSecret: null, requestedBy: ['operator'], approvedBy: 'operator' }, new Date().toISOString());
    api = await buildApi({ ...app, config: app.configuration, settings: { ...app.settings, auth: { ...app.settings.auth, requireTotp: false } } });
    admin = sessionOf(await api.inject({ method: 'POST', url: '/api/session', payload: { name: 'beheer', password: PASSWORD } }));
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    // The worker's machine: its own data directory, the same database.
    worker = spawn(process.execPath, [BAKEN_BIN, 'worker', '--json', '--database', db.url, '--config', env.configDir, '--data', env.dataDir],
      { env: { ...process.env, BAKEN_CONFIG_POLL_MS: '500' }, stdio: ['ignore', 'ignore', 'pipe'] });
    worker.stderr!.on('data', (chunk: Buffer) => { workerLog += chunk.toString(); });
    // Running and idle: it has done the purges that were due and found no crawl.
    await until('the worker\'s purges', async () =>
      (await sql.query(`SELECT 1 FROM jobs WHERE schedule LIKE 'retention:%' AND state = 'done'`)).rowCount === 2 ? true : undefined);
  });

  after(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) { worker.kill('SIGTERM'); await once(worker, 'exit'); }
    await api?.close();
    await app?.close();
    await sql?.end();
    await env?.close();
    await db?.drop();
    if (apiDir) rmSync(apiDir, { recursive: true, force: true });
  });

  const put = (body: object, id = SCHEDULE.id) => api.inject({ method: 'PUT', url: `/api/admin/schedules/${id}`, payload: body, headers: admin.headers });

  it('stored the folder as version 1 on first start', async () => {
    assert.deepEqual((await versions()).map((v) => [v.number, v.by_name, v.reason]), [[1, 'operator', `first start: imported ${env.configDir}`]]);
  });

  it('refuses a schedule that would not load, with the loader\'s message, and keeps the version in force', async () => {
    const res = await put({ ...SCHEDULE, id: 'mensenhandel-nowhere', source: 'mensenhandel-nowhere' }, 'mensenhandel-nowhere');
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().detail, /refused: the configuration would not load: .*schedules\/mensenhandel-nowhere: source: no source "mensenhandel-nowhere" of theme "mensenhandel"/s);
    assert.equal((await versions()).length, 1);
  });

  it('stores the added schedule as version 2, and the running worker crawls it', async () => {
    const res = await put(SCHEDULE);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await versions()).map((v) => [v.number, v.by_name, v.reason]).at(-1), [2, 'beheer', `schedules/${SCHEDULE.id}: add through the API`]);
    const job = await until('the new schedule\'s crawl', async () =>
      (await sql.query<{ state: string; worker: string; result: { kept: number } | null; error: string | null }>(
        `SELECT state, worker, result, error FROM jobs WHERE schedule = $1 AND state IN ('done', 'failed')`, [SCHEDULE.id])).rows[0]);
    assert.equal(job.state, 'done', job.error ?? '');
    assert.ok(job.worker.endsWith(`:${worker.pid}`), 'run by the worker started before the change');
    assert.ok((job.result?.kept ?? 0) > 0, 'it crawled and kept ads');
  });

  it('logged the reload with its version and nothing of the content', () => {
    const reloads = workerLog.split('\n').filter((line) => line.includes('"config.reloaded"'));
    assert.equal(reloads.length, 1, workerLog);
    assert.deepEqual(Object.keys(JSON.parse(reloads[0]!)).filter((k) => !['level', 'time', 'msg'].includes(k)).sort(), ['event', 'version']);
    assert.equal(JSON.parse(reloads[0]!).version, '2');
  });
});
