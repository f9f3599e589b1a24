// The search tables of schema-api.sql.ts on their own: an older data directory gains them, filled.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { keptAd, startTestRun } from '../store.fixtures.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.sql.ts';
import { API_SEARCH_MIGRATION } from './schema-api.sql.ts';
import { openSqliteStore } from './store.sqlite.ts';

describe('search tables', () => {
  it('are created and filled from the stored ads when an older data directory is opened', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-search-upgrade-'));
    try {
      const store = await openSqliteStore(dataDir);
      const saved = await store.saveAd(keptAd(await startTestRun(store), { fields: { title: 'Zonnebloem', city: 'Utrecht', phones: ['+31612345678'] } }));
      await store.close();
      // Back to the schema before the search migration (and the ones after it), as a data directory written by an older Baken.
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      db.exec(`ALTER TABLE runs DROP COLUMN abandoned; DROP TABLE standing_hits; DROP TABLE standing_searches; DROP TRIGGER captures_image_hashes; DROP TABLE capture_image_hashes; DROP TABLE holds; DROP INDEX ads_by_first_seen; DROP TABLE staged_ads; DROP TABLE ad_links; ALTER TABLE captures DROP COLUMN perceptual_hashes;
        DROP TRIGGER ad_search_capture; DROP TRIGGER ad_search_ad_insert; DROP TRIGGER ad_search_ad_update;
        DROP TRIGGER ad_search_ad_delete; DROP TABLE jobs; ALTER TABLE sessions DROP COLUMN justification;
        ALTER TABLE api_tokens DROP COLUMN approved_by; ALTER TABLE api_tokens DROP COLUMN approved_at;
        ALTER TABLE users DROP COLUMN requested_by; ALTER TABLE users DROP COLUMN approved_by; ALTER TABLE users DROP COLUMN approved_at;
        ALTER TABLE list_ads DROP COLUMN note; ALTER TABLE list_ads DROP COLUMN note_by; ALTER TABLE list_ads DROP COLUMN note_at; DROP TABLE ad_search_changes; DROP TABLE ad_search_deletions; DROP TABLE ad_search; DROP INDEX ads_by_latest_capture; DROP TABLE export_requests;
        DROP TABLE reference_rows; DROP TABLE reference_imports; DROP TABLE reference_versions; DROP TABLE inspection_entries;
        DROP TABLE source_alerts; DROP TABLE run_yields; DROP TABLE frontier_pages; DROP TABLE frontier_hosts; DROP TABLE frontier_runs; DROP TABLE config_versions;
        PRAGMA user_version = ${MIGRATIONS.indexOf(API_SEARCH_MIGRATION)}`);
      db.close();

      const reopened = await openSqliteStore(dataDir);
      try {
        const found = await reopened.search({ themes: ['mensenhandel'], text: 'zonnebloem', city: 'utrecht', facets: true });
        assert.deepEqual(found.hits.map((h) => h.id), [saved.adId]);
        assert.deepEqual(found.facets?.city, [{ value: 'utrecht', count: 1 }]);
      } finally {
        await reopened.close();
      }
      const check = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
      assert.equal(check.prepare('PRAGMA user_version').get()?.['user_version'], SCHEMA_VERSION);
      check.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('follow a new version, a sighting and a deletion of an ad', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-search-follow-'));
    const store = await openSqliteStore(dataDir);
    try {
      const runId = await startTestRun(store);
      const { adId } = await store.saveAd(keptAd(runId, { score: 3, fields: { title: 'Eerste', city: 'Zwolle' } }));
      await store.saveAd(keptAd(runId, { score: 12, capturedAt: '2025-04-02T10:00:00.000Z', fields: { title: 'Tweede', city: 'Breda' } }));
      await store.saveAd(keptAd(runId, { score: 12, capturedAt: '2025-05-03T10:00:00.000Z', fields: { title: 'Tweede', city: 'Breda' } }));
      const after = await store.search({ themes: ['mensenhandel'], facets: true });
      assert.deepEqual(after.facets?.city, [{ value: 'breda', count: 1 }]);
      assert.deepEqual(after.facets?.scoreBand, [{ value: '10-19', count: 1 }]);
      assert.deepEqual(after.facets?.month, [{ value: '2025-05', count: 1 }], 'the sighting moved last seen');
      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      db.exec(`DELETE FROM ads WHERE id = '${adId}'`);
      assert.equal(db.prepare('SELECT count(*) AS n FROM ad_search').get()?.['n'], 0);
      db.close();
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
