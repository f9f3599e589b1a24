// `baken search --image FILE` as an operator runs it: the picture's hash against the stored ads of the
// themes that store pictures, the answer as JSON, the search in the audit trail, a bad file refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderPicture } from '../../demo/images.ts';
import { perceptualHash } from '../analyse/image-hash.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';

const BIN = new URL('../../bin/baken.ts', import.meta.url).pathname;
const PICTURE = { picture: 515, width: 480, height: 360, quality: 82 };

describe('baken search --image', { timeout: 60_000 }, () => {
  let root: string;
  let dataDir: string;
  let adId: string;
  const baken = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, BAKEN_LOG: 'warn' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'baken-search-image-'));
    dataDir = join(root, 'data');
    const store = await openSqliteStore(dataDir);
    try {
      const runId = await startTestRun(store);
      adId = (await store.saveAd(keptAd(runId, { perceptualHashes: [await perceptualHash(await renderPicture(PICTURE))] }))).adId;
      await store.saveAd(keptAd(runId, { url: 'https://ads.example/other', perceptualHashes: [await perceptualHash(await renderPicture({ ...PICTURE, picture: 516 }))] }));
    } finally {
      await store.close();
    }
    writeFileSync(join(root, 'photo.jpg'), await sharp(await renderPicture(PICTURE)).resize(320, 240).jpeg({ quality: 60 }).toBuffer());
    writeFileSync(join(root, 'letter.jpg'), 'not a photo');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists the ads with the picture, with the distance, and records the search with its hash', async () => {
    const r = baken('search', '--image', join(root, 'photo.jpg'), '--justification', 'PL0900-2026-5', '--json');
    assert.equal(r.code, 0, r.stderr);
    const answer = JSON.parse(r.stdout) as { hash: string; themes: string[]; hits: { id: string; distance: number }[] };
    assert.deepEqual(answer.themes, ['mensenhandel'], 'the themes that store pictures');
    assert.deepEqual(answer.hits.map((h) => h.id), [adId]);
    assert.ok(answer.hits[0]!.distance <= 10);
    const store = await openSqliteStore(dataDir);
    try {
      const events = (await store.readLog('audit')).map((e) => e.body).filter((b) => b.action === 'ads.image-search');
      assert.deepEqual(events.map((b) => [b['query'], b['resources'], b['justification']]), [[{ hash: answer.hash, maxDistance: 10 }, [adId], 'PL0900-2026-5']]);
    } finally {
      await store.close();
    }
  });

  it('refuses a file that is no picture, or text and a picture at once, with a clear error', () => {
    const letter = baken('search', '--image', join(root, 'letter.jpg'), '--justification', 'PL0900-2026-5');
    assert.equal(letter.code, 2);
    assert.match(letter.stderr, /not a picture Baken can read/);
    const both = baken('search', 'zon', '--image', join(root, 'photo.jpg'), '--justification', 'PL0900-2026-5');
    assert.equal(both.code, 64);
    assert.match(both.stderr, /either by text or by --image/);
    const missing = baken('search', '--image', join(root, 'nowhere.jpg'), '--justification', 'PL0900-2026-5');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the picture/);
  });
});
