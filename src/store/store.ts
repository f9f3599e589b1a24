// The store port. The embedded adapter is SQLite (store/sqlite/); a PostgreSQL adapter satisfies the
// same contract (store/store.contract.ts). Every method is async so either can sit behind it.
import type { AdFields, Artefact, CaptureMeta } from '../domain/ad.ts';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import type { LogBody, LogEntry, LogHead, LogName } from '../domain/hash-chain.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import type { Network, NetworkLink } from '../domain/network.ts';
import type { ExtractionCounts, ExtractionOutcome } from '../analyse/extraction-yield.ts';

/** An ad that passed the minimisation gate, already reduced to the theme's allowed fields.
 *  Its artefacts are already in the blob store. */
export interface KeptAd {
  runId: string;
  /** Chosen by the caller: the signed manifest names it before the row exists. */
  captureId: string;
  manifest: { sha256: string; signature: string; keyId: string };
  theme: string;
  source: string;
  url: string;
  meta: CaptureMeta;
  fields: AdFields;
  artefacts: Artefact[];
  score: number;
  hits: IndicatorHit[];
  /** Perceptual hashes of the ad's pictures, for cross-ad analysis of later runs; empty for a theme
   *  that keeps no pictures. */
  perceptualHashes: string[];
}

/** An ad held back for its run's cross-ad analysis (DESIGN.md §2.3): on its own it cannot be judged
 *  yet. `capture` is the whole capture, opaque to the store; it never outlives `expiresAt`. */
export interface StagedAd {
  runId: string;
  theme: string;
  url: string;
  features: AnalysisInput;
  capture: Uint8Array;
  /** Who holds the run (host and process), so start-up can tell an abandoned run from a live one. */
  owner: string;
  stagedAt: string;
  expiresAt: string;
}

/** What start-up needs to find abandoned staging: one row per run that has staged ads. */
export interface StagingRun { runId: string; theme: string; owner: string; expiresAt: string; ads: number }

export interface RunCounts { captured: number; kept: number; deleted: number; failed: number }

/** A page that could not be captured. Kept with its run so operators can see what was missed. */
export interface RunFailure { source: string; url: string; reason: string; attempts: number }

/** How a finished run ended: its pages done, or given up because its owner was gone (a killed crawl,
 *  a job whose workers all died), finished with what was known then. */
export type RunEnd = 'complete' | 'abandoned';

/** A run as stored: its counts are final once `finishedAt` is set. */
export type StoredRun = RunStart & RunCounts & { id: string; finishedAt: string | null; abandoned: boolean };

export interface RunStart { theme: string; source: string | null; startedAt: string; softwareVersion: string }

export interface SearchQuery {
  /** The themes the caller may see; a query never reaches beyond them. */
  themes: string[];
  text?: string;
  source?: string;
  city?: string;
  minScore?: number;
  /** A score band as the scoreBand facet names it, e.g. '5-9' (SCORE_BANDS). */
  scoreBand?: string;
  /** At least this many indicators hit. */
  minIndicators?: number;
  /** The order of the hits; 'score' when not given. */
  sort?: SearchSort;
  /** E.164; matches any of the ad's phone numbers. */
  phone?: string;
  /** An indicator id that hit on the ad. */
  indicator?: string;
  /** Ads seen in the period: last seen on or after `from`, first seen on or before `to` (UTC ISO). */
  from?: string;
  to?: string;
  /** Only these ads (e.g. the entries of a list). */
  ids?: string[];
  /** Count the matches per city, source, indicator count, score band and month last seen. */
  facets?: boolean;
  limit?: number;
  offset?: number;
}

/** score: highest score first (then last seen); lastSeen: seen most recently first; newest: first seen
 *  most recently first; oldest: first seen longest ago first. */
