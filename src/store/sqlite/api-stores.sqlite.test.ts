import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiStoresContract } from '../api-stores.contract.ts';
import { openSqliteApiStores } from './api-stores.sqlite.ts';
import { TOKEN_APPROVAL_MIGRATION } from './schema-api.sql.ts';
import { MIGRATIONS } from './schema.sql.ts';
import { openSqliteStore } from './store.sqlite.ts';

apiStoresContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-api-stores-'));
  const store = await openSqliteStore(dataDir);
  const { accounts, lists, close } = await openSqliteApiStores(dataDir);
  return {
    store, accounts, lists,
    cleanup: async () => { await close(); await store.close(); await rm(dataDir, { recursive: true, force: true }); },
  };
});

describe('sqlite accounts upgrade', () => {
  it('keeps the tokens of a database made before approvals working, except those that read content, which wait for a second admin', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-api-upgrade-'));
    try {
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      const before = MIGRATIONS.indexOf(TOKEN_APPROVAL_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) db.exec(migration);
      db.exec(`PRAGMA user_version = ${before}`);
      const insert = db.prepare(`INSERT INTO api_tokens (id, name, role, themes, secret_hash, created_by, created_at)
        VALUES (?, ?, ?, '["mensenhandel"]', ?, 'anna', '2026-01-01T00:00:00.000Z')`);
      insert.run('t-admin', 'health check', 'admin', 'a'.repeat(64));
      insert.run('t-analyst', 'export job', 'analyst', 'b'.repeat(64));
      db.close();
      const store = await openSqliteStore(dataDir);
      const { accounts, close } = await openSqliteApiStores(dataDir);
      try {
        const approvals = (await accounts.tokens()).map((t) => [t.name, t.approvedBy, t.approvedAt]);
        assert.deepEqual(approvals, [['health check', 'anna', '2026-01-01T00:00:00.000Z'], ['export job', null, null]]);
      } finally {
        await close();
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
