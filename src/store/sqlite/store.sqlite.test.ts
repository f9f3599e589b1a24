import { chmodSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { storeContract } from '../store.contract.ts';
import { assertRunsAfterUpgrade, finishedTestRun, keptAd, startTestRun } from '../store.fixtures.ts';
import type { Store } from '../store.ts';
import { openDatabase } from './database.sqlite.ts';
import { MIGRATIONS, RUN_ABANDONED_MIGRATION, SCHEMA_VERSION } from './schema.sql.ts';
import { openSqliteStore } from './store.sqlite.ts';

async function tempDataDir(): Promise<{ dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-sqlite-'));
  return { dataDir, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

storeContract('sqlite', async () => {
  const { dataDir, cleanup } = await tempDataDir();
  return { store: await openSqliteStore(dataDir), another: () => openSqliteStore(dataDir), cleanup };
});

async function withStore(test: (store: Store, dbFile: string) => Promise<void>): Promise<void> {
  const { dataDir, cleanup } = await tempDataDir();
  const store = await openSqliteStore(dataDir);
  try {
    await test(store, join(dataDir, 'baken.db'));
  } finally {
    await store.close();
    await cleanup();
  }
}

/** Row counts of every table an ad touches, read through a second connection. */
function rowCounts(dbFile: string): Record<string, number> {
  const db = new DatabaseSync(dbFile, { readOnly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ['ads', 'captures', 'capture_artefacts', 'sightings', 'ads_fts']) {
      counts[table] = Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.['n']);
    }
    return counts;
  } finally {
    db.close();
  }
}

function modes(dbFile: string): Record<string, string> {
  return Object.fromEntries(['', '-wal', '-shm'].map((suffix) => [suffix, (statSync(dbFile + suffix).mode & 0o777).toString(8)]));
}

function withOtherConnection(dbFile: string, sql: string): void {
  const db = new DatabaseSync(dbFile);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('sqlite store', () => {
  it('creates the database and its -wal and -shm readable and writable by their owner only', async () => {
    await withStore(async (store, dbFile) => {
      await store.saveAd(keptAd(await startTestRun(store)));
      assert.deepEqual(modes(dbFile), { '': '600', '-wal': '600', '-shm': '600' });
    });
  });

  it('narrows the files of a data directory made before to their owner', async () => {
    const { dataDir, cleanup } = await tempDataDir();
    const dbFile = join(dataDir, 'baken.db');
    try {
      const old = new DatabaseSync(dbFile);
      old.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      for (const suffix of ['', '-wal', '-shm']) chmodSync(dbFile + suffix, 0o644);
      const store = await openSqliteStore(dataDir);
      try {
        assert.deepEqual(modes(dbFile), { '': '600', '-wal': '600', '-shm': '600' });
      } finally {
        await store.close();
        old.close();
      }
    } finally {
      await cleanup();
    }
  });

  it('opens the database with secure_delete on, WAL journaling and foreign keys enforced', async () => {
    const { dataDir, cleanup } = await tempDataDir();
    const db = openDatabase(join(dataDir, 'baken.db'));
    try {
      const pragma = (name: string) => Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
      assert.equal(pragma('secure_delete'), 1);
      assert.equal(pragma('journal_mode'), 'wal');
      assert.equal(pragma('foreign_keys'), 1);
      assert.equal(pragma('busy_timeout'), 5000);
      assert.equal(pragma('synchronous'), 1, 'synchronous should be NORMAL (1)');
      assert.equal(pragma('user_version'), SCHEMA_VERSION);
      const ftsSecureDelete = db.prepare("SELECT v FROM ads_fts_config WHERE k = 'secure-delete'").get()?.['v'];
      assert.equal(ftsSecureDelete, 1, 'the full-text index should drop deleted words at once');
    } finally {
      db.close();
      await cleanup();
    }
  });

  it('reopens an existing data directory and keeps its ads', async () => {
    const { dataDir, cleanup } = await tempDataDir();
    try {
      const first = await openSqliteStore(dataDir);
      const saved = await first.saveAd(keptAd(await startTestRun(first)));
      await first.close();
      const second = await openSqliteStore(dataDir);
      assert.equal((await second.getAd(saved.adId, ['mensenhandel']))?.captureId, saved.captureId);
      await second.close();
    } finally {
      await cleanup();
    }
  });

  it('refuses a database written by a newer version of Baken', async () => {
    const { dataDir, cleanup } = await tempDataDir();
    try {
      await (await openSqliteStore(dataDir)).close();
      withOtherConnection(join(dataDir, 'baken.db'), `PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
      await assert.rejects(openSqliteStore(dataDir), /newer than this version of Baken/);
    } finally {
      await cleanup();
    }
  });

  it('leaves no partial rows when a save fails halfway and stays usable afterwards', () => withStore(async (store, dbFile) => {
    const runId = await startTestRun(store);
    const first = await store.saveAd(keptAd(runId));
    const before = rowCounts(dbFile);
    // Fails the artefact insert, after the ad, capture and sighting rows were already written.
    withOtherConnection(dbFile, `CREATE TRIGGER fail_artefacts BEFORE INSERT ON capture_artefacts
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    await assert.rejects(store.saveAd(keptAd(runId, { url: 'https://ads.example/new' })), /simulated failure/);
    await assert.rejects(store.saveAd(keptAd(runId, { fields: { title: 'changed' } })), /simulated failure/);
    assert.deepEqual(rowCounts(dbFile), before);
    const kept = await store.getAd(first.adId, ['mensenhandel']);
    assert.equal(kept?.captureId, first.captureId);
    assert.equal(kept?.version, 1);
    assert.equal((await store.search({ themes: ['mensenhandel'], text: 'changed' })).total, 0);

    withOtherConnection(dbFile, 'DROP TRIGGER fail_artefacts');
    assert.equal((await store.saveAd(keptAd(runId, { url: 'https://ads.example/new' }))).outcome, 'new');
  }));

  it('a purge leaves no row of the ad in any table, and the schema refuses to delete a held ad', () => withStore(async (store, dbFile) => {
    const runId = await startTestRun(store);
    const old = await store.saveAd(keptAd(runId, { url: 'https://ads.example/old' }));
    const held = await store.saveAd(keptAd(runId, { url: 'https://ads.example/held' }));
    await store.replaceLinks('mensenhandel', [old.adId < held.adId
      ? { a: old.adId, b: held.adId, reason: 'shared-phone', value: '+31612345678' } : { a: held.adId, b: old.adId, reason: 'shared-phone', value: '+31612345678' }]);
    withOtherConnection(dbFile, `
      INSERT INTO lists (id, theme, name, created_by, created_at, updated_at) VALUES ('l1', 'mensenhandel', 'zaak', 'x', 'now', 'now');
      INSERT INTO list_ads (list_id, ad_id, added_by, added_at) VALUES ('l1', '${old.adId}', 'x', 'now'), ('l1', '${held.adId}', 'x', 'now');`);
    await store.placeHold(held.adId, 'mensenhandel', 'ZAAK-1', 'expert', '2025-03-02T00:00:00Z');
    await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00Z' }, '2025-09-01T00:00:00Z');
    const db = new DatabaseSync(dbFile);
    try {
      const left = (table: string, column: string) => Number(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column}`).get()?.['n']);
      assert.deepEqual({
        ads: left('ads', '1'), captures: left('captures', '1'), artefacts: left('capture_artefacts', '1'), sightings: left('sightings', '1'),
        fts: left('ads_fts', '1'), search: left('ad_search', '1'), phones: left('capture_phones', '1'), indicators: left('capture_indicators', '1'),
        links: left('ad_links', '1'), lists: left('list_ads', '1'),
      }, { ads: 1, captures: 1, artefacts: 3, sightings: 1, fts: 1, search: 1, phones: 1, indicators: 1, links: 0, lists: 1 },
      'only the held ad is left, with its own rows');
      assert.throws(() => db.prepare('DELETE FROM ads WHERE id = ?').run(held.adId), /FOREIGN KEY/);
    } finally {
      db.close();
    }
  }));

  it('rejects a duplicate artefact position through the schema, not only in code', () => withStore(async (store, dbFile) => {
    const saved = await store.saveAd(keptAd(await startTestRun(store)));
    const db = new DatabaseSync(dbFile);
    try {
      assert.throws(() => db.prepare(`INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes)
        VALUES (?, 0, 'html', ?, 'text/html', 1)`).run(saved.captureId, 'a'.repeat(64)), /UNIQUE|PRIMARY KEY/);
    } finally {
      db.close();
    }
  }));
});

describe('sqlite runs of an older data directory', () => {
  it('read back as not abandoned once runs gain the column, and a run given up after the upgrade says so', async () => {
    const { dataDir, cleanup } = await tempDataDir();
    try {
      const store = await openSqliteStore(dataDir);
      const old = await finishedTestRun(store);
      await store.close();
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      db.exec(`ALTER TABLE runs DROP COLUMN abandoned; PRAGMA user_version = ${MIGRATIONS.indexOf(RUN_ABANDONED_MIGRATION)}`);
      db.close();

      const reopened = await openSqliteStore(dataDir);
      try {
        await assertRunsAfterUpgrade(reopened, old);
      } finally {
        await reopened.close();
      }
    } finally {
      await cleanup();
    }
  });
});