export const SEARCH_SORTS = ['score', 'lastSeen', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface FacetCount { value: string; count: number }
export interface SearchFacets {
  city: FacetCount[];
  source: FacetCount[];
  indicatorCount: FacetCount[];
  scoreBand: FacetCount[];
  month: FacetCount[];
}

export interface SearchResult { total: number; hits: SearchHit[]; facets?: SearchFacets }

export interface SearchHit {
  id: string;
  theme: string;
  source: string;
  url: string;
  title: string | null;
  city: string | null;
  score: number;
  indicatorCount: number;
  firstSeen: string;
  lastSeen: string;
  /** The age the ad states, where the theme stores it; else null. */
  age: number | null;
  /** Whether the latest capture holds an image or a screenshot (what a thumbnail is made of). */
  picture: boolean;
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
  goneAt: string | null;
}

/** What the municipal monitor reads of each kept ad: where it is, its licence number and phones
 *  (from its latest capture), and when it was seen. */
export interface MonitorAdRow {
  id: string;
  source: string;
  fields: Pick<AdFields, 'city' | 'title' | 'licence' | 'phones'>;
  firstSeen: string;
  lastSeen: string;
}

/** The fields of a capture that a monitor row carries, and no others. */
export function monitorFields(fields: AdFields): MonitorAdRow['fields'] {
  const { city, title, licence, phones } = fields;
  return { ...(city !== undefined ? { city } : {}), ...(title !== undefined ? { title } : {}), ...(licence !== undefined ? { licence } : {}), ...(phones !== undefined ? { phones } : {}) };
}

/** A sighting of an unchanged ad: no new copy, only the time it was seen. */
export interface Sighting { runId: string; theme: string; url: string; contentHash: string; seenAt: string }

export interface AdVersion { captureId: string; version: number; capturedAt: string; contentHash: string; fields: AdFields }

/** Everything `verify` compares with the signed manifests and the custody log. */
export interface CaptureEvidence {
  ad: { id: string; theme: string; source: string; url: string; firstSeen: string; lastSeen: string; latestCaptureId: string; goneAt: string | null };
  captureId: string;
  version: number;
  runId: string;
  capturedAt: string;
  contentHash: string;
  meta: CaptureMeta;
  fields: AdFields;
  score: number;
  hits: IndicatorHit[];
  perceptualHashes: string[];
  artefacts: Artefact[];
  manifest: { sha256: string; signature: string; keyId: string };
}

/** An ad linked to a case by an expert: exempt from the retention purge until released (Wpg arts. 8, 9). */
export interface LegalHold { adId: string; theme: string; caseNumber: string; by: string; at: string }

/** Ads of a theme last seen before `lastSeenBefore`, or first seen before `firstSeenBefore`, are past retention. */
export interface RetentionCutoff { lastSeenBefore: string; firstSeenBefore?: string }

/** `blobs`: the artefact hashes no remaining capture refers to, for the caller to delete at once.
 *  `held`: ads past retention that were kept because they are on hold. */
export interface PurgeResult { ads: number; captures: number; blobs: string[]; held: number }

/** A kept ad's picture near a searched perceptual hash: the ad's nearest, in one of its captures;
 *  `n` is the picture's place among that capture's hashes, `latest` whether it is the ad's latest capture. */
export interface ImageHashMatch { adId: string; theme: string; captureId: string; latest: boolean; n: number; hash: string; distance: number }

export type SaveResult = { adId: string; captureId: string; outcome: 'new' | 'changed' | 'unchanged' };

// The store port, split by role: each part of Baken asks only for the role it needs, and each
// adapter (sqlite/, postgres/) implements them all. The same contract suites run on both.

/** Crawl runs and the kept ads they capture: saving, re-sightings, reading and searching. */
export interface AdStore {
  startRun(run: RunStart): Promise<string>;
  finishRun(runId: string, counts: RunCounts, finishedAt: string, end?: RunEnd): Promise<void>;
  recordFailure(runId: string, failure: RunFailure): Promise<void>;
  failures(runId: string): Promise<RunFailure[]>;
  runs(theme: string): Promise<StoredRun[]>;
  /** Rejects (STORE_REJECTED) an ad without origin and method: source URL, UTC time, software
   *  version, method. An unchanged re-capture adds a sighting instead of a copy. */
  saveAd(ad: KeptAd): Promise<SaveResult>;
  /** Records a sighting if the ad's latest capture has this content hash; null if it is new or changed. */
  sightIfUnchanged(sighting: Sighting): Promise<SaveResult | null>;
  /** Marks the source's ads not listed in this run as gone (last seen stays); returns their ids. */
  markGone(runId: string, theme: string, source: string, listedUrls: readonly string[], at: string): Promise<string[]>;
  getAd(id: string, themes: string[]): Promise<StoredAd | null>;
  versions(id: string, themes: string[]): Promise<AdVersion[]>;
  /** Every capture (of one ad, or all), with its ad row, oldest first. */
  evidence(adId?: string): Promise<CaptureEvidence[]>;
  /** Sightings per ad, in time order, for `verify` to compare with the custody log. */
  sightings(adId: string): Promise<{ runId: string; seenAt: string }[]>;
  /** The ads the run captured for the first time (their first version is the run's), by id. */
  newAds(runId: string): Promise<string[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Every kept ad of the theme, compactly, ordered by id. */
  monitorRows(theme: string): Promise<MonitorAdRow[]>;
  /** The kept ads of these themes with a picture (in any capture) within `maxDistance` bits of the
   *  perceptual hash, each once with its nearest picture, nearest first; exact, through the picture
   *  index (./image-hash-search.ts). */
  adsWithImageHash(hash: string, maxDistance: number, themes: string[]): Promise<ImageHashMatch[]>;
}

/** The staging window of a run (DESIGN §2.3) and the networks of kept ads. */
export interface StagingStore {
  /** Holds an ad in staging; a second call for the same run and URL replaces the first. */
  stage(ad: StagedAd): Promise<void>;
  /** The features of the run's staged ads, by URL, without their captures. */
  stagedFeatures(runId: string): Promise<{ url: string; features: AnalysisInput }[]>;
  /** Removes one staged ad from staging and returns its capture; null if it is no longer there. */
  takeStaged(runId: string, url: string): Promise<Uint8Array | null>;
  /** Deletes what the run still has in staging and logs the count (never content); returns the count. */
  purgeStaging(runId: string, reason: 'run-ended' | 'abandoned' | 'expired', at: string): Promise<number>;
  stagingRuns(): Promise<StagingRun[]>;
  /** The theme's kept ads as the analysis compares new ads with them: the latest version of each,
   *  and every earlier version captured on or after `since` (for movement), each with when it was seen. */
  keptFeatures(theme: string, since: string): Promise<AnalysisInput[]>;
  /** Replaces the theme's links between kept ads (recomputed at the end of every run); links to an
   *  ad that is not kept in the theme are left out. */
  replaceLinks(theme: string, links: readonly NetworkLink[]): Promise<void>;
  /** The network of an ad from the stored links: itself alone when nothing links to it; null when
   *  it is not visible in these themes. */
  networkOf(adId: string, themes: string[]): Promise<Network | null>;
  /** The theme's kept ads that show the phone number, ordered by id: in the phones field of any
   *  capture, or linked to another ad by it (a shared-phone link, which also reads a number written
   *  in words). Read by index, so it costs in proportion to those ads. */
  adsWithPhone(theme: string, phone: string): Promise<string[]>;
}

/** Retention (DESIGN §2.4): legal holds and the purge. */
export interface RetentionStore {
  /** Puts a kept ad of this theme on hold for a case, with a custody entry; NOT_FOUND when the theme
   *  keeps no such ad, CONFLICT when it is already on hold. */
  placeHold(adId: string, theme: string, caseNumber: string, by: string, at: string): Promise<LegalHold>;
  /** Lifts the hold, with a custody entry; NOT_FOUND when the ad is not on hold in this theme. */
  releaseHold(adId: string, theme: string, by: string, at: string): Promise<LegalHold>;
  holds(theme: string): Promise<LegalHold[]>;
  /** Deletes, in one transaction, every ad of the theme past retention and not on hold, with all it
   *  has in the store, and logs which ads and captures were purged (ids only). */
  purgeExpired(theme: string, cutoff: RetentionCutoff, at: string): Promise<PurgeResult>;
  /** Every blob hash any stored row refers to: what the blob sweep must keep. */
  referencedBlobs(): Promise<Set<string>>;
}

/** The hash-chained logs: the custody log and the audit trail. */
export interface LogStore {
  /** Appends to a hash-chained log in its own transaction; `at` defaults to now. */
  appendLog(log: LogName, body: LogBody, at?: string): Promise<LogEntry>;
  /** Entries in order, from `fromSeq` (default 1). */
  readLog(log: LogName, opts?: { fromSeq?: number; limit?: number }): Promise<LogEntry[]>;
  /** Runs `work` with the head of each log that has entries, one caller at a time across every
   *  process on this database: what `work` writes (signed checkpoints, src/evidence/log-anchor.ts)
   *  follows the order in which the heads were read. */
  withLogHeads<T>(work: (heads: LogHead[]) => T): Promise<T>;
}

/** The extraction outcomes of one source's ad pages in one run (src/analyse/extraction-yield.ts). */
export interface SourceYield extends ExtractionCounts { runId: string; source: string }

/** Pages of one source a run could not capture, by reason. */
export interface FailureCount { runId: string; source: string; reason: string; pages: number }

/** A run in which a source's extractor yield dropped: the page structure probably changed. Counts
 *  and shares only, never content. */
export interface SourceAlert {
  theme: string;
  source: string;
  runId: string;
  kind: 'yield-drop';
  yield: number;
  /** The source's usual yield (median of its recent runs); null on its first run. */
  baseline: number | null;
  floor: number;
  raisedAt: string;
}

/** What per-source health is made of. Counted per page as it is captured, so that any number of
 *  workers on one run add up, and read by the API and the metrics from another process. */
export interface HealthStore {
  countExtraction(runId: string, source: string, outcome: ExtractionOutcome): Promise<void>;
  /** Every run and source of the theme that counted a page, newest run first. */
  extractionYields(theme: string): Promise<SourceYield[]>;
  failureCounts(theme: string): Promise<FailureCount[]>;
  /** Stores the alert; raising it again for the same run and source replaces it. */
  raiseAlert(alert: SourceAlert): Promise<void>;
  /** Newest first. */
  alerts(theme: string): Promise<SourceAlert[]>;
}

export interface Store extends AdStore, StagingStore, RetentionStore, LogStore, HealthStore {
  close(): Promise<void>;
}

/** A crawl commits the row that names a file within this time of writing the file, so clean-ups
 *  (the purge, the start-up sweep) spare files written more recently: another process may be about
 *  to refer to them. */
export const WRITE_GRACE_MS = 15 * 60_000;

export interface BlobStore {
  /** Writes atomically (temp file, fsync, rename) and returns the SHA-256 hex of the bytes. Bytes it
   *  already holds are not written again, but count as written now (see `delete`). */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes the file, unless it was written (or put again) at or after `writtenBefore`; true when removed. */
  delete(sha256: string, writtenBefore?: Date): Promise<boolean>;
  list(): AsyncIterable<string>;
  /** Removes blobs not in `keep` and abandoned temp files, if written before `before`. */
  sweep(keep: Set<string>, before: Date): Promise<number>;
}
