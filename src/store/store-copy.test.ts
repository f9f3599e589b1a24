// The copy's table plan against both real schemas, its refusals of schemas that differ, and tables
// larger than one batch through real PostgreSQL and SQLite.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresCopySource, openPostgresCopyTarget } from './postgres/copy.postgres.ts';
import { createTestDatabase, type TestDatabase } from './postgres/test-database.postgres.ts';
import { openSqliteCopySource, openSqliteCopyTarget } from './sqlite/copy.sqlite.ts';
import { copiedTables, copyStore, DERIVED_TABLES, type TableShape } from './store-copy.ts';

const kinds = { from: 'embedded', to: 'postgres' } as const;
const table = (name: string, columns: string[], numbered: string[] = []): TableShape => ({ name, columns, numbered });

describe('store copy', () => {
  let dir: string;
  let db: TestDatabase;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baken-copy-plan-'));
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table of both schemas but those their triggers derive', async () => {
    const embedded = openSqliteCopyTarget(join(dir, 'plan'));
    const postgres = await openPostgresCopyTarget(db.url);
    try {
      const [fromSqlite, fromPostgres] = [await embedded.tables(), await postgres.tables()];
      const names = (tables: TableShape[]) => tables.map((t) => t.name).filter((n) => !DERIVED_TABLES.has(n)).sort();
      const copied = copiedTables(fromSqlite, fromPostgres, kinds).map((t) => t.name).sort();
      assert.deepEqual(copied, names(fromSqlite));
      assert.deepEqual(copied, names(fromPostgres));
      for (const derived of DERIVED_TABLES) {
        assert.ok(fromSqlite.some((t) => t.name === derived) && fromPostgres.some((t) => t.name === derived), `${derived} is in both schemas`);
      }
    } finally {
      await embedded.abort();
      await postgres.abort();
    }
  });

  it('refuses schemas that differ by a table or a column, naming each difference', () => {
    assert.throws(() => copiedTables([table('ads', ['id']), table('leases', ['id'])], [table('ads', ['id']), table('health', ['source'])], kinds), {
      code: 'STORE_REJECTED',
      message: /table leases exists in the embedded store only; table health exists in the postgres store only\)/,
    });
    assert.throws(() => copiedTables([table('ads', ['id', 'note'])], [table('ads', ['id'])], kinds), { message: /column ads\.note exists in the embedded store only/ });
  });

  it('leaves a column the source numbers itself to the target, which keeps the rows in that order', () => {
    const plan = copiedTables([table('sightings', ['seq', 'ad_id'], ['seq'])], [table('sightings', ['ad_id'])], { from: 'postgres', to: 'embedded' });
    assert.deepEqual(plan.map((t) => t.name), ['sightings']);
  });

  it('copies a table of many batches from PostgreSQL to SQLite and reads it back, in key order', async () => {
    const ids = Array.from({ length: 1234 }, (_, i) => `job-${String(i).padStart(5, '0')}`);
    const seed = await openPostgresCopyTarget(db.url);
    await seed.insert('jobs', ['id', 'kind', 'theme', 'schedule', 'slot', 'state', 'queued_at', 'not_before', 'result'],
      ids.map((id) => [id, 'purge', 'toezicht', `retention:${id}`, 'slot', 'done', 'now', 'now', '{"purged": 0}']));
    await seed.commit();
    const source = await openPostgresCopySource(db.url);
    const read: string[] = [];
    try {
      await source.rows(table('jobs', ['id', 'result']), async (rows) => { read.push(...rows.map((r) => `${String(r[0])} ${String(r[1])}`)); });
    } finally {
      await source.close();
    }
    assert.deepEqual(read, ids.map((id) => `${id} {"purged": 0}`), 'every row once, in order, its JSON as written');

    const pgSource = await openPostgresCopySource(db.url);
    try {
      const counts = await copyStore(pgSource, openSqliteCopyTarget(join(dir, 'back')), {
        includeStaged: false, at: '2026-12-01T00:00:00.000Z', closing: (tables) => ({ action: 'store.copy', tables }),
      });
      assert.equal(counts['jobs'], ids.length);
    } finally {
      await pgSource.close();
    }
    const embedded = openSqliteCopySource(join(dir, 'back'));
    const back: string[] = [];
    try {
      await embedded.rows(table('jobs', ['id', 'result']), async (rows) => { back.push(...rows.map((r) => `${String(r[0])} ${String(r[1])}`)); });
    } finally {
      await embedded.close();
    }
    assert.deepEqual(back, read, 'and from SQLite again, in batches');
  });
});
