// verify after a retention purge: what a purge entry names is no longer expected; anything else
// missing from the store still is. A run given up is recorded so in the custody log, and checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLOutputValue } from 'node:sqlite';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { anchoredStore } from './log-anchor.ts';
import { sealedRun, type SealedAd } from './sealed-ad.fixtures.ts';
import { failuresAfter, sealedDirectory } from './tamper.fixtures.ts';
import { verifyEvidence } from './verify.ts';

describe('verify after a purge and after a run given up', () => {
  it('is clean after a purge, and still names an ad whose rows were deleted by hand', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-verify-'));
    const { store } = anchoredStore(await openSqliteStore(dataDir), dataDir);
    const blobs = createFileBlobStore(dataDir);
    try {
      const [old, fresh] = await sealedRun(store, 'mensenhandel', [
        { url: 'https://ads.example/old', seenAt: '2025-03-01T10:00:00.000Z' },
        { url: 'https://ads.example/fresh', seenAt: '2025-09-01T10:00:00.000Z' },
      ], { blobs, dataDir });
      assert.deepEqual((await verifyEvidence({ store, blobs, dataDir })).failures, []);

      const purged = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z');
      assert.deepEqual(purged.blobs, [...old!.blobs].sort());
      for (const sha of purged.blobs) await blobs.delete(sha);
      assert.deepEqual((await verifyEvidence({ store, blobs, dataDir })).failures, [], 'a purged ad is not missing evidence');

      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      try {
        db.exec('PRAGMA foreign_keys = OFF');
        db.prepare('DELETE FROM ads WHERE id = ?').run(fresh!.adId);
        db.prepare('DELETE FROM captures WHERE ad_id = ?').run(fresh!.adId);
      } finally {
        db.close();
      }
      const { failures } = await verifyEvidence({ store, blobs, dataDir });
      assert.ok(failures.some((f) => f.what === `capture ${fresh!.captureId}` && /the store has no such capture/.test(f.why)), JSON.stringify(failures));
      assert.ok(!failures.some((f) => f.what.includes(old!.captureId) || f.what.includes(old!.adId)), JSON.stringify(failures));
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('is clean for a run given up, and names the run when its abandoned mark is changed by hand', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-verify-abandoned-'));
    const { store } = anchoredStore(await openSqliteStore(dataDir), dataDir);
    const blobs = createFileBlobStore(dataDir);
    try {
      const runId = await store.startRun({ theme: 'mensenhandel', source: null, startedAt: '2025-03-01T09:00:00.000Z', softwareVersion: 'test' });
      await store.finishRun(runId, { captured: 2, kept: 0, deleted: 2, failed: 1 }, '2025-03-01T10:00:00.000Z', 'abandoned');
      assert.deepEqual((await verifyEvidence({ store, blobs, dataDir })).failures, []);

      const db = new DatabaseSync(join(dataDir, 'baken.db'));
      try {
        db.prepare('UPDATE runs SET abandoned = 0 WHERE id = ?').run(runId);
      } finally {
        db.close();
      }
      const { failures } = await verifyEvidence({ store, blobs, dataDir });
      assert.deepEqual(failures.map((f) => [f.what, f.why]), [[`run ${runId}`, 'abandoned is false in the store but true in the custody log']]);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('names a purged capture put back by hand as purged, and its ad\'s sighting as one the log no longer has', async () => {
    type Row = Record<string, SQLOutputValue>;
    const OLD = 'https://ads.example/old';
    /** The purged ad's rows, as they were before the purge: what is put back. */
    const rows: [string, Row[]][] = [];
    const { dir, sealed } = await sealedDirectory('mensenhandel', [[
      { url: OLD, seenAt: '2025-03-01T10:00:00.000Z' }, { url: 'https://ads.example/fresh', seenAt: '2025-09-01T10:00:00.000Z' },
    ]], async (store, dataDir) => {
      const db = new DatabaseSync(join(dataDir, 'baken.db'), { readOnly: true });
      try {
        const of = (sql: string) => db.prepare(sql).all(OLD) as Row[];
        rows.push(['ads', of('SELECT * FROM ads WHERE url = ?')],
          ['captures', of('SELECT * FROM captures WHERE ad_id = (SELECT id FROM ads WHERE url = ?)')],
          ['capture_artefacts', of('SELECT * FROM capture_artefacts WHERE capture_id IN (SELECT c.id FROM captures c JOIN ads a ON a.id = c.ad_id WHERE a.url = ?)')],
          ['sightings', of('SELECT * FROM sightings WHERE ad_id = (SELECT id FROM ads WHERE url = ?)')]);
      } finally {
        db.close();
      }
      const purged = await store.purgeExpired('mensenhandel', { lastSeenBefore: '2025-06-01T00:00:00.000Z' }, '2025-09-02T00:00:00.000Z');
      assert.deepEqual([purged.ads, purged.captures], [1, 1]);
    });
    const [[old]] = sealed as [[SealedAd]];
    try {
      assert.deepEqual(rows.map(([table, r]) => [table, r.length]), [['ads', 1], ['captures', 1], ['capture_artefacts', 3], ['sightings', 1]]);
      const failures = await failuresAfter(dir, (db) => {
        for (const [table, put] of rows) {
          for (const row of put) {
            const columns = Object.keys(row);
            db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
          }
        }
      });
      assert.deepEqual(failures.map((f) => [f.what, f.why]), [
        [`capture ${old.captureId}`, 'the custody log records this capture as purged, but the store still holds it'],
        [`ad ${old.adId}`, 'sightings (1) differ from the custody log (0)'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
