import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiStoresContract } from '../api-stores.contract.ts';
import type { ApiStores } from '../api-stores.ts';
import { loadOrCreateSecretKey } from '../secret-key.ts';
import { openSqliteApiStores } from './api-stores.sqlite.ts';
import { MIGRATIONS } from './schema.sql.ts';
import { LIST_NOTES_MIGRATION, SESSION_JUSTIFICATION_MIGRATION, TOKEN_APPROVAL_MIGRATION, USER_APPROVAL_MIGRATION } from './schema-api.sql.ts';
import { openSqliteStore } from './store.sqlite.ts';
import { keptAd, startTestRun } from '../store.fixtures.ts';

apiStoresContract('sqlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-api-stores-'));
  const store = await openSqliteStore(dataDir);
  const secretKey = loadOrCreateSecretKey(dataDir);
  const { accounts, lists, exportRequests, reference, inspections, standing, close } = await openSqliteApiStores(dataDir, secretKey);
  const db = new DatabaseSync(join(dataDir, 'baken.db'));
  const reopened: ApiStores[] = [];
  return {
    store, accounts, lists, exportRequests, reference, inspections, standing, secretKey,
    rawTotpSecret: async (id) => (db.prepare('SELECT totp_secret FROM users WHERE id = ?').get(id)?.['totp_secret'] ?? null) as string | null,
    setRawTotpSecret: async (id, value) => { db.prepare('UPDATE users SET totp_secret = ? WHERE id = ?').run(value, id); },
    reopen: async (key) => {
      const stores = await openSqliteApiStores(dataDir, key);
      reopened.push(stores);
      return stores.accounts;
    },
    cleanup: async () => {
      for (const r of reopened) await r.close();
      db.close();
      await close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('sessions of an older data directory', () => {
  it('stay signed in when sessions gain a justification, with none given yet', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-session-upgrade-'));
    try {
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      // The schema before the migration (and every later one), with a user signed in under it.
      const before = MIGRATIONS.indexOf(SESSION_JUSTIFICATION_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) db.exec(migration);
      db.exec(`PRAGMA user_version = ${before};
        INSERT INTO users (id, name, role, themes, password_hash, created_at, updated_at) VALUES ('u1', 'anna', 'expert', '["mensenhandel"]', '$argon2id$x', 't', 't');
        INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ('${'e'.repeat(64)}', 'u1', 'csrf', 't', 't');`);
      db.close();
      const store = await openSqliteStore(dataDir);
      const { accounts, close } = await openSqliteApiStores(dataDir, loadOrCreateSecretKey(dataDir));
      try {
        assert.deepEqual(await accounts.session('e'.repeat(64)),
          { idHash: 'e'.repeat(64), userId: 'u1', csrfToken: 'csrf', createdAt: 't', lastSeenAt: 't', justification: null });
      } finally {
        await close();
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
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
      const { accounts, close } = await openSqliteApiStores(dataDir, loadOrCreateSecretKey(dataDir));
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

describe('sqlite users upgrade', () => {
  it('keeps every account of a database made before approvals able to sign in, approved by itself when it was made', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-users-upgrade-'));
    try {
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      const before = MIGRATIONS.indexOf(USER_APPROVAL_MIGRATION);
      for (const migration of MIGRATIONS.slice(0, before)) db.exec(migration);
      db.exec(`PRAGMA user_version = ${before}`);
      const insert = db.prepare(`INSERT INTO users (id, name, role, themes, password_hash, created_at, updated_at)
        VALUES (?, ?, ?, '["mensenhandel"]', '$argon2id$x', ?, ?)`);
      insert.run('u1', 'anna', 'admin', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      insert.run('u2', 'bert', 'analyst', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
      db.close();
      const store = await openSqliteStore(dataDir);
      const { accounts, close } = await openSqliteApiStores(dataDir, loadOrCreateSecretKey(dataDir));
      try {
        const approvals = (await accounts.users()).map((u) => [u.name, u.requestedBy, u.approvedBy, u.approvedAt]);
        assert.deepEqual(approvals, [['anna', ['anna'], 'anna', '2026-01-01T00:00:00.000Z'], ['bert', ['bert'], 'bert', '2026-01-02T00:00:00.000Z']]);
      } finally {
        await close();
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('sqlite lists upgrade', () => {
  it('keeps the lists and entries of a database made before notes, each without a note', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-lists-upgrade-'));
    try {
      const store = await openSqliteStore(dataDir);
      const { adId } = await store.saveAd(keptAd(await startTestRun(store)));
      await store.close();
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      // Back to the schema before the migration: the store made every table, so undo the notes and what came after.
      db.exec(`ALTER TABLE runs DROP COLUMN abandoned; DROP TABLE standing_hits; DROP TABLE standing_searches; ALTER TABLE list_ads DROP COLUMN note; ALTER TABLE list_ads DROP COLUMN note_by; ALTER TABLE list_ads DROP COLUMN note_at;
        DROP TABLE export_requests; DROP TABLE reference_rows; DROP TABLE reference_imports; DROP TABLE reference_versions; DROP TABLE inspection_entries;
        DROP TABLE source_alerts; DROP TABLE run_yields; DROP TABLE frontier_pages; DROP TABLE frontier_hosts; DROP TABLE frontier_runs; DROP TABLE config_versions;
        DROP TRIGGER captures_image_hashes; DROP TABLE capture_image_hashes; DROP INDEX ad_links_by_value;
        PRAGMA user_version = ${MIGRATIONS.indexOf(LIST_NOTES_MIGRATION)};
        INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES ('l1', 'mensenhandel', 'Controle', 'anna', 't', 't');
        INSERT INTO list_ads (list_id, ad_id, added_by, added_at) VALUES ('l1', '${adId}', 'anna', 't');`);
      db.close();
      const reopened = await openSqliteStore(dataDir);
      const { lists, close } = await openSqliteApiStores(dataDir, loadOrCreateSecretKey(dataDir));
      try {
        assert.deepEqual(await lists.entries('l1', ['mensenhandel']), [{ adId, addedBy: 'anna', addedAt: 't', note: null }]);
        assert.equal(await lists.setNote('l1', adId, { text: 'n', by: 'bert', at: 'u' }, 'u'), true);
      } finally {
        await close();
        await reopened.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
