// The embedded store: one SQLite file, <dataDir>/baken.db, searched through FTS5.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AdFields, Artefact, CaptureMeta } from '../../domain/ad.ts';
import { BakenError } from '../../domain/errors.ts';
import type { IndicatorHit } from '../../domain/indicator-hit.ts';
import { adId, cityKey, contentHashOf, imageHashes } from '../../domain/ad-keys.ts';
import { custody } from '../custody-entries.ts';
import type { AnalysisInput } from '../../domain/analysis-input.ts';
import type { Network, NetworkLink } from '../../domain/network.ts';
import type {
  AdVersion, CaptureEvidence, KeptAd, LegalHold, PurgeResult, RetentionCutoff, RunCounts, RunFailure, RunStart, SaveResult, SearchQuery, SearchResult, Sighting,
  StagedAd, StagingRun, Store, StoredAd,
} from '../store.ts';
import { assertFailure, assertFinish, assertKeptAd, assertRunStart, assertStagedAd, normaliseUtc } from '../validate.ts';
import { openDatabase } from './database.sqlite.ts';
import { SqliteSearch } from './search.sqlite.ts';
import * as analysis from './staging.sqlite.ts';
import * as retention from './retention.sqlite.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { entryHash, GENESIS_HASH, LOG_NAMES, type LogBody, type LogEntry, type LogHead, type LogName } from '../../domain/hash-chain.ts';

export async function openSqliteStore(dataDir: string): Promise<Store> {
  // 0700: the database holds police data; nobody else on the machine may read it.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteStore(openDatabase(join(dataDir, 'baken.db')));
}

interface LatestRow { rid: number; capture_id: string; version: number; content_hash: string }
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
  software_version: string; captured: number; kept: number; deleted: number; failed: number;
}

const THEME_IN = 'a.theme IN (SELECT value FROM json_each(:themes))';

