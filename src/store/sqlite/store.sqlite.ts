// The embedded store: one SQLite file, <dataDir>/baken.db, searched through FTS5.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { AdFields, Artefact, CaptureMeta } from '../../domain/ad.ts';
import { BakenError } from '../../domain/errors.ts';
import type { IndicatorHit } from '../../domain/indicator-hit.ts';
import { adId, cityKey, contentHashOf } from '../ad-keys.ts';
import { pageOf, wordTokens } from '../search-terms.ts';
import type {
  KeptAd, RunCounts, RunFailure, RunStart, SaveResult, SearchHit, SearchQuery, Store, StoredAd,
} from '../store.ts';
import { assertFailure, assertFinish, assertKeptAd, assertRunStart, normaliseUtc } from '../validate.ts';
import { openDatabase } from './database.sqlite.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { entryHash, GENESIS_HASH, type LogBody, type LogEntry, type LogName } from '../../domain/hash-chain.ts';

export async function openSqliteStore(dataDir: string): Promise<Store> {
  // 0700: the database holds police data; nobody else on the machine may read it.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new SqliteStore(openDatabase(join(dataDir, 'baken.db')));
}

interface LatestRow { rid: number; capture_id: string; version: number; content_hash: string }
interface AdRow {
  id: string; theme: string; source: string; url: string; first_seen: string; last_seen: string;
  capture_id: string; version: number; meta: string; fields: string; score: number; hits: string; sightings: number;
}
interface ArtefactRow { kind: Artefact['kind']; sha256: string; mime: string; bytes: number; url: string | null }
interface HitRow { id: string; theme: string; source: string; url: string; title: string | null; city: string | null; score: number; last_seen: string }
interface LogRow { log: LogName; seq: number; at: string; prev_hash: string; hash: string; body: string }
interface RunRow {
  id: string; theme: string; source: string | null; started_at: string; finished_at: string | null;
  software_version: string; captured: number; kept: number; deleted: number; failed: number;
}

const THEME_IN = 'a.theme IN (SELECT value FROM json_each(:themes))';

