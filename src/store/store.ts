// The store port. The embedded adapter is SQLite (store/sqlite/); a PostgreSQL adapter satisfies the
// same contract (store/store.contract.ts). Every method is async so either can sit behind it.
import type { AdFields, Artefact, CaptureMeta } from '../domain/ad.ts';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import type { LogBody, LogEntry, LogName } from '../domain/hash-chain.ts';

/** An ad that passed the minimisation gate, already reduced to the theme's allowed fields.
 *  Its artefacts are already in the blob store. */
export interface KeptAd {
  runId: string;
  theme: string;
  source: string;
  url: string;
  meta: CaptureMeta;
  fields: AdFields;
  artefacts: Artefact[];
  score: number;
  hits: IndicatorHit[];
}

export interface RunCounts { captured: number; kept: number; deleted: number; failed: number }

/** A page that could not be captured. Kept with its run so operators can see what was missed. */
export interface RunFailure { source: string; url: string; reason: string; attempts: number }

export interface RunStart { theme: string; source: string | null; startedAt: string; softwareVersion: string }

export interface SearchQuery {
  /** The themes the caller may see; a query never reaches beyond them. */
  themes: string[];
  text?: string;
  source?: string;
  city?: string;
  minScore?: number;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  theme: string;
  source: string;
  url: string;
  title: string | null;
  city: string | null;
  score: number;
  lastSeen: string;
}

export interface StoredAd {
  id: string;
  theme: string;
  source: string;
  url: string;
  firstSeen: string;
  lastSeen: string;
  captureId: string;
  /** 1 for the first capture; each change of content adds one. */
  version: number;
  meta: CaptureMeta;
  fields: AdFields;
  artefacts: Artefact[];
  score: number;
  hits: IndicatorHit[];
  sightings: number;
}

export type SaveResult = { adId: string; captureId: string; outcome: 'new' | 'changed' | 'unchanged' };

export interface Store {
  startRun(run: RunStart): Promise<string>;
  finishRun(runId: string, counts: RunCounts, finishedAt: string): Promise<void>;
  recordFailure(runId: string, failure: RunFailure): Promise<void>;
  failures(runId: string): Promise<RunFailure[]>;
  /** Rejects (STORE_REJECTED) an ad without origin and method: source URL, UTC time, software
   *  version, method. An unchanged re-capture adds a sighting instead of a copy. */
  saveAd(ad: KeptAd): Promise<SaveResult>;
  getAd(id: string, themes: string[]): Promise<StoredAd | null>;
  search(query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }>;
  /** Every blob hash any stored row refers to: what the blob sweep must keep. */
  referencedBlobs(): Promise<Set<string>>;
  /** Appends to a hash-chained log in its own transaction; `at` defaults to now. */
  appendLog(log: LogName, body: LogBody, at?: string): Promise<LogEntry>;
  /** Entries in order, from `fromSeq` (default 1). */
  readLog(log: LogName, opts?: { fromSeq?: number; limit?: number }): Promise<LogEntry[]>;
  runs(theme: string): Promise<(RunStart & RunCounts & { id: string; finishedAt: string | null })[]>;
  close(): Promise<void>;
}

export interface BlobStore {
  /** Writes atomically (temp file, fsync, rename) and returns the SHA-256 hex of the bytes. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  list(): AsyncIterable<string>;
  /** Removes blobs not in `keep` and abandoned temp files, if written before `before`. */
  sweep(keep: Set<string>, before: Date): Promise<number>;
}
