// The store on PostgreSQL, for many processes on many machines sharing one database. Behaves as the
// SQLite store (store.sqlite.ts) does: the writes that leave a log entry are the same algorithms
// (../store-writes.ts), run over this adapter's transaction seam (transaction.postgres.ts), whose row and
// advisory locks give concurrent writers the result one after another would.
import { randomUUID } from 'node:crypto';
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
import { imageHashReads } from './image-hashes.postgres.ts';
import { StoreWrites } from '../store-writes.ts';
import { runAsync, type Steps, type Tx } from '../transaction-seam.ts';
import { assertRunStart, normaliseUtc } from '../validate.ts';
import { openPostgres, transaction, type Pool, type Queryable } from './database.postgres.ts';
import { PostgresSearch } from './search.postgres.ts';
import * as analysis from './staging.postgres.ts';
import * as retention from './retention.postgres.ts';
import * as health from './health.postgres.ts';
import { PostgresTx } from './transaction.postgres.ts';

export async function openPostgresStore(url: string): Promise<Store> {
  return new PostgresStore(await openPostgres(url));
}

interface AdRow {
  id: string; theme: string; source: string; url: string; first_seen: string; last_seen: string;
  capture_id: string; version: number; meta: CaptureMeta; fields: AdFields; score: number; hits: IndicatorHit[]; sightings: number;
  gone_at: string | null;
}
interface EvidenceRow {
  ad_id: string; theme: string; source: string; url: string; first_seen: string; last_seen: string;
  latest_capture_id: string; gone_at: string | null; id: string; version: number; run_id: string; captured_at: string;
  content_hash: string; meta: CaptureMeta; fields: AdFields; score: number; hits: IndicatorHit[];
  manifest_sha256: string; signature: string; key_id: string; perceptual_hashes: string[];
}
interface ArtefactRow { capture_id: string; kind: Artefact['kind']; sha256: string; mime: string; bytes: number; url: string | null }
interface LogRow { log: LogName; seq: number; at: string; prev_hash: string; hash: string; body: LogBody }
interface RunRow {
  id: string; theme: string; source: string | null; started_at: string; finished_at: string | null;
  software_version: string; captured: number; kept: number; deleted: number; failed: number; abandoned: boolean;
}

class PostgresStore extends StoreWrites implements Store {
  readonly #pool: Pool;
  readonly #search: PostgresSearch;

  constructor(pool: Pool) {
    super();
    this.#pool = pool;
    this.#search = new PostgresSearch(pool);
  }

  /** Runs the algorithm on one client of the pool, in one transaction. */
  protected override async transact<T>(algorithm: (tx: Tx) => Steps<T>): Promise<T> {
    return transaction(this.#pool, (client) => runAsync(algorithm(new PostgresTx(client))));
  }

  async startRun(run: RunStart): Promise<string> {
    assertRunStart(run);
    const id = randomUUID();
    await this.#pool.query('INSERT INTO runs (id, theme, source, started_at, software_version) VALUES ($1, $2, $3, $4, $5)',
      [id, run.theme, run.source, normaliseUtc(run.startedAt), run.softwareVersion]);
    return id;
  }

  async failures(runId: string): Promise<RunFailure[]> {
    const { rows } = await this.#pool.query<RunFailure>('SELECT source, url, reason, attempts FROM run_failures WHERE run_id = $1 ORDER BY n', [runId]);
    return rows.map(({ source, url, reason, attempts }) => ({ source, url, reason, attempts }));
  }