class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
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
    const { changes } = this.#sql(`
      UPDATE runs SET finished_at = ?, captured = ?, kept = ?, deleted = ?, failed = ?
      WHERE id = ? AND finished_at IS NULL`)
      .run(normaliseUtc(finishedAt), counts.captured, counts.kept, counts.deleted, counts.failed, runId);
    if (changes === 0) throw new BakenError('STORE_REJECTED', `cannot finish run ${runId}: no such run, or it is already finished`);
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
    const contentHash = contentHashOf(ad.fields, ad.artefacts);
    const seenAt = normaliseUtc(ad.meta.capturedAt);
    return this.#transaction(() => {
      this.#assertRunOfTheme(ad.runId, ad.theme);
      const latest = this.#sql(`
        SELECT a.rid, c.id AS capture_id, c.version, c.content_hash
        FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE a.id = ?`).get(id) as LatestRow | undefined;
      if (latest && latest.content_hash === contentHash) {
        this.#touchAd(id, seenAt, latest.capture_id);
        this.#addSighting(id, ad.runId, seenAt);
        return { adId: id, captureId: latest.capture_id, outcome: 'unchanged' };
      }
      const captureId = randomUUID();
      let rid: number;
      if (latest) {
        rid = latest.rid;
        this.#touchAd(id, seenAt, captureId);
      } else {
        rid = Number(this.#sql(`
          INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id)
          VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, ad.theme, ad.source, ad.url, seenAt, seenAt, captureId).lastInsertRowid);
      }
      this.#insertCapture(ad, id, captureId, (latest?.version ?? 0) + 1, contentHash, seenAt);
      this.#addSighting(id, ad.runId, seenAt);
      this.#sql('DELETE FROM ads_fts WHERE rowid = ?').run(rid);
      this.#sql('INSERT INTO ads_fts (rowid, title, text, alias, city) VALUES (?, ?, ?, ?, ?)')
        .run(rid, ad.fields.title ?? null, ad.fields.text ?? null, ad.fields.alias ?? null, ad.fields.city ?? null);
      return { adId: id, captureId, outcome: latest ? 'changed' : 'new' };
    });
  }

  async getAd(id: string, themes: string[]): Promise<StoredAd | null> {
    const row = this.#sql(`
      SELECT a.id, a.theme, a.source, a.url, a.first_seen, a.last_seen, c.id AS capture_id, c.version,
        c.meta, c.fields, c.score, c.hits, (SELECT count(*) FROM sightings s WHERE s.ad_id = a.id) AS sightings
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id
      WHERE a.id = :id AND ${THEME_IN}`).get({ id, themes: JSON.stringify(themes) }) as AdRow | undefined;
    if (!row) return null;
    const artefacts = this.#sql('SELECT kind, sha256, mime, bytes, url FROM capture_artefacts WHERE capture_id = ? ORDER BY n')
      .all(row.capture_id) as unknown as ArtefactRow[];
    return {
      id: row.id, theme: row.theme, source: row.source, url: row.url,
      firstSeen: row.first_seen, lastSeen: row.last_seen, captureId: row.capture_id, version: row.version,
      meta: JSON.parse(row.meta) as CaptureMeta,
      fields: JSON.parse(row.fields) as AdFields,
      artefacts: artefacts.map(({ url, ...a }) => (url === null ? a : { ...a, url })),
      score: row.score,
      hits: JSON.parse(row.hits) as IndicatorHit[],
      sightings: row.sightings,
    };
  }

  async search(query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }> {
    const tokens = wordTokens(query.text);
    if (query.themes.length === 0 || tokens?.length === 0) return { total: 0, hits: [] };
    // Fixed SQL fragments only; every value the caller gave is a bound parameter.
    const where = [THEME_IN];
    const params: Record<string, SQLInputValue> = { themes: JSON.stringify(query.themes) };
    if (tokens) {
      where.push('a.rid IN (SELECT rowid FROM ads_fts WHERE ads_fts MATCH :match)');
      params['match'] = tokens.map((t) => `"${t}"`).join(' AND ');
    }
    if (query.source !== undefined) { where.push('a.source = :source'); params['source'] = query.source; }
    if (query.city !== undefined) { where.push('c.city_key = :city'); params['city'] = cityKey(query.city); }
    if (query.minScore !== undefined) { where.push('c.score >= :minScore'); params['minScore'] = query.minScore; }
    const from = `FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE ${where.join(' AND ')}`;
    const total = Number(this.#sql(`SELECT count(*) AS n ${from}`).get(params)?.['n'] ?? 0);
    const { limit, offset } = pageOf(query);
    const rows = this.#sql(`
      SELECT a.id, a.theme, a.source, a.url, json_extract(c.fields, '$.title') AS title,
        json_extract(c.fields, '$.city') AS city, c.score, a.last_seen
      ${from} ORDER BY c.score DESC, a.last_seen DESC, a.id LIMIT :limit OFFSET :offset`)
      .all({ ...params, limit, offset }) as unknown as HitRow[];
    return {
      total,
      hits: rows.map((r) => ({
        id: r.id, theme: r.theme, source: r.source, url: r.url, title: r.title, city: r.city, score: r.score, lastSeen: r.last_seen,
      })),
    };
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

  #touchAd(id: string, seenAt: string, latestCaptureId: string): void {
    this.#sql(`
      UPDATE ads SET latest_capture_id = ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?) WHERE id = ?`)
      .run(latestCaptureId, seenAt, seenAt, id);
  }

  #addSighting(id: string, runId: string, seenAt: string): void {
    this.#sql('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES (?, ?, ?)').run(id, runId, seenAt);
  }

  #insertCapture(ad: KeptAd, id: string, captureId: string, version: number, contentHash: string, capturedAt: string): void {
    this.#sql(`
      INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      captureId, id, ad.runId, capturedAt, version, contentHash,
      JSON.stringify(ad.meta), JSON.stringify(ad.fields), cityKey(ad.fields.city), ad.score, JSON.stringify(ad.hits),
    );
    const insert = this.#sql('INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ad.artefacts.forEach((a, n) => insert.run(captureId, n, a.kind, a.sha256, a.mime, a.bytes, a.url ?? null));
  }
}
