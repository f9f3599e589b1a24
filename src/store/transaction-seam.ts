// The transaction seam: the few reads and writes that the write algorithms of store-writes.ts need,
// which each adapter gives on one of its transactions. The algorithms are generators that yield what
// they ask for and get the answer back, so that one algorithm runs on both adapters:
// - SQLite answers at once, inside a synchronous BEGIN IMMEDIATE … COMMIT. node:sqlite has one
//   connection per store and no await may fall inside its transaction: other work on that connection
//   would join it, and another connection in this process would wait for a lock nobody can release.
// - PostgreSQL answers with promises, on one client of the pool that holds the transaction.
import type { LogEntry, LogName } from '../domain/hash-chain.ts';
import type { KeptAd, LegalHold, RetentionCutoff, RunCounts, RunFailure, StagedAd } from './store.ts';

export type Mode = 'sync' | 'async';
/** An answer of the seam: the value itself on a synchronous adapter, a promise of it on another. */
export type Answer<M extends Mode, T> = M extends 'sync' ? T : Promise<T>;

export interface LatestCapture { captureId: string; version: number; contentHash: string }
export interface OpenRun { theme: string; source: string | null; finished: boolean }
export interface Purged { ads: string[]; captures: string[]; blobs: string[]; held: number }

export interface Tx<M extends Mode = Mode> {
  /** The run's theme; undefined if there is no such run. */
  runTheme(runId: string): Answer<M, string | undefined>;
  /** The run, locked until commit where writers run side by side. */
  lockRun(runId: string): Answer<M, OpenRun | undefined>;
  finishRun(runId: string, counts: RunCounts, at: string, abandoned: boolean): Answer<M, void>;
  /** Numbers the failure after the run's earlier ones (the caller holds the run's lock). */
  insertFailure(runId: string, failure: RunFailure): Answer<M, void>;

  /** The ad's latest capture, with the ad (even one not stored yet) locked until commit. */
  lockLatest(adId: string): Answer<M, LatestCapture | undefined>;
  insertAd(ad: KeptAd, adId: string, seenAt: string): Answer<M, void>;
  /** Points the ad at its latest capture and widens its seen period; a sighting brings a gone ad back. */
  touchAd(adId: string, seenAt: string, latestCaptureId: string): Answer<M, void>;
  /** The capture, its artefacts, and what search finds the ad by. */
  insertCapture(ad: KeptAd, adId: string, version: number, contentHash: string, capturedAt: string): Answer<M, void>;
  addSighting(adId: string, runId: string, seenAt: string): Answer<M, void>;
  /** The source's ads of the theme not marked gone, locked in id order. */
  listedAds(theme: string, source: string): Answer<M, { id: string; url: string }[]>;
  markGone(adIds: string[], at: string): Answer<M, void>;

  stage(ad: StagedAd, stagedAt: string, expiresAt: string): Answer<M, void>;
  /** Deletes what the run has in staging: its theme (null when nothing was staged) and the count. */
  purgeStaged(runId: string): Answer<M, { theme: string | null; count: number }>;

  /** True when the theme keeps the ad; locked so that a purge cannot delete it under a new hold. */
  adInTheme(adId: string, theme: string): Answer<M, boolean>;
  holdOf(adId: string, theme: string): Answer<M, LegalHold | undefined>;
  /** False when the ad is already on hold (placed by another writer since `holdOf`). */
  insertHold(hold: LegalHold): Answer<M, boolean>;
  deleteHold(adId: string, theme: string): Answer<M, LegalHold | undefined>;
  /** Deletes the theme's ads past the cutoff that are not on hold, with all they have in the store. */
  purgeExpired(theme: string, cutoff: RetentionCutoff): Answer<M, Purged>;

  /** Takes the log's append lock until commit (the appends of one log take turns), a no-op where
   *  every transaction already holds the database's write lock. */
  lockLog(log: LogName): Answer<M, void>;
  /** Checkpoint writers take turns under this lock, as `lockLog`. */
  lockCheckpoints(): Answer<M, void>;
  logHead(log: LogName): Answer<M, { seq: number; hash: string; at: string } | undefined>;
  insertLogEntry(entry: LogEntry): Answer<M, void>;
}

export type Steps<T> = Generator<unknown, T, unknown>;
/** Runs one write algorithm in one transaction of an adapter. */
export type Transact = <T>(algorithm: (tx: Tx) => Steps<T>) => Promise<T>;

/** Hands a seam answer to the runner and takes back its value. */
export function* ask<T>(answer: T | Promise<T>): Steps<T> {
  // The runners send back exactly the yielded answer, awaited where it is a promise.
  return (yield answer) as T;
}

/** Runs the algorithm to its end without yielding to the event loop: for a synchronous transaction. */
export function runSync<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next(next.value);
  return next.value;
}

/** Runs the algorithm, awaiting each answer; a failed answer is thrown where the algorithm asked. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (err) {
      next = steps.throw(err);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}
