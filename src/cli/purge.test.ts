// `baken hold` and `baken purge` as an operator runs them, on a temporary data directory whose ads
// were sealed as a crawl seals them: expired ads and their files go, a held one stays, verify stays clean.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealedRun, type SealedAd } from '../evidence/sealed-ad.fixtures.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';

const BIN = new URL('../../bin/baken.ts', import.meta.url).pathname;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('baken hold and baken purge', { timeout: 180_000 }, () => {
  let root: string;
  let dataDir: string;
  let old: SealedAd;
  let fresh: SealedAd;
  let held: SealedAd;
  const baken = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, BAKEN_LOG: 'warn' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const blobFile = (sha: string) => join(dataDir, 'blobs', sha.slice(0, 2), sha);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'baken-purge-'));
    dataDir = join(root, 'data');
    const store = await openSqliteStore(dataDir);
    try {
      [old, fresh, held] = await sealedRun(store, 'mensenhandel', [
        { url: 'https://ads.example/old', seenAt: daysAgo(200) },
        { url: 'https://ads.example/fresh', seenAt: daysAgo(1) },
        { url: 'https://ads.example/held', seenAt: daysAgo(190) },
      ], { blobs: createFileBlobStore(dataDir), dataDir }) as [SealedAd, SealedAd, SealedAd];
      // Each ad's files were written when it was captured.
      for (const [ad, days] of [[old, 200], [fresh, 1], [held, 190]] as const) {
        for (const sha of ad.blobs) utimesSync(blobFile(sha), new Date(daysAgo(days)), new Date(daysAgo(days)));
      }
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a hold without a case or of an ad the theme does not keep, with a clear error', () => {
    const noCase = baken('hold', '--ad', held.adId, '--theme', 'mensenhandel', '--by', 'expert.jansen');
    assert.equal(noCase.code, 64);
    assert.match(noCase.stderr, /give either --case CASE to place a hold or --release/);
    const otherTheme = baken('hold', '--ad', held.adId, '--theme', 'toezicht', '--case', 'ZAAK-1', '--by', 'expert.jansen', '--json');
    assert.equal(otherTheme.code, 2);
    assert.equal(JSON.parse(otherTheme.stdout).error.code, 'NOT_FOUND');
  });

  it('purges expired ads and their files, keeps the held and the fresh one, and verify stays clean', () => {
    const placed = baken('hold', '--ad', held.adId, '--theme', 'mensenhandel', '--case', 'ZAAK-2025-17', '--by', 'expert.jansen', '--json');
    assert.equal(placed.code, 0, placed.stderr);
    assert.equal(JSON.parse(placed.stdout).held.caseNumber, 'ZAAK-2025-17');

    const purged = baken('purge', '--json');
    assert.equal(purged.code, 0, purged.stderr);
    assert.deepEqual(JSON.parse(purged.stdout), { purged: 1, captures: 1, blobs: 3, held: 1 });
    assert.deepEqual(old.blobs.filter((sha) => existsSync(blobFile(sha))), [], 'the purged ad\'s files are gone');
    assert.ok([...fresh.blobs, ...held.blobs].every((sha) => existsSync(blobFile(sha))), 'the other ads keep their files');

    const verified = baken('verify', '--json');
    assert.equal(verified.code, 0, verified.stdout);
  });

  it('refuses a second hold on a held ad as a conflict, keeping the first', () => {
    const again = baken('hold', '--ad', held.adId, '--theme', 'mensenhandel', '--case', 'ZAAK-9', '--by', 'expert.smit', '--json');
    assert.equal(again.code, 2);
    assert.match(JSON.parse(again.stdout).error.message, /already on hold for case ZAAK-2025-17/);
  });

  it('purges a held ad once its hold is released', () => {
    const released = baken('hold', '--ad', held.adId, '--theme', 'mensenhandel', '--release', '--by', 'expert.smit', '--json');
    assert.equal(released.code, 0, released.stderr);
    assert.deepEqual(JSON.parse(baken('purge', '--theme', 'mensenhandel', '--json').stdout), { purged: 1, captures: 1, blobs: 3, held: 0 });
    assert.deepEqual(held.blobs.filter((sha) => existsSync(blobFile(sha))), []);
    assert.equal(baken('verify', '--json').code, 0);
  });

  it('puts every hold, release and purge in the audit trail with its real outcome, the case and counts only', async () => {
    const store = await openSqliteStore(dataDir);
    try {
      const events = (await store.readLog('audit')).map((e) => e.body)
        .filter((b) => b['action'] !== 'audit.read')
        .map((b) => [b['action'], b['themes'], b['resources'], b['count'], b['justification'], b['actor'], b['outcome'], b['status']]);
      assert.deepEqual(events, [
        ['request.refused', ['toezicht'], [held.adId], 0, 'ZAAK-1', 'cli', 'NOT_FOUND', undefined],
        ['holds.change', ['mensenhandel'], [held.adId], 1, 'ZAAK-2025-17', 'cli', 'ok', undefined],
        ['retention.purge', ['mensenhandel'], [], 1, null, 'cli', 'ok', undefined],
        ['retention.purge', ['toezicht'], [], 0, null, 'cli', 'ok', undefined],
        // The refused second hold: recorded before the store refused it, then its failure, as the API records a 409.
        ['holds.change', ['mensenhandel'], [held.adId], 1, 'ZAAK-9', 'cli', 'ok', undefined],
        ['request.failed', ['mensenhandel'], [held.adId], 0, 'ZAAK-9', 'cli', 'CONFLICT', 409],
        ['holds.change', ['mensenhandel'], [held.adId], 1, 'ZAAK-2025-17', 'cli', 'ok', undefined],
        ['retention.purge', ['mensenhandel'], [], 1, null, 'cli', 'ok', undefined],
      ]);
      const failed = (await store.readLog('audit')).map((e) => e.body).find((b) => b['action'] === 'request.failed');
      assert.deepEqual(failed?.['query'], { op: 'place', action: 'holds.change' }, 'the failure names the action it ended');
    } finally {
      await store.close();
    }
  });
});
