// The purge against a crawl in another process: the real SQLite store and blob files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepOrphanBlobs } from './housekeeping.ts';
import { loadConfig } from '../config/load.ts';
import { sealedRun } from '../evidence/sealed-ad.fixtures.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { purgeTheme } from './purge-expired.ts';

const THEME = loadConfig(new URL('../../config', import.meta.url).pathname).themes.get('mensenhandel')!;
const DAY_MS = 86_400_000;

describe('the retention purge', () => {
  it('deletes the files of a purged ad, except one a crawl wrote again moments ago for an ad it is about to store', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baken-purge-race-'));
    const store = await openSqliteStore(dataDir);
    const blobs = createFileBlobStore(dataDir);
    try {
      const now = new Date();
      const seen = new Date(now.getTime() - 200 * DAY_MS);
      const [old] = await sealedRun(store, 'mensenhandel', [{ url: 'https://ads.example/old', seenAt: seen.toISOString() }], { blobs, dataDir });
      // The files were written when the ad was captured, 200 days ago.
      for (const sha of old!.blobs) await utimes(join(blobs.root, sha.slice(0, 2), sha), seen, seen);
      // A crawl in another process captures the same page again: it writes the file, and will commit its row next.
      const [reused, ...others] = old!.blobs as [string, ...string[]];
      await blobs.put(await blobs.get(reused));

      const purged = await purgeTheme({ store, blobs }, THEME, now);
      assert.equal(purged.ads, 1);
      assert.deepEqual(purged.blobs.sort(), [...others].sort(), 'the files deleted, reported as such');
      assert.equal(await blobs.has(reused), true, 'the file the crawl is about to refer to is still there');
      for (const sha of others) assert.equal(await blobs.has(sha), false);

      // Had the crawl died instead of committing, the start-up sweep removes the file once the grace is over.
      assert.equal(await sweepOrphanBlobs(store, blobs, now), 0);
      assert.equal(await sweepOrphanBlobs(store, blobs, new Date(now.getTime() + 16 * 60_000)), 1);
      assert.equal(await blobs.has(reused), false);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
