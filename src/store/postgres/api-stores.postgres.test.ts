import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { apiStoresContract } from '../api-stores.contract.ts';
import { openPostgresApiStores } from './api-stores.postgres.ts';
import { MIGRATIONS, TOKEN_APPROVAL_MIGRATION } from './schema.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

apiStoresContract('postgres', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  const { accounts, lists, close } = await openPostgresApiStores(database.url);
  return {
    store, accounts, lists,
    cleanup: async () => { await close(); await store.close(); await database.drop(); },
  };
});

describe('postgres accounts upgrade', () => {
  it('keeps the tokens of a database made before approvals working, except those that read content, which wait for a second admin', async () => {
    const database = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const before = MIGRATIONS.indexOf(TOKEN_APPROVAL_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) await client.query(migration);
      await client.query('CREATE TABLE baken_schema (version integer NOT NULL)');
      await client.query('INSERT INTO baken_schema (version) VALUES ($1)', [before]);
      const insert = (id: string, name: string, role: string, hash: string) => client.query(`INSERT INTO api_tokens
        (id, name, role, themes, secret_hash, created_by, created_at) VALUES ($1, $2, $3, '["mensenhandel"]', $4, 'anna', '2026-01-01T00:00:00.000Z')`,
      [id, name, role, hash]);
      await insert('t-admin', 'health check', 'admin', 'a'.repeat(64));
      await insert('t-analyst', 'export job', 'analyst', 'b'.repeat(64));
      await client.end();
      const store = await openPostgresStore(database.url);
      const { accounts, close } = await openPostgresApiStores(database.url);
      try {
        const approvals = (await accounts.tokens()).map((t) => [t.name, t.approvedBy, t.approvedAt]);
        assert.deepEqual(approvals, [['health check', 'anna', '2026-01-01T00:00:00.000Z'], ['export job', null, null]]);
      } finally {
        await close();
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});
