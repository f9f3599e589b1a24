// The transaction seam on SQLite: every answer at once, inside the synchronous BEGIN IMMEDIATE …
// COMMIT of `transact`. That transaction holds the database's write lock, so the locks PostgreSQL
// needs are no-ops here and every read sees what it would see alone.
import type { StatementSync } from 'node:sqlite';
import { cityKey } from '../../domain/ad-keys.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import type { LogEntry, LogName } from '../../domain/hash-chain.ts';
import type { KeptAd, LegalHold, RetentionCutoff, RunCounts, RunFailure, StagedAd } from '../store.ts';
import type { LatestCapture, OpenRun, Purged, Tx } from '../transaction-seam.ts';
import * as retention from './retention.sqlite.ts';
import * as staging from './staging.sqlite.ts';

type Sql = (text: string) => StatementSync;
interface HoldRow { ad_id: string; theme: string; case_number: string; held_by: string; held_at: string }

export class SqliteTx implements Tx<'sync'> {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  runTheme(runId: string): string | undefined {
    return (this.#sql('SELECT theme FROM runs WHERE id = ?').get(runId) as { theme: string } | undefined)?.theme;
  }

  lockRun(runId: string): OpenRun | undefined {
    const run = this.#sql('SELECT theme, source, finished_at FROM runs WHERE id = ?').get(runId) as
      { theme: string; source: string | null; finished_at: string | null } | undefined;
    return run && { theme: run.theme, source: run.source, finished: run.finished_at !== null };
  }

  finishRun(runId: string, counts: RunCounts, at: string, abandoned: boolean): void {
    this.#sql('UPDATE runs SET finished_at = ?, captured = ?, kept = ?, deleted = ?, failed = ?, abandoned = ? WHERE id = ?')
      .run(at, counts.captured, counts.kept, counts.deleted, counts.failed, abandoned ? 1 : 0, runId);
  }

  insertFailure(runId: string, failure: RunFailure): void {
    this.#sql(`
      INSERT INTO run_failures (run_id, n, source, url, reason, attempts)
      VALUES (:runId, (SELECT count(*) FROM run_failures WHERE run_id = :runId), :source, :url, :reason, :attempts)`)
      .run({ runId, source: failure.source, url: failure.url, reason: failure.reason, attempts: failure.attempts });
  }

  lockLatest(adId: string): LatestCapture | undefined {
    const row = this.#sql(`
      SELECT c.id AS capture_id, c.version, c.content_hash
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE a.id = ?`).get(adId) as
      { capture_id: string; version: number; content_hash: string } | undefined;
    return row && { captureId: row.capture_id, version: row.version, contentHash: row.content_hash };
  }

  insertAd(ad: KeptAd, adId: string, seenAt: string): void {
    this.#sql(`
      INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(adId, ad.theme, ad.source, ad.url, seenAt, seenAt, ad.captureId);
  }

  touchAd(adId: string, seenAt: string, latestCaptureId: string): void {
    this.#sql(`
      UPDATE ads SET latest_capture_id = ?, first_seen = min(first_seen, ?), last_seen = max(last_seen, ?), gone_at = NULL
      WHERE id = ?`)
      .run(latestCaptureId, seenAt, seenAt, adId);
  }

  insertCapture(ad: KeptAd, adId: string, version: number, contentHash: string, capturedAt: string): void {
    this.#sql(`
      INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits,
        manifest_sha256, signature, key_id, perceptual_hashes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ad.captureId, adId, ad.runId, capturedAt, version, contentHash,
      JSON.stringify(ad.meta), JSON.stringify(ad.fields), cityKey(ad.fields.city), ad.score, JSON.stringify(ad.hits),
      ad.manifest.sha256, ad.manifest.signature, ad.manifest.keyId, JSON.stringify(ad.perceptualHashes),
    );
    const insert = this.#sql('INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url) VALUES (?, ?, ?, ?, ?, ?, ?)');
    ad.artefacts.forEach((a, n) => insert.run(ad.captureId, n, a.kind, a.sha256, a.mime, a.bytes, a.url ?? null));
    // The full-text index is contentless and keyed by the ad's rid: the new version's words replace the old.
    this.#sql('DELETE FROM ads_fts WHERE rowid = (SELECT rid FROM ads WHERE id = ?)').run(adId);
    this.#sql('INSERT INTO ads_fts (rowid, title, text, alias, city) SELECT rid, ?, ?, ?, ? FROM ads WHERE id = ?')
      .run(ad.fields.title ?? null, ad.fields.text ?? null, ad.fields.alias ?? null, ad.fields.city ?? null, adId);
  }

  addSighting(adId: string, runId: string, seenAt: string): void {
    this.#sql('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES (?, ?, ?)').run(adId, runId, seenAt);
  }

  listedAds(theme: string, source: string): { id: string; url: string }[] {
    return this.#sql('SELECT id, url FROM ads WHERE theme = ? AND source = ? AND gone_at IS NULL')
      .all(theme, source) as unknown as { id: string; url: string }[];
  }

  markGone(adIds: string[], at: string): void {
    const mark = this.#sql('UPDATE ads SET gone_at = ? WHERE id = ?');
    for (const id of adIds) mark.run(at, id);
  }

  stage(ad: StagedAd, stagedAt: string, expiresAt: string): void {
    staging.stage(this.#sql, ad, stagedAt, expiresAt);
  }

  purgeStaged(runId: string): { theme: string | null; count: number } {
    return staging.purgeStaging(this.#sql, runId);
  }

  adInTheme(adId: string, theme: string): boolean {
    return this.#sql('SELECT 1 FROM ads WHERE id = ? AND theme = ?').get(adId, theme) !== undefined;
  }

  holdOf(adId: string, theme: string): LegalHold | undefined {
    const row = this.#sql('SELECT * FROM holds WHERE ad_id = ? AND theme = ?').get(adId, theme) as HoldRow | undefined;
    return row && retention.toHold(row);
  }

  insertHold(hold: LegalHold): boolean {
    return this.#sql('INSERT INTO holds (ad_id, theme, case_number, held_by, held_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(hold.adId, hold.theme, hold.caseNumber, hold.by, hold.at).changes === 1;
  }

  deleteHold(adId: string, theme: string): LegalHold | undefined {
    const row = this.#sql('DELETE FROM holds WHERE ad_id = ? AND theme = ? RETURNING *').get(adId, theme) as HoldRow | undefined;
    return row && retention.toHold(row);
  }

  purgeExpired(theme: string, cutoff: RetentionCutoff): Purged {
    return retention.purgeExpired(this.#sql, theme, cutoff);
  }

  lockLog(): void {
    // BEGIN IMMEDIATE took the write lock of the whole database.
  }

  lockCheckpoints(): void {
    // As lockLog.
  }

  logHead(log: LogName): { seq: number; hash: string; at: string } | undefined {
    return this.#sql('SELECT seq, hash, at FROM log_entries WHERE log = ? ORDER BY seq DESC LIMIT 1').get(log) as
      { seq: number; hash: string; at: string } | undefined;
  }

  insertLogEntry(entry: LogEntry): void {
    this.#sql('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.log, entry.seq, entry.at, entry.prevHash, entry.hash, canonicalJson(entry.body));
  }
}
