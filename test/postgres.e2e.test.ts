// Baken on PostgreSQL, as an operator at scale runs it: `--database` on every command, rows in a
// fresh PostgreSQL database, files in the data directory. A crawl of a demo platform in real Chromium
// keeps exactly the ads the analysis of the truth keeps; search, verify, the API and the worker's purge all read the same rows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openApiApp } from '../src/app.ts';
import { buildApi } from '../src/api/build-api.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import { loadConfig } from '../src/config/load.ts';
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database.postgres.ts';
import { expectedKept, runBaken, startDemoEnv, type DemoEnv } from './demo-env.ts';

const PASSWORD = 'a long enough password for the test';

describe('Baken on PostgreSQL', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let db: TestDatabase;
  let crawl: { kept: number; deleted: number; captured: number };
  let toKeep: number;

  const baken = (args: string[]) => runBaken(env, [...args, '--database', db.url]);

  before(async () => {
    // No schedules: the worker below runs only the retention purges.
    env = await startDemoEnv({ size: 'small', edit: (dir) => rmSync(join(dir, 'schedules'), { recursive: true }) });
    db = await createTestDatabase();
    const r = await baken(['crawl', '--theme', 'mensenhandel', '--source', 'mensenhandel-classic', '--json']);
    assert.equal(r.code, 0, r.stderr);
    crawl = JSON.parse(r.stdout);
    toKeep = (await expectedKept(env, await env.truth(), { platforms: ['classic'] })).ids.size;
  });
  after(async () => { await env?.close(); await db?.drop(); });

  it('keeps the ads the analysis keeps in PostgreSQL, and no SQLite file in the data directory', () => {
    assert.ok(toKeep > 0);
    assert.equal(crawl.kept, toKeep);
    assert.equal(crawl.kept + crawl.deleted, crawl.captured);
    assert.equal(existsSync(join(env.dataDir, 'baken.db')), false);
  });

  it('finds the kept ads with baken search, and verifies every hash, signature and chain', async () => {
    const found = await baken(['search', '--theme', 'mensenhandel', '--justification', 'signal research', '--json', '--limit', '100']);
    assert.equal(found.code, 0, found.stderr);
    assert.equal(JSON.parse(found.stdout).total, toKeep);
    const verified = await baken(['verify', '--json']);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    const report = JSON.parse(verified.stdout);
    assert.deepEqual([report.checked > 0, report.failures], [true, []]);
  });

  it('serves the same ads through the API, with facets', async () => {
    const app = await openApiApp({ dataDir: env.dataDir, database: db.url, config: loadConfig(env.configDir) });
    try {
      await app.accounts.addUser({ name: 'analist', role: 'analyst', themes: ['mensenhandel'], passwordHash: await hashPassword(PASSWORD, 'analist'), totpSecret: null, requestedBy: ['operator'], approvedBy: 'operator' }, new Date().toISOString());
      const api = await buildApi({ ...app, config: app.configuration, settings: { ...app.settings, auth: { ...app.settings.auth, requireTotp: false } } });
      try {
        const login = await api.inject({ method: 'POST', url: '/api/session', payload: { name: 'analist', password: PASSWORD } });
        assert.equal(login.statusCode, 201, login.body);
        const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;
        const res = await api.inject({ method: 'GET', url: '/api/ads?justification=signal%20research&pageSize=100', headers: { cookie } });
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json() as { total: number; facets: { source: { value: string; count: number }[] } };
        assert.equal(page.total, toKeep);
        assert.deepEqual(page.facets.source, [{ value: 'mensenhandel-classic', count: toKeep }]);
        const trail = (await app.store.readLog('audit')).filter((e) => e.body.action === 'ads.search').map((e) => [e.body['actor'], e.body['user']]);
        assert.deepEqual(trail.filter(([actor]) => actor === 'user'), [['user', 'analist']], 'the search is in the audit trail in PostgreSQL');
        assert.equal(trail.filter(([actor]) => actor === 'cli').length, 1, 'and so is the operator\'s baken search');
      } finally {
        await api.close();
      }
    } finally {
      await app.close();
    }
  });

  it('purges through the worker\'s queue in PostgreSQL when retention is over', async () => {
    const purge = await baken(['purge', '--json']);
    assert.equal(purge.code, 0, purge.stderr);
    assert.equal(JSON.parse(purge.stdout).purged, 0, 'nothing is past retention yet');
    const worked = await baken(['worker', '--once', '--json']);
    const jobs = (JSON.parse(worked.stdout) as { jobs: { schedule: string; state: string }[] }).jobs;
    assert.deepEqual(jobs.filter((j) => j.schedule.startsWith('retention:')).map((j) => j.state), ['done', 'done']);
    const listed = await baken(['jobs', '--json']);
    assert.ok((JSON.parse(listed.stdout) as { jobs: unknown[] }).jobs.length >= 2, 'the jobs are in PostgreSQL');
  });
});