class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #search: SqliteSearch;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#search = new SqliteSearch(db, (text) => this.#sql(text));
  }

  async startRun(run: RunStart): Promise<string> {
    assertRunStart(run);
    const id = randomUUID();
    this.#sql('INSERT INTO runs (id, theme, source, started_at, software_version) VALUES (?, ?, ?, ?, ?)')
      .run(id, run.theme, run.source, normaliseUtc(run.startedAt), run.softwareVersion);
    return id;
  }

  async finishRun(runId: string, counts: RunCounts, finishedAt: string): Promise<void> {
    assertFinish(counts, finishedAt);
    const at = normaliseUtc(finishedAt);
    this.#transaction(() => {
      const run = this.#sql('SELECT theme, source FROM runs WHERE id = ? AND finished_at IS NULL').get(runId) as
        { theme: string; source: string | null } | undefined;
      if (!run) throw new BakenError('STORE_REJECTED', `cannot finish run ${runId}: no such run, or it is already finished`);
      this.#sql('UPDATE runs SET finished_at = ?, captured = ?, kept = ?, deleted = ?, failed = ? WHERE id = ?')
        .run(at, counts.captured, counts.kept, counts.deleted, counts.failed, runId);
      this.#append('custody', custody.run(runId, run.theme, run.source, counts, at), at);
    });
  }

  async recordFailure(runId: string, failure: RunFailure): Promise<void> {
    assertFailure(failure);
    this.#transaction(() => {
      if (!this.#sql('SELECT 1 FROM runs WHERE id = ?').get(runId)) {
        throw new BakenError('STORE_REJECTED', `cannot record a failure for run ${runId}: no such run`);
      }
      this.#sql(`
        INSERT INTO run_failures (run_id, n, source, url, reason, attempts)
        VALUES (:runId, (SELECT count(*) FROM run_failures WHERE run_id = :runId), :source, :url, :reason, :attempts)`)
        .run({ runId, source: failure.source, url: failure.url, reason: failure.reason, attempts: failure.attempts });
      this.#append('custody', custody.captureFailed(runId, failure), new Date().toISOString());
    });
  }

  async failures(runId: string): Promise<RunFailure[]> {
    const rows = this.#sql('SELECT source, url, reason, attempts FROM run_failures WHERE run_id = ? ORDER BY n')
      .all(runId) as unknown as RunFailure[];
    return rows.map(({ source, url, reason, attempts }) => ({ source, url, reason, attempts }));
  }

  async saveAd(ad: KeptAd): Promise<SaveResult> {
    assertKeptAd(ad);
    const id = adId(ad.theme, ad.url);
    const contentHash = contentHashOf(ad.fields, imageHashes(ad.artefacts));
    const seenAt = normaliseUtc(ad.meta.capturedAt);
    return this.#transaction(() => {
      this.#assertRunOfTheme(ad.runId, ad.theme);
      const latest = this.#latest(id);
      if (latest && latest.content_hash === contentHash) return this.#sight(id, latest, ad.runId, seenAt);
      let rid: number;
      if (latest) {
        rid = latest.rid;
        this.#touchAd(id, seenAt, ad.captureId);
      } else {
        rid = Number(this.#sql(`
          INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id)
          VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, ad.theme, ad.source, ad.url, seenAt, seenAt, ad.captureId).lastInsertRowid);
      }
      const version = (latest?.version ?? 0) + 1;
      this.#insertCapture(ad, id, version, contentHash, seenAt);
      this.#addSighting(id, ad.runId, seenAt);
      this.#sql('DELETE FROM ads_fts WHERE rowid = ?').run(rid);
      this.#sql('INSERT INTO ads_fts (rowid, title, text, alias, city) VALUES (?, ?, ?, ?, ?)')
        .run(rid, ad.fields.title ?? null, ad.fields.text ?? null, ad.fields.alias ?? null, ad.fields.city ?? null);
      // Custody: the entry commits with the capture, or neither does.
      this.#append('custody', custody.capture({ ad: id, capture: ad.captureId, version, run: ad.runId, manifest: ad.manifest.sha256, seenAt }), seenAt);
      return { adId: id, captureId: ad.captureId, outcome: latest ? 'changed' : 'new' };
    });
  }

  async sightIfUnchanged(sighting: Sighting): Promise<SaveResult | null> {
    const id = adId(sighting.theme, sighting.url);
    const seenAt = normaliseUtc(sighting.seenAt);
    return this.#transaction(() => {
      this.#assertRunOfTheme(sighting.runId, sighting.theme);
      const latest = this.#latest(id);
      return latest && latest.content_hash === sighting.contentHash ? this.#sight(id, latest, sighting.runId, seenAt) : null;
    });
  }

  async markGone(runId: string, theme: string, source: string, listedUrls: readonly string[], at: string): Promise<string[]> {
    const goneAt = normaliseUtc(at);
    return this.#transaction(() => {
      const listed = new Set(listedUrls);
      const rows = this.#sql('SELECT id, url FROM ads WHERE theme = ? AND source = ? AND gone_at IS NULL')
        .all(theme, source) as unknown as { id: string; url: string }[];
      const gone = rows.filter((r) => !listed.has(r.url)).map((r) => r.id).sort();
      if (gone.length === 0) return gone;
      const mark = this.#sql('UPDATE ads SET gone_at = ? WHERE id = ?');
      for (const id of gone) mark.run(goneAt, id);
      this.#append('custody', custody.gone(runId, theme, source, gone, goneAt), goneAt);
      return gone;
    });
  }

  #latest(id: string): LatestRow | undefined {
    return this.#sql(`
      SELECT a.rid, c.id AS capture_id, c.version, c.content_hash
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE a.id = ?`).get(id) as LatestRow | undefined;
  }

  #sight(id: string, latest: LatestRow, runId: string, seenAt: string): SaveResult {
    this.#touchAd(id, seenAt, latest.capture_id);
    this.#addSighting(id, runId, seenAt);
    this.#append('custody', custody.sighting(id, latest.capture_id, runId, seenAt), seenAt);
    return { adId: id, captureId: latest.capture_id, outcome: 'unchanged' };
  }

  async getAd(id: string, themes: string[]): Promise<StoredAd | null> {
    const row = this.#sql(`
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
    const rows = this.#sql(`
      SELECT c.id, c.version, c.captured_at, c.content_hash, c.fields FROM captures c JOIN ads a ON a.id = c.ad_id
      WHERE c.ad_id = :id AND ${THEME_IN} ORDER BY c.version`).all({ id, themes: JSON.stringify(themes) }) as unknown as
      { id: string; version: number; captured_at: string; content_hash: string; fields: string }[];
    return rows.map((r) => ({
      captureId: r.id, version: r.version, capturedAt: r.captured_at, contentHash: r.content_hash,
      fields: JSON.parse(r.fields) as AdFields,
    }));
  }

  async evidence(adIdFilter?: string): Promise<CaptureEvidence[]> {
    const rows = this.#sql(`
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
    const rows = this.#sql('SELECT run_id, seen_at FROM sightings WHERE ad_id = ? ORDER BY seen_at, rowid').all(id) as unknown as
      { run_id: string; seen_at: string }[];
    return rows.map((r) => ({ runId: r.run_id, seenAt: r.seen_at }));
  }

  #artefacts(captureId: string): Artefact[] {
    const rows = this.#sql('SELECT kind, sha256, mime, bytes, url FROM capture_artefacts WHERE capture_id = ? ORDER BY n')
      .all(captureId) as unknown as ArtefactRow[];
    return rows.map(({ url, ...a }) => (url === null ? a : { ...a, url }));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.#search.search(query);
  }

  async networkOf(adId: string, themes: string[]): Promise<Network | null> {
    return analysis.networkOf((text) => this.#sql(text), adId, themes);
  }

  async replaceLinks(theme: string, links: readonly NetworkLink[]): Promise<void> {
    this.#transaction(() => analysis.replaceLinks((text) => this.#sql(text), theme, links));
  }

  async stage(ad: StagedAd): Promise<void> {
    assertStagedAd(ad);
    this.#transaction(() => {
      this.#assertRunOfTheme(ad.runId, ad.theme);
      analysis.stage((text) => this.#sql(text), ad, normaliseUtc(ad.stagedAt), normaliseUtc(ad.expiresAt));
    });
  }

  async stagedFeatures(runId: string): Promise<{ url: string; features: AnalysisInput }[]> {
    return analysis.stagedFeatures((text) => this.#sql(text), runId);
  }

  async takeStaged(runId: string, url: string): Promise<Uint8Array | null> {
    return this.#transaction(() => analysis.takeStaged((text) => this.#sql(text), runId, url));
  }

  async purgeStaging(runId: string, reason: 'run-ended' | 'abandoned' | 'expired', at: string): Promise<number> {
    const when = normaliseUtc(at);
    return this.#transaction(() => {
      const { theme, count } = analysis.purgeStaging((text) => this.#sql(text), runId);
      // Counts only: what was staged and is now gone was never kept (Directive 2016/680 art. 25).
      if (count > 0) this.#append('custody', custody.stagingPurged(runId, theme, count, reason), when);
      return count;
    });
  }

  async stagingRuns(): Promise<StagingRun[]> {
    return analysis.stagingRuns((text) => this.#sql(text));
  }

  async keptFeatures(theme: string, since: string): Promise<AnalysisInput[]> {
    return analysis.keptFeatures((text) => this.#sql(text), theme, normaliseUtc(since));
  }

  async placeHold(adId: string, theme: string, caseNumber: string, by: string, at: string): Promise<LegalHold> {
    const hold = { adId, theme, caseNumber: required(caseNumber, 'case number'), by: required(by, 'who places the hold'), at: normaliseUtc(at) };
    return this.#transaction(() => {
      retention.placeHold((text) => this.#sql(text), hold);
      // Wpg arts. 8, 9: a hold keeps an ad past its retention, so who linked it to which case is evidence too.
      this.#append('custody', custody.hold(adId, theme, hold.caseNumber, hold.by), hold.at);
      return hold;
    });
  }

  async releaseHold(adId: string, theme: string, by: string, at: string): Promise<LegalHold> {
    const who = required(by, 'who releases the hold');
    const when = normaliseUtc(at);
    return this.#transaction(() => {
      const hold = retention.releaseHold((text) => this.#sql(text), adId, theme);
      this.#append('custody', custody.holdReleased(adId, theme, hold.caseNumber, who), when);
      return hold;
    });
  }

  async holds(theme: string): Promise<LegalHold[]> {
    return retention.holds((text) => this.#sql(text), theme);
  }

  async purgeExpired(theme: string, cutoff: RetentionCutoff, at: string): Promise<PurgeResult> {
    const when = normaliseUtc(at);
    const bounds: RetentionCutoff = { lastSeenBefore: normaliseUtc(cutoff.lastSeenBefore) };
    if (cutoff.firstSeenBefore !== undefined) bounds.firstSeenBefore = normaliseUtc(cutoff.firstSeenBefore);
    return this.#transaction(() => {
      const purged = retention.purgeExpired((text) => this.#sql(text), theme, bounds);
      // Ids only, never content (Directive 2016/680 art. 25): enough for verify to know these were erased, not lost.
      if (purged.ads.length > 0) {
        this.#append('custody', custody.purge(theme, purged.ads, purged.captures, when), when);
      }
      return { ads: purged.ads.length, captures: purged.captures.length, blobs: purged.blobs, held: purged.held };
    });
  }

  async appendLog(log: LogName, body: LogBody, at = new Date().toISOString()): Promise<LogEntry> {
    return this.#transaction(() => this.#append(log, body, at));
  }

  async readLog(log: LogName, opts: { fromSeq?: number; limit?: number } = {}): Promise<LogEntry[]> {
    const rows = this.#sql(`
      SELECT log, seq, at, prev_hash, hash, body FROM log_entries
      WHERE log = ? AND seq >= ? ORDER BY seq LIMIT ?`)
      .all(log, opts.fromSeq ?? 1, opts.limit ?? -1) as unknown as LogRow[];
    return rows.map((r) => ({ log: r.log, seq: r.seq, at: r.at, prevHash: r.prev_hash, hash: r.hash, body: JSON.parse(r.body) as LogBody }));
  }

  async withLogHeads<T>(work: (heads: LogHead[]) => T): Promise<T> {
    // BEGIN IMMEDIATE holds the database's write lock: no append and no other process's checkpoint in between.
    return this.#transaction(() => work(LOG_NAMES.flatMap((log) => {
      const head = this.#sql('SELECT seq, hash, at FROM log_entries WHERE log = ? ORDER BY seq DESC LIMIT 1').get(log) as
        { seq: number; hash: string; at: string } | undefined;
      return head ? [{ log, ...head }] : [];
    })));
  }

  /** Inside a transaction, so a log entry commits or rolls back with what it records. */
  #append(log: LogName, body: LogBody, at: string): LogEntry {
    const last = this.#sql('SELECT seq, hash FROM log_entries WHERE log = ? ORDER BY seq DESC LIMIT 1').get(log) as
      { seq: number; hash: string } | undefined;
    const entry = { log, seq: (last?.seq ?? 0) + 1, at: normaliseUtc(at), prevHash: last?.hash ?? GENESIS_HASH, body };
    const hash = entryHash(entry);
    this.#sql('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?)')
      .run(log, entry.seq, entry.at, entry.prevHash, hash, canonicalJson(body));
    return { ...entry, hash };
  }

  async referencedBlobs(): Promise<Set<string>> {
    const rows = this.#sql('SELECT DISTINCT sha256 FROM capture_artefacts').all() as unknown as { sha256: string }[];
    return new Set(rows.map((r) => r.sha256));
  }

  async runs(theme: string): Promise<(RunStart & RunCounts & { id: string; finishedAt: string | null })[]> {
    const rows = this.#sql('SELECT * FROM runs WHERE theme = ? ORDER BY started_at DESC, id').all(theme) as unknown as RunRow[];
    return rows.map((r) => ({
      id: r.id, theme: r.theme, source: r.source, startedAt: r.started_at, finishedAt: r.finished_at,
      softwareVersion: r.software_version, captured: r.captured, kept: r.kept, deleted: r.deleted, failed: r.failed,
    }));
  }

  async close(): Promise<void> {
    if (!this.#db.isOpen) return;
    // Empties the WAL file, which would otherwise keep copies of pages deleted since the last checkpoint.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }

  #sql(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw err;
    }
  }

  #assertRunOfTheme(runId: string, theme: string): void {
    const run = this.#sql('SELECT theme FROM runs WHERE id = ?').get(runId) as { theme: string } | undefined;
    if (!run) throw new BakenError('STORE_REJECTED', `refused to store an ad: run ${runId} is unknown (start the run first)`);
    if (run.theme !== theme) {
      throw new BakenError('STORE_REJECTED', `refused to store an ad of theme ${JSON.stringify(theme)} under run ${runId} of theme ${JSON.stringify(run.theme)}`);
    }
  }

  /** A sighting also brings an ad that was marked gone back. */
  #touchAd(id: string, seenAt: string, latestCaptureId: string): void {
    this.#sql(`
      UPDATE ads SET latest_capture_id = ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?), gone_at = NULL
      WHERE id = ?`)
      .run(latestCaptureId, seenAt, seenAt, id);
  }

  #addSighting(id: string, runId: string, seenAt: string): void {
    this.#sql('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES (?, ?, ?)').run(id, runId, seenAt);
  }

  #insertCapture(ad: KeptAd, id: string, version: number, contentHash: string, capturedAt: string): void {
    this.#sql(`
      INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits,
        manifest_sha256, signature, key_id, perceptual_hashes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ad.captureId, id, ad.runId, capturedAt, version, contentHash,
      JSON.stringify(ad.meta), JSON.stringify(ad.fields), cityKey(ad.fields.city), ad.score, JSON.stringify(ad.hits),
      ad.manifest.sha256, ad.manifest.signature, ad.manifest.keyId, JSON.stringify(ad.perceptualHashes),
    );
    const insert = this.#sql('INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ad.artefacts.forEach((a, n) => insert.run(ad.captureId, n, a.kind, a.sha256, a.mime, a.bytes, a.url ?? null));
  }
}

function required(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new BakenError('INPUT_INVALID', `a legal hold needs ${what}`);
  return value.trim();
}
