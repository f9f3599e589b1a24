import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { apiStoresContract } from '../api-stores.contract.ts';
import type { ApiStores } from '../api-stores.ts';
import { openPostgresApiStores } from './api-stores.postgres.ts';
import { LIST_NOTES_MIGRATION, MIGRATIONS, SESSION_JUSTIFICATION_MIGRATION, TOKEN_APPROVAL_MIGRATION, USER_APPROVAL_MIGRATION } from './schema.postgres.ts';
import { openPostgres } from './database.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';
import { keptAd, startTestRun } from '../store.fixtures.ts';

apiStoresContract('postgres', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  const secretKey = randomBytes(32);
  const { accounts, lists, exportRequests, reference, inspections, standing, close } = await openPostgresApiStores(database.url, secretKey);
  const raw = await openPostgres(database.url);
  const reopened: ApiStores[] = [];
  return {
    store, accounts, lists, exportRequests, reference, inspections, standing, secretKey,
    rawTotpSecret: async (id) => (await raw.query<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = $1', [id])).rows[0]?.totp_secret ?? null,
    setRawTotpSecret: async (id, value) => { await raw.query('UPDATE users SET totp_secret = $1 WHERE id = $2', [value, id]); },
    reopen: async (key) => {
      const stores = await openPostgresApiStores(database.url, key);
      reopened.push(stores);
      return stores.accounts;
    },
    cleanup: async () => {
      for (const r of reopened) await r.close();
      await raw.end();
      await close();
      await store.close();
      await database.drop();
    },
  };
});

describe('sessions of an older PostgreSQL database', () => {
  it('stay signed in when sessions gain a justification, with none given yet', async () => {
    const database = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      // The schema before the migration (and every later one), with a user signed in under it.
      const before = MIGRATIONS.indexOf(SESSION_JUSTIFICATION_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) await client.query(migration);
      await client.query(`CREATE TABLE baken_schema (version integer NOT NULL); INSERT INTO baken_schema (version) VALUES (${before});
        INSERT INTO users (id, name, role, themes, password_hash, created_at, updated_at) VALUES ('u1', 'anna', 'expert', '["mensenhandel"]', '$argon2id$x', 't', 't');
        INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ('${'e'.repeat(64)}', 'u1', 'csrf', 't', 't');`);
      await client.end();
      const { accounts, close } = await openPostgresApiStores(database.url, randomBytes(32));
      try {
        assert.deepEqual(await accounts.session('e'.repeat(64)),
          { idHash: 'e'.repeat(64), userId: 'u1', csrfToken: 'csrf', createdAt: 't', lastSeenAt: 't', justification: null });
      } finally {
        await close();
      }
    } finally {
      await database.drop();
    }
  });
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
      const { accounts, close } = await openPostgresApiStores(database.url, randomBytes(32));
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

describe('postgres users upgrade', () => {
  it('keeps every account of a database made before approvals able to sign in, approved by itself when it was made', async () => {
    const database = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const before = MIGRATIONS.indexOf(USER_APPROVAL_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) await client.query(migration);
      await client.query('CREATE TABLE baken_schema (version integer NOT NULL)');
      await client.query('INSERT INTO baken_schema (version) VALUES ($1)', [before]);
      const insert = (id: string, name: string, role: string, at: string) => client.query(`INSERT INTO users
        (id, name, role, themes, password_hash, created_at, updated_at) VALUES ($1, $2, $3, '["mensenhandel"]', '$argon2id$x', $4, $4)`, [id, name, role, at]);
      await insert('u1', 'anna', 'admin', '2026-01-01T00:00:00.000Z');
      await insert('u2', 'bert', 'analyst', '2026-01-02T00:00:00.000Z');
      await client.end();
      const store = await openPostgresStore(database.url);
      const { accounts, close } = await openPostgresApiStores(database.url, randomBytes(32));
      try {
        const approvals = (await accounts.users()).map((u) => [u.name, u.requestedBy, u.approvedBy, u.approvedAt]);
        assert.deepEqual(approvals, [['anna', ['anna'], 'anna', '2026-01-01T00:00:00.000Z'], ['bert', ['bert'], 'bert', '2026-01-02T00:00:00.000Z']]);
      } finally {
        await close();
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('postgres lists upgrade', () => {
  it('keeps the lists and entries of a database made before notes, each without a note', async () => {
    const database = await createTestDatabase();
    try {
      const store = await openPostgresStore(database.url);
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      await store.close();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      // Back to the schema before the migration: the store made every table, so undo the notes and what came after.
      await client.query(`ALTER TABLE runs DROP COLUMN abandoned; DROP TABLE standing_hits; DROP TABLE standing_searches; ALTER TABLE list_ads DROP COLUMN note, DROP COLUMN note_by, DROP COLUMN note_at;
        DROP TABLE export_requests; DROP TABLE reference_rows; DROP TABLE reference_imports; DROP TABLE reference_versions; DROP TABLE inspection_entries;
        DROP TABLE source_alerts; DROP TABLE run_yields; DROP TABLE frontier_pages; DROP TABLE frontier_hosts; DROP TABLE frontier_runs; DROP TABLE config_versions;
        CREATE INDEX ad_search_words ON ad_search USING gin (words);
        DROP TRIGGER captures_image_hashes ON captures; DROP FUNCTION baken_capture_image_hashes; DROP TABLE capture_image_hashes; DROP INDEX ad_links_by_value;
        UPDATE baken_schema SET version = ${MIGRATIONS.indexOf(LIST_NOTES_MIGRATION)};
        INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES ('l1', 'mensenhandel', 'Controle', 'anna', 't', 't');
        INSERT INTO list_ads (list_id, ad_id, added_by, added_at) VALUES ('l1', '${adId}', 'anna', 't');`);
      await client.end();
      const { lists, close } = await openPostgresApiStores(database.url, randomBytes(32));
      try {
        assert.deepEqual(await lists.entries('l1', ['mensenhandel']), [{ adId, addedBy: 'anna', addedAt: 't', note: null }]);
        assert.equal(await lists.setNote('l1', adId, { text: 'n', by: 'bert', at: 'u' }, 'u'), true);
      } finally {
        await close();
      }
    } finally {
      await database.drop();
    }
  });
});
