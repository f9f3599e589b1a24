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
import { IMAGE_HASHES_MIGRATION } from './schema-image-hashes.sql.ts';
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
      db.exec(`DROP TRIGGER captures_image_hashes; DROP TABLE capture_image_hashes; DROP TABLE standing_hits; DROP TABLE standing_searches;
        ALTER TABLE runs DROP COLUMN abandoned; PRAGMA user_version = ${MIGRATIONS.indexOf(IMAGE_HASHES_MIGRATION)}`);
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
