// The embedded store: one SQLite file, <dataDir>/baken.db, searched through FTS5. The writes that
// leave a log entry are the shared algorithms of ../store-writes.ts over transaction.sqlite.ts.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { AdFields, Artefact, CaptureMeta } from '../../domain/ad.ts';
import type { IndicatorHit } from '../../domain/indicator-hit.ts';
import type { AnalysisInput } from '../../domain/analysis-input.ts';
import type { Network, NetworkLink } from '../../domain/network.ts';
import type { LogBody, LogEntry, LogName } from '../../domain/hash-chain.ts';
import type {
  AdVersion, CaptureEvidence, ImageHashMatch, FailureCount, LegalHold, MonitorAdRow, RunCounts, RunFailure, RunStart, SearchQuery, SearchResult, SourceAlert, StoredRun,
  SourceYield, StagingRun, Store, StoredAd,
} from '../store.ts';
import type { ExtractionOutcome } from '../../analyse/extraction-yield.ts';
import { monitorFields } from '../store.ts';
import { adsWithImageHash } from '../image-hash-search.ts';
import { imageHashReads } from './image-hashes.sqlite.ts';
import { StoreWrites } from '../store-writes.ts';
import { runSync, type Steps, type Tx } from '../transaction-seam.ts';
import { assertRunStart, normaliseUtc } from '../validate.ts';
import { openDatabase } from './database.sqlite.ts';
import { SqliteSearch } from './search.sqlite.ts';
import { Statements } from './statements.sqlite.ts';
import * as analysis from './staging.sqlite.ts';
import * as retention from './retention.sqlite.ts';
import * as health from './health.sqlite.ts';
import { SqliteTx } from './transaction.sqlite.ts';

export async function openSqliteStore(dataDir: string): Promise<Store> {
  // 0700: the database holds police data; nobody else on the machine may read it.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteStore(openDatabase(join(dataDir, 'baken.db')));
}

interface AdRow {
  id: string; theme: string; source: string; url: string; first_seen: string; last_seen: string;
  capture_id: string; version: number; meta: string; fields: string; score: number; hits: string; sightings: number;
  gone_at: string | null;
}
interface EvidenceRow {
  ad_id: string; theme: string; source: string; url: string; first_seen: string; last_seen: string;
  latest_capture_id: string; gone_at: string | null; id: string; version: number; run_id: string; captured_at: string;
  content_hash: string; meta: string; fields: string; score: number; hits: string;
  manifest_sha256: string; signature: string; key_id: string; perceptual_hashes: string;
}
interface ArtefactRow { kind: Artefact['kind']; sha256: string; mime: string; bytes: number; url: string | null }
interface LogRow { log: LogName; seq: number; at: string; prev_hash: string; hash: string; body: string }
interface RunRow {
  id: string; theme: string; source: string | null; started_at: string; finished_at: string | null;
  software_version: string; captured: number; kept: number; deleted: number; failed: number; abandoned: number;
}

const THEME_IN = 'a.theme IN (SELECT value FROM json_each(:themes))';

class SqliteStore extends StoreWrites implements Store {
  readonly #db: DatabaseSync;
  readonly #tx: SqliteTx;
  readonly #statements: Statements;
  readonly #search: SqliteSearch;

  constructor(db: DatabaseSync) {
    super();
    this.#db = db;
    this.#statements = new Statements(db);
    this.#search = new SqliteSearch(db, (text) => this.#statements.sql(text));
    this.#tx = new SqliteTx((text) => this.#statements.sql(text));
  }

  /** Runs the algorithm from BEGIN to COMMIT without an await: no other work on this connection falls in between. */
  protected override async transact<T>(algorithm: (tx: Tx) => Steps<T>): Promise<T> {
    return this.#statements.transaction(() => runSync(algorithm(this.#tx)));
  }

  async startRun(run: RunStart): Promise<string> {
    assertRunStart(run);
    const id = randomUUID();
    this.#statements.sql('INSERT INTO runs (id, theme, source, started_at, software_version) VALUES (?, ?, ?, ?, ?)')
      .run(id, run.theme, run.source, normaliseUtc(run.startedAt), run.softwareVersion);
    return id;
  }

  async failures(runId: string): Promise<RunFailure[]> {
    const rows = this.#statements.sql('SELECT source, url, reason, attempts FROM run_failures WHERE run_id = ? ORDER BY n')
      .all(runId) as unknown as RunFailure[];
    return rows.map(({ source, url, reason, attempts }) => ({ source, url, reason, attempts }));
  }

