// The picture index on PostgreSQL as the database holds it: an older schema gains it filled from the
// hashes its captures already carry, and a purge leaves no row of a purged capture behind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { keptAd, startTestRun } from '../store.fixtures.ts';
import { MIGRATIONS } from './schema.postgres.ts';
import { IMAGE_HASH_BANDS_COVERING_MIGRATION, IMAGE_HASHES_MIGRATION } from './schema-image-hashes.postgres.ts';
import { openPostgresStore } from './store.postgres.ts';
import { createTestDatabase } from './test-database.postgres.ts';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type IndexRow = { capture_id: string; n: number; hash: string; band0: string; band3: string };
const INDEX_ROWS = 'SELECT capture_id, n, hash, band0, band3 FROM capture_image_hashes ORDER BY capture_id, n';

describe('postgres picture index', () => {
  it('is created and filled from the stored captures when an older database is opened', async () => {
    const database = await createTestDatabase();
    try {
      const store = await openPostgresStore(database.url);
      const saved = await store.saveAd(keptAd(await startTestRun(store), { perceptualHashes: ['0123456789abcdef', 'fedcba9876543210'] }));
      await store.close();
      await query(database.url, `DROP TRIGGER captures_image_hashes ON captures; DROP FUNCTION baken_capture_image_hashes; DROP TABLE capture_image_hashes;
        DROP TABLE standing_hits; DROP TABLE standing_searches; DROP INDEX ad_links_by_value; ALTER TABLE runs DROP COLUMN abandoned;
        UPDATE baken_schema SET version = ${MIGRATIONS.indexOf(IMAGE_HASHES_MIGRATION)}`);

      const reopened = await openPostgresStore(database.url);
      try {
        assert.deepEqual(await query<IndexRow>(database.url, INDEX_ROWS), [
          { capture_id: saved.captureId, n: 0, hash: '0123456789abcdef', band0: '0123', band3: 'cdef' },
          { capture_id: saved.captureId, n: 1, hash: 'fedcba9876543210', band0: 'fedc', band3: '3210' },
        ]);
        assert.deepEqual((await reopened.adsWithImageHash('0123456789abcdee', 2, ['mensenhandel'])).map((m) => [m.adId, m.distance]), [[saved.adId, 1]]);
      } finally {
        await reopened.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('gains band indexes that carry the hash, and links indexed by their value, when a database from before them is opened', async () => {
    const database = await createTestDatabase();
    try {
      const store = await openPostgresStore(database.url);
      const saved = await store.saveAd(keptAd(await startTestRun(store), { perceptualHashes: ['0123456789abcdef'] }));
      await store.close();
      await query(database.url, `${[0, 1, 2, 3].map((b) => `DROP INDEX capture_image_hashes_band${b}; CREATE INDEX capture_image_hashes_band${b} ON capture_image_hashes (band${b});`).join(' ')}
        DROP INDEX ad_links_by_value; ALTER TABLE runs DROP COLUMN abandoned; UPDATE baken_schema SET version = ${MIGRATIONS.indexOf(IMAGE_HASH_BANDS_COVERING_MIGRATION)}`);

      const reopened = await openPostgresStore(database.url);
      try {
        const indexes = await query<{ indexname: string; indexdef: string }>(database.url,
          "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'capture_image_hashes_band%' OR indexname = 'ad_links_by_value' ORDER BY indexname");
        assert.deepEqual(indexes.map((i) => [i.indexname, i.indexdef.replace(/^.* USING btree /, '')]), [
          ['ad_links_by_value', '(value, reason)'],
          ...[0, 1, 2, 3].map((b) => [`capture_image_hashes_band${b}`, `(band${b}, hash)`]),
        ]);
        assert.deepEqual((await reopened.adsWithImageHash('0123456789abcdee', 2, ['mensenhandel'])).map((m) => [m.adId, m.distance]), [[saved.adId, 1]]);
      } finally {
        await reopened.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('keeps no row of a capture the retention purge deleted', async () => {
    const database = await createTestDatabase();
    const store = await openPostgresStore(database.url);
    try {
      const runId = await startTestRun(store);
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/old', perceptualHashes: ['1111111111111111'] }));
      const kept = await store.saveAd(keptAd(runId, { url: 'https://ads.example/new', capturedAt: '2025-08-01T10:00:00.000Z', perceptualHashes: ['2222222222222222'] }));
      await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-01T00:00:00.000Z');
      assert.deepEqual((await query<IndexRow>(database.url, INDEX_ROWS)).map((r) => r.capture_id), [kept.captureId]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