  async getAd(id: string, themes: string[]): Promise<StoredAd | null> {
    const row = (await this.#pool.query<AdRow>(`
      SELECT a.id, a.theme, a.source, a.url, a.first_seen, a.last_seen, c.id AS capture_id, c.version,
        c.meta, c.fields, c.score, c.hits, a.gone_at, (SELECT count(*) FROM sightings s WHERE s.ad_id = a.id) AS sightings
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id
      WHERE a.id = $1 AND a.theme = ANY($2::text[])`, [id, themes])).rows[0];
    if (!row) return null;
    return {
      id: row.id, theme: row.theme, source: row.source, url: row.url,
      firstSeen: row.first_seen, lastSeen: row.last_seen, captureId: row.capture_id, version: row.version,
      meta: row.meta, fields: row.fields,
      artefacts: (await artefactsOf(this.#pool, [row.capture_id])).get(row.capture_id) ?? [],
      score: row.score, hits: row.hits, sightings: row.sightings, goneAt: row.gone_at,
    };
  }

  async versions(id: string, themes: string[]): Promise<AdVersion[]> {
    const { rows } = await this.#pool.query<{ id: string; version: number; captured_at: string; content_hash: string; fields: AdFields }>(`
      SELECT c.id, c.version, c.captured_at, c.content_hash, c.fields FROM captures c JOIN ads a ON a.id = c.ad_id
      WHERE c.ad_id = $1 AND a.theme = ANY($2::text[]) ORDER BY c.version`, [id, themes]);
    return rows.map((r) => ({ captureId: r.id, version: r.version, capturedAt: r.captured_at, contentHash: r.content_hash, fields: r.fields }));
  }

  async evidence(adIdFilter?: string): Promise<CaptureEvidence[]> {
    const { rows } = await this.#pool.query<EvidenceRow>(`
      SELECT a.id AS ad_id, a.theme, a.source, a.url, a.first_seen, a.last_seen, a.latest_capture_id, a.gone_at,
        c.id, c.version, c.run_id, c.captured_at, c.content_hash, c.meta, c.fields, c.score, c.hits,
        c.manifest_sha256, c.signature, c.key_id, c.perceptual_hashes
      FROM captures c JOIN ads a ON a.id = c.ad_id
      WHERE $1::text IS NULL OR a.id = $1 ORDER BY c.captured_at, c.id`, [adIdFilter ?? null]);
    const artefacts = await artefactsOf(this.#pool, rows.map((r) => r.id));
    return rows.map((r) => ({
      ad: {
        id: r.ad_id, theme: r.theme, source: r.source, url: r.url, firstSeen: r.first_seen, lastSeen: r.last_seen,
        latestCaptureId: r.latest_capture_id, goneAt: r.gone_at,
      },
      captureId: r.id, version: r.version, runId: r.run_id, capturedAt: r.captured_at, contentHash: r.content_hash,
      meta: r.meta, fields: r.fields, score: r.score, hits: r.hits, perceptualHashes: r.perceptual_hashes,
      artefacts: artefacts.get(r.id) ?? [],
      manifest: { sha256: r.manifest_sha256, signature: r.signature, keyId: r.key_id },
    }));
  }

  async sightings(id: string): Promise<{ runId: string; seenAt: string }[]> {
    const { rows } = await this.#pool.query<{ run_id: string; seen_at: string }>(
      'SELECT run_id, seen_at FROM sightings WHERE ad_id = $1 ORDER BY seen_at, seq', [id]);
    return rows.map((r) => ({ runId: r.run_id, seenAt: r.seen_at }));
  }

  async newAds(runId: string): Promise<string[]> {
    const { rows } = await this.#pool.query<{ ad_id: string }>('SELECT ad_id FROM captures WHERE run_id = $1 AND version = 1 ORDER BY ad_id', [runId]);
    return rows.map((r) => r.ad_id);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.#search.search(query);
  }

  async adsWithImageHash(hash: string, maxDistance: number, themes: string[]): Promise<ImageHashMatch[]> {
    return adsWithImageHash(imageHashReads(this.#pool), hash, maxDistance, themes);
  }

  async monitorRows(theme: string): Promise<MonitorAdRow[]> {
    const { rows } = await this.#pool.query<{ id: string; source: string; first_seen: string; last_seen: string; fields: AdFields }>(`
      SELECT a.id, a.source, a.first_seen, a.last_seen, c.fields FROM ads a JOIN captures c ON c.id = a.latest_capture_id
      WHERE a.theme = $1 ORDER BY a.id`, [theme]);
    return rows.map((r) => ({ id: r.id, source: r.source, firstSeen: r.first_seen, lastSeen: r.last_seen, fields: monitorFields(r.fields) }));
  }

  async adsWithPhone(theme: string, phone: string): Promise<string[]> {
    return analysis.adsWithPhone(this.#pool, theme, phone);
  }

  async networkOf(adId: string, themes: string[]): Promise<Network | null> {
    return analysis.networkOf(this.#pool, adId, themes);
  }

  async replaceLinks(theme: string, links: readonly NetworkLink[]): Promise<void> {
    await transaction(this.#pool, (db) => analysis.replaceLinks(db, theme, links));
  }

  async stagedFeatures(runId: string): Promise<{ url: string; features: AnalysisInput }[]> {
    return analysis.stagedFeatures(this.#pool, runId);
  }

  async takeStaged(runId: string, url: string): Promise<Uint8Array | null> {
    return analysis.takeStaged(this.#pool, runId, url);
  }

  async stagingRuns(): Promise<StagingRun[]> {
    return analysis.stagingRuns(this.#pool);
  }

  async keptFeatures(theme: string, since: string): Promise<AnalysisInput[]> {
    return analysis.keptFeatures(this.#pool, theme, normaliseUtc(since));
  }

  async holds(theme: string): Promise<LegalHold[]> {
    return retention.holds(this.#pool, theme);
  }

  async readLog(log: LogName, opts: { fromSeq?: number; limit?: number } = {}): Promise<LogEntry[]> {
    // LIMIT NULL is no limit, as a negative limit is in SQLite.
    const limit = opts.limit === undefined || opts.limit < 0 ? null : opts.limit;
    const { rows } = await this.#pool.query<LogRow>(`
      SELECT log, seq, at, prev_hash, hash, body FROM log_entries
      WHERE log = $1 AND seq >= $2 ORDER BY seq LIMIT $3`, [log, opts.fromSeq ?? 1, limit]);
    return rows.map((r) => ({ log: r.log, seq: r.seq, at: r.at, prevHash: r.prev_hash, hash: r.hash, body: r.body }));
  }

  async referencedBlobs(): Promise<Set<string>> {
    const { rows } = await this.#pool.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM capture_artefacts');
    return new Set(rows.map((r) => r.sha256));
  }

  async runs(theme: string): Promise<StoredRun[]> {
    const { rows } = await this.#pool.query<RunRow>('SELECT * FROM runs WHERE theme = $1 ORDER BY started_at DESC, id', [theme]);
    return rows.map((r) => ({
      id: r.id, theme: r.theme, source: r.source, startedAt: r.started_at, finishedAt: r.finished_at,
      softwareVersion: r.software_version, captured: r.captured, kept: r.kept, deleted: r.deleted, failed: r.failed,
      abandoned: Boolean(r.abandoned),
    }));
  }

  async countExtraction(runId: string, source: string, outcome: ExtractionOutcome): Promise<void> {
    await health.countExtraction(this.#pool, runId, source, outcome);
  }

  async extractionYields(theme: string): Promise<SourceYield[]> {
    return health.extractionYields(this.#pool, theme);
  }

  async failureCounts(theme: string): Promise<FailureCount[]> {
    return health.failureCounts(this.#pool, theme);
  }

  async raiseAlert(alert: SourceAlert): Promise<void> {
    await health.raiseAlert(this.#pool, alert);
  }

  async alerts(theme: string): Promise<SourceAlert[]> {
    return health.alerts(this.#pool, theme);
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/** The artefacts of each capture, in their stored order, read in one query. */
async function artefactsOf(db: Queryable, captureIds: string[]): Promise<Map<string, Artefact[]>> {
  const byCapture = new Map<string, Artefact[]>();
  if (captureIds.length === 0) return byCapture;
  const { rows } = await db.query<ArtefactRow>(
    'SELECT capture_id, kind, sha256, mime, bytes, url FROM capture_artefacts WHERE capture_id = ANY($1) ORDER BY capture_id, n', [captureIds]);
  for (const { capture_id: captureId, url, ...artefact } of rows) {
    const list = byCapture.get(captureId) ?? [];
    list.push(url === null ? artefact : { ...artefact, url });
    byCapture.set(captureId, list);
  }
  return byCapture;
}
