// A sealed data directory changed by hand, as someone editing its database file would (foreign keys
// off), then verified: for the tests that verify must name each change, on the right thing.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { BlobStore, Store } from '../store/store.ts';
import { anchoredStore } from './log-anchor.ts';
import { sealedRun, type AdToSeal, type SealedAd } from './sealed-ad.fixtures.ts';
import { verifyEvidence, type VerifyFailure } from './verify.ts';

export type Change = (db: DatabaseSync, dir: string) => void | Promise<void>;
export interface VerifyDeps { store: Store; blobs: BlobStore; dataDir: string }

/**
 * A new data directory sealed as crawls of `theme` leave it: one finished run per list of `runs`, then
 * `more` on its store (anchored, as a crawl's is); verify must find it clean. The caller removes it.
 */
export async function sealedDirectory(theme: string, runs: AdToSeal[][], more?: (store: Store, dir: string) => Promise<void>):
  Promise<{ dir: string; sealed: SealedAd[][] }> {
  const dir = await mkdtemp(join(tmpdir(), 'baken-verify-sealed-'));
  const { store } = anchoredStore(await openSqliteStore(dir), dir);
  const blobs = createFileBlobStore(dir);
  try {
    const sealed: SealedAd[][] = [];
    for (const ads of runs) sealed.push(await sealedRun(store, theme, ads, { blobs, dataDir: dir }));
    await more?.(store, dir);
    assert.deepEqual((await verifyEvidence({ store, blobs, dataDir: dir })).failures, [], 'the sealed directory is clean');
    return { dir, sealed };
  } finally {
    await store.close();
  }
}

/** What `verify` answers on a copy of the sealed directory `base` after `change` ran on its database. */
export async function verifiedAfter<T>(base: string, change: Change, verify: (deps: VerifyDeps) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'baken-verify-tampered-'));
  try {
    await cp(base, dir, { recursive: true });
    const db = new DatabaseSync(join(dir, 'baken.db'));
    try {
      db.exec('PRAGMA foreign_keys = OFF');
      await change(db, dir);
    } finally {
      db.close();
    }
    const store = await openSqliteStore(dir);
    try {
      return await verify({ store, blobs: createFileBlobStore(dir), dataDir: dir });
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** verify's failures on a copy of `base` after `change`. */
export async function failuresAfter(base: string, change: Change): Promise<VerifyFailure[]> {
  return verifiedAfter(base, change, async (deps) => (await verifyEvidence(deps)).failures);
}

export async function assertNamed(base: string, change: Change, what: string, why: RegExp): Promise<void> {
  const failures = await failuresAfter(base, change);
  assert.ok(failures.some((f) => f.what === what && why.test(f.why)), `expected "${what}: ${why.source}" among ${JSON.stringify(failures, null, 1)}`);
}

/** Lets a JSON column or a log entry hold what the schema refuses: a log entry changed, a row no longer valid JSON. */
export function withoutGuards(db: DatabaseSync): void {
  db.exec('DROP TRIGGER IF EXISTS log_entries_no_update; DROP TRIGGER IF EXISTS log_entries_no_delete; PRAGMA ignore_check_constraints = ON');
}
