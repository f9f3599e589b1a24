// Each retention option at its boundary, as the purge applies it to stored ads (Wpg arts. 8, 9):
// `keepDays` after an ad was last seen, `maxDays` after it was first seen however often it is seen again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import type { Theme } from '../config/schema.ts';
import { sealedRun } from '../evidence/sealed-ad.fixtures.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import { purgeTheme, retentionCutoff } from './purge-expired.ts';

const THEME = loadConfig(new URL('../../config', import.meta.url).pathname).themes.get('mensenhandel')!;
const DAY_MS = 86_400_000;
const NOW = new Date('2025-09-01T12:00:00.000Z');
const daysAgo = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY_MS - ms).toISOString();

describe('the retention cutoff', () => {
  it('is keepDays before now for the last sighting, and nothing for the first without maxDays', () => {
    assert.deepEqual(retentionCutoff({ keepDays: 30 }, NOW), { lastSeenBefore: daysAgo(30) });
  });

  it('adds maxDays before now for the first sighting', () => {
    assert.deepEqual(retentionCutoff({ keepDays: 30, maxDays: 90 }, NOW), { lastSeenBefore: daysAgo(30), firstSeenBefore: daysAgo(90) });
  });

  it('takes fractions of a day as they are', () => {
    assert.deepEqual(retentionCutoff({ keepDays: 0.5, maxDays: 1.5 }, NOW), { lastSeenBefore: daysAgo(0.5), firstSeenBefore: daysAgo(1.5) });
  });
});

/** Which of the ads (url → [first seen, last seen]) a purge of the theme with `retention` at NOW removes. */
async function purgedBy(retention: Theme['retention'], ads: Record<string, [string, string]>): Promise<string[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-retention-'));
  const store = await openSqliteStore(dataDir);
  const blobs = createFileBlobStore(dataDir);
  try {
    const sealed = new Map<string, string>();
    for (const [url, [firstSeen, lastSeen]] of Object.entries(ads)) {
      const [ad] = await sealedRun(store, THEME.id, [{ url, seenAt: firstSeen }], { blobs, dataDir });
      if (lastSeen !== firstSeen) await sealedRun(store, THEME.id, [{ url, seenAt: lastSeen, page: `<p>${url} again</p>` }], { blobs, dataDir });
      sealed.set(ad!.adId, url);
    }
    const result = await purgeTheme({ store, blobs }, { ...THEME, retention }, NOW);
    const left = new Set((await store.evidence()).map((c) => c.ad.id));
    const gone = [...sealed].filter(([id]) => !left.has(id)).map(([, url]) => url).sort();
    assert.equal(result.ads, gone.length);
    return gone;
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('the retention purge', () => {
  it('keeps an ad last seen exactly keepDays ago and purges one last seen a moment earlier', async () => {
    assert.deepEqual(await purgedBy({ keepDays: 30 }, {
      'https://ads.example/at': [daysAgo(30), daysAgo(30)],
      'https://ads.example/past': [daysAgo(30, 1), daysAgo(30, 1)],
    }), ['https://ads.example/past']);
  });

  it('purges an ad first seen a moment more than maxDays ago though it was seen again yesterday', async () => {
    assert.deepEqual(await purgedBy({ keepDays: 30, maxDays: 90 }, {
      'https://ads.example/at': [daysAgo(90), daysAgo(1)],
      'https://ads.example/past': [daysAgo(90, 1), daysAgo(1)],
    }), ['https://ads.example/past']);
  });

  it('without maxDays, keeps an ad first seen long ago while it is still seen', async () => {
    assert.deepEqual(await purgedBy({ keepDays: 30 }, { 'https://ads.example/old': [daysAgo(3650), daysAgo(1)] }), []);
  });
});
