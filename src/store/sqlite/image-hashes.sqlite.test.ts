// The picture index on SQLite as a file holds it: an older data directory gains it filled from the
// hashes its captures already carry, and a purge leaves no row of a purged capture behind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { keptAd, startTestRun } from '../store.fixtures.ts';
import { MIGRATIONS } from './schema.sql.ts';
import { IMAGE_HASH_BANDS_COVERING_MIGRATION, IMAGE_HASHES_MIGRATION } from './schema-image-hashes.sql.ts';
import { openSqliteStore } from './store.sqlite.ts';

function indexRows(dataDir: string): { capture_id: string; n: number; hash: string; band0: string; band3: string }[] {
  const db = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
  try {
    return db.prepare('SELECT capture_id, n, hash, band0, band3 FROM capture_image_hashes ORDER BY capture_id, n').all().map((r) => ({ ...r })) as never;
  } finally {
    db.close();
  }
}

describe('sqlite picture index', () => {
  it('is created and filled from the stored captures when an older data directory is opened', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-image-hashes-upgrade-'));
    try {
      const store = await openSqliteStore(dataDir);
      const saved = await store.saveAd(keptAd(await startTestRun(store), { perceptualHashes: ['0123456789abcdef', 'fedcba9876543210'] }));
      await store.close();
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      db.exec(`DROP TRIGGER captures_image_hashes; DROP TABLE capture_image_hashes; DROP TABLE standing_hits; DROP TABLE standing_searches; DROP INDEX ad_links_by_value; ALTER TABLE runs DROP COLUMN abandoned; PRAGMA user_version = ${MIGRATIONS.indexOf(IMAGE_HASHES_MIGRATION)}`);
      db.close();

      const reopened = await openSqliteStore(dataDir);
      try {
        assert.deepEqual(indexRows(dataDir), [
          { capture_id: saved.captureId, n: 0, hash: '0123456789abcdef', band0: '0123', band3: 'cdef' },
          { capture_id: saved.captureId, n: 1, hash: 'fedcba9876543210', band0: 'fedc', band3: '3210' },
        ]);
        assert.deepEqual((await reopened.adsWithImageHash('0123456789abcdee', 2, ['mensenhandel'])).map((m) => [m.adId, m.distance]), [[saved.adId, 1]]);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('gains band indexes that carry the hash, and links indexed by their value, when a data directory from before them is opened', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-image-hashes-covering-'));
    try {
      const store = await openSqliteStore(dataDir);
      const saved = await store.saveAd(keptAd(await startTestRun(store), { perceptualHashes: ['0123456789abcdef'] }));
      await store.close();
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      db.exec(`${[0, 1, 2, 3].map((b) => `DROP INDEX capture_image_hashes_band${b}; CREATE INDEX capture_image_hashes_band${b} ON capture_image_hashes (band${b});`).join(' ')}
        DROP INDEX ad_links_by_value; ALTER TABLE runs DROP COLUMN abandoned; PRAGMA user_version = ${MIGRATIONS.indexOf(IMAGE_HASH_BANDS_COVERING_MIGRATION)}`);
      db.close();

      const reopened = await openSqliteStore(dataDir);
      try {
        const file = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
        try {
          const columns = (index: string) => file.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index).map((r) => r['name']);
          assert.deepEqual([0, 1, 2, 3].map((b) => columns(`capture_image_hashes_band${b}`)), [0, 1, 2, 3].map((b) => [`band${b}`, 'hash']));
          assert.deepEqual(columns('ad_links_by_value'), ['value', 'reason']);
          const plan = file.prepare("EXPLAIN QUERY PLAN SELECT hash FROM capture_image_hashes WHERE band2 IN ('0000', '0001')").all().map((r) => r['detail']);
          assert.match(String(plan), /COVERING INDEX capture_image_hashes_band2/, 'a band lookup reads the index alone');
        } finally {
          file.close();
        }
        assert.deepEqual((await reopened.adsWithImageHash('0123456789abcdee', 2, ['mensenhandel'])).map((m) => [m.adId, m.distance]), [[saved.adId, 1]]);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps no row of a capture the retention purge deleted', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-image-hashes-purge-'));
    const store = await openSqliteStore(dataDir);
    try {
      const runId = await startTestRun(store);
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/old', perceptualHashes: ['1111111111111111'] }));
      const kept = await store.saveAd(keptAd(runId, { url: 'https://ads.example/new', capturedAt: '2025-08-01T10:00:00.000Z', perceptualHashes: ['2222222222222222'] }));
      await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-01T00:00:00.000Z');
      assert.deepEqual(indexRows(dataDir).map((r) => r.capture_id), [kept.captureId]);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