  async getAd(id: string, themes: string[]): Promise<StoredAd | null> {
    const row = this.#statements.sql(`
      SELECT a.id, a.theme, a.source, a.url, a.first_seen, a.last_seen, c.id AS capture_id, c.version,
        c.meta, c.fields, c.score, c.hits, a.gone_at, (SELECT count(*) FROM sightings s WHERE s.ad_id = a.id) AS sightings
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id
      WHERE a.id = :id AND ${THEME_IN}`).get({ id, themes: JSON.stringify(themes) }) as AdRow | undefined;
    if (!row) return null;
    return {
      id: row.id, theme: row.theme, source: row.source, url: row.url,
      firstSeen: row.first_seen, lastSeen: row.last_seen, captureId: row.capture_id, version: row.version,
      meta: JSON.parse(row.meta) as CaptureMeta,
      fields: JSON.parse(row.fields) as AdFields,
      artefacts: this.#artefacts(row.capture_id),
      score: row.score,
      hits: JSON.parse(row.hits) as IndicatorHit[],
      sightings: row.sightings,
      goneAt: row.gone_at,
    };
  }

  async versions(id: string, themes: string[]): Promise<AdVersion[]> {
    const rows = this.#statements.sql(`
      SELECT c.id, c.version, c.captured_at, c.content_hash, c.fields FROM captures c JOIN ads a ON a.id = c.ad_id
      WHERE c.ad_id = :id AND ${THEME_IN} ORDER BY c.version`).all({ id, themes: JSON.stringify(themes) }) as unknown as
      { id: string; version: number; captured_at: string; content_hash: string; fields: string }[];
    return rows.map((r) => ({
      captureId: r.id, version: r.version, capturedAt: r.captured_at, contentHash: r.content_hash,
      fields: JSON.parse(r.fields) as AdFields,
    }));
  }

  async evidence(adIdFilter?: string): Promise<CaptureEvidence[]> {
    const rows = this.#statements.sql(`
      SELECT a.id AS ad_id, a.theme, a.source, a.url, a.first_seen, a.last_seen, a.latest_capture_id, a.gone_at,
        c.id, c.version, c.run_id, c.captured_at, c.content_hash, c.meta, c.fields, c.score, c.hits,
        c.manifest_sha256, c.signature, c.key_id, c.perceptual_hashes
      FROM captures c JOIN ads a ON a.id = c.ad_id
      WHERE :ad IS NULL OR a.id = :ad ORDER BY c.captured_at, c.id`).all({ ad: adIdFilter ?? null }) as unknown as EvidenceRow[];
    return rows.map((r) => ({
      ad: {
        id: r.ad_id, theme: r.theme, source: r.source, url: r.url, firstSeen: r.first_seen, lastSeen: r.last_seen,
        latestCaptureId: r.latest_capture_id, goneAt: r.gone_at,
      },
      captureId: r.id, version: r.version, runId: r.run_id, capturedAt: r.captured_at, contentHash: r.content_hash,
      meta: JSON.parse(r.meta) as CaptureMeta, fields: JSON.parse(r.fields) as AdFields,
      score: r.score, hits: JSON.parse(r.hits) as IndicatorHit[], perceptualHashes: JSON.parse(r.perceptual_hashes) as string[],
      artefacts: this.#artefacts(r.id),
      manifest: { sha256: r.manifest_sha256, signature: r.signature, keyId: r.key_id },
    }));
  }

  async sightings(id: string): Promise<{ runId: string; seenAt: string }[]> {
    const rows = this.#statements.sql('SELECT run_id, seen_at FROM sightings WHERE ad_id = ? ORDER BY seen_at, rowid').all(id) as unknown as
      { run_id: string; seen_at: string }[];
    return rows.map((r) => ({ runId: r.run_id, seenAt: r.seen_at }));
  }

  async newAds(runId: string): Promise<string[]> {
    return (this.#statements.sql('SELECT ad_id FROM captures WHERE run_id = ? AND version = 1 ORDER BY ad_id').all(runId) as unknown as { ad_id: string }[])
      .map((r) => r.ad_id);
  }

  #artefacts(captureId: string): Artefact[] {
    const rows = this.#statements.sql('SELECT kind, sha256, mime, bytes, url FROM capture_artefacts WHERE capture_id = ? ORDER BY n')
      .all(captureId) as unknown as ArtefactRow[];
    return rows.map(({ url, ...a }) => (url === null ? a : { ...a, url }));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.#search.search(query);
  }

  async adsWithImageHash(hash: string, maxDistance: number, themes: string[]): Promise<ImageHashMatch[]> {
    return adsWithImageHash(imageHashReads((text) => this.#statements.sql(text)), hash, maxDistance, themes);
  }

  async monitorRows(theme: string): Promise<MonitorAdRow[]> {
    const rows = this.#statements.sql(`
      SELECT a.id, a.source, a.first_seen, a.last_seen, c.fields FROM ads a JOIN captures c ON c.id = a.latest_capture_id
      WHERE a.theme = ? ORDER BY a.id`).all(theme) as unknown as { id: string; source: string; first_seen: string; last_seen: string; fields: string }[];
    return rows.map((r) => ({ id: r.id, source: r.source, firstSeen: r.first_seen, lastSeen: r.last_seen, fields: monitorFields(JSON.parse(r.fields) as AdFields) }));
  }

  async adsWithPhone(theme: string, phone: string): Promise<string[]> {
    return analysis.adsWithPhone((text) => this.#statements.sql(text), theme, phone);
  }

  async networkOf(adId: string, themes: string[]): Promise<Network | null> {
    return analysis.networkOf((text) => this.#statements.sql(text), adId, themes);
  }

  async replaceLinks(theme: string, links: readonly NetworkLink[]): Promise<void> {
    this.#statements.transaction(() => analysis.replaceLinks((text) => this.#statements.sql(text), theme, links));
  }

  async stagedFeatures(runId: string): Promise<{ url: string; features: AnalysisInput }[]> {
    return analysis.stagedFeatures((text) => this.#statements.sql(text), runId);
  }

  async takeStaged(runId: string, url: string): Promise<Uint8Array | null> {
    return this.#statements.transaction(() => analysis.takeStaged((text) => this.#statements.sql(text), runId, url));
  }

  async stagingRuns(): Promise<StagingRun[]> {
    return analysis.stagingRuns((text) => this.#statements.sql(text));
  }

  async keptFeatures(theme: string, since: string): Promise<AnalysisInput[]> {
    return analysis.keptFeatures((text) => this.#statements.sql(text), theme, normaliseUtc(since));
  }

  async holds(theme: string): Promise<LegalHold[]> {
    return retention.holds((text) => this.#statements.sql(text), theme);
  }

  async readLog(log: LogName, opts: { fromSeq?: number; limit?: number } = {}): Promise<LogEntry[]> {
    const rows = this.#statements.sql(`
      SELECT log, seq, at, prev_hash, hash, body FROM log_entries
      WHERE log = ? AND seq >= ? ORDER BY seq LIMIT ?`)
      .all(log, opts.fromSeq ?? 1, opts.limit ?? -1) as unknown as LogRow[];
    return rows.map((r) => ({ log: r.log, seq: r.seq, at: r.at, prevHash: r.prev_hash, hash: r.hash, body: JSON.parse(r.body) as LogBody }));
  }

  async referencedBlobs(): Promise<Set<string>> {
    const rows = this.#statements.sql('SELECT DISTINCT sha256 FROM capture_artefacts').all() as unknown as { sha256: string }[];
    return new Set(rows.map((r) => r.sha256));
  }

  async runs(theme: string): Promise<StoredRun[]> {
    const rows = this.#statements.sql('SELECT * FROM runs WHERE theme = ? ORDER BY started_at DESC, id').all(theme) as unknown as RunRow[];
    return rows.map((r) => ({
      id: r.id, theme: r.theme, source: r.source, startedAt: r.started_at, finishedAt: r.finished_at,
      softwareVersion: r.software_version, captured: r.captured, kept: r.kept, deleted: r.deleted, failed: r.failed,
      abandoned: Boolean(r.abandoned),
    }));
  }

  async countExtraction(runId: string, source: string, outcome: ExtractionOutcome): Promise<void> {
    health.countExtraction((text) => this.#statements.sql(text), runId, source, outcome);
  }

  async extractionYields(theme: string): Promise<SourceYield[]> {
    return health.extractionYields((text) => this.#statements.sql(text), theme);
  }

  async failureCounts(theme: string): Promise<FailureCount[]> {
    return health.failureCounts((text) => this.#statements.sql(text), theme);
  }

  async raiseAlert(alert: SourceAlert): Promise<void> {
    health.raiseAlert((text) => this.#statements.sql(text), alert);
  }

  async alerts(theme: string): Promise<SourceAlert[]> {
    return health.alerts((text) => this.#statements.sql(text), theme);
  }

  async close(): Promise<void> {
    if (!this.#db.isOpen) return;
    // Empties the WAL file, which would otherwise keep copies of pages deleted since the last checkpoint.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}
