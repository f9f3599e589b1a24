// The transaction seam on PostgreSQL: one client of the pool, inside BEGIN … COMMIT. Where SQLite
// holds one write lock for the whole database, the answers here take row and advisory locks, so that
// concurrent writers, in any process, get the result one after another would.
import { cityKey } from '../../domain/ad-keys.ts';
import type { Artefact } from '../../domain/ad.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import type { LogEntry, LogName } from '../../domain/hash-chain.ts';
import type { KeptAd, LegalHold, RetentionCutoff, RunCounts, RunFailure, StagedAd } from '../store.ts';
import type { LatestCapture, OpenRun, Purged, Tx } from '../transaction-seam.ts';
import type { Queryable } from './database.postgres.ts';
import * as retention from './retention.postgres.ts';
import * as staging from './staging.postgres.ts';

/** Advisory lock keys. One key per hash-chained log: its appends take turns, so the chain never forks. */
const LOG_LOCKS: Record<LogName, number> = { custody: 0x6261_6b65_01, audit: 0x6261_6b65_02 };
/** Checkpoint writers, on any machine, take turns under this key (withLogHeads). */
const CHECKPOINT_LOCK = 0x6261_6b65_03;
/** Lock class (with hashtext of the ad id) that serialises the saves of one ad, even of one not stored yet. */
const AD_LOCK = 0x6261_6b61; // "baka"

export class PostgresTx implements Tx<'async'> {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async runTheme(runId: string): Promise<string | undefined> {
    return (await this.#db.query<{ theme: string }>('SELECT theme FROM runs WHERE id = $1', [runId])).rows[0]?.theme;
  }

  async lockRun(runId: string): Promise<OpenRun | undefined> {
    const run = (await this.#db.query<{ theme: string; source: string | null; finished_at: string | null }>(
      'SELECT theme, source, finished_at FROM runs WHERE id = $1 FOR NO KEY UPDATE', [runId])).rows[0];
    return run && { theme: run.theme, source: run.source, finished: run.finished_at !== null };
  }

  async finishRun(runId: string, counts: RunCounts, at: string, abandoned: boolean): Promise<void> {
    await this.#db.query('UPDATE runs SET finished_at = $1, captured = $2, kept = $3, deleted = $4, failed = $5, abandoned = $6 WHERE id = $7',
      [at, counts.captured, counts.kept, counts.deleted, counts.failed, abandoned, runId]);
  }

  async insertFailure(runId: string, failure: RunFailure): Promise<void> {
    await this.#db.query(`
      INSERT INTO run_failures (run_id, n, source, url, reason, attempts)
      VALUES ($1, (SELECT count(*) FROM run_failures WHERE run_id = $1), $2, $3, $4, $5)`,
    [runId, failure.source, failure.url, failure.reason, failure.attempts]);
  }

  /** The ad lock makes a concurrent save of the same ad wait and then see this one's result; the row
   *  lock makes a concurrent purge either wait or have deleted the ad already. */
  async lockLatest(adId: string): Promise<LatestCapture | undefined> {
    await this.#db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AD_LOCK, adId]);
    const row = (await this.#db.query<{ capture_id: string; version: number; content_hash: string }>(`
      SELECT c.id AS capture_id, c.version, c.content_hash
      FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE a.id = $1 FOR NO KEY UPDATE OF a`, [adId])).rows[0];
    return row && { captureId: row.capture_id, version: row.version, contentHash: row.content_hash };
  }

  async insertAd(ad: KeptAd, adId: string, seenAt: string): Promise<void> {
    await this.#db.query(`
      INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [adId, ad.theme, ad.source, ad.url, seenAt, ad.captureId]);
  }

  async touchAd(adId: string, seenAt: string, latestCaptureId: string): Promise<void> {
    await this.#db.query(`
      UPDATE ads SET latest_capture_id = $1, first_seen = least(first_seen, $2), last_seen = greatest(last_seen, $2), gone_at = NULL
      WHERE id = $3`, [latestCaptureId, seenAt, adId]);
  }

  /** Triggers fill the search row and the phone and indicator lookups from the capture. */
  async insertCapture(ad: KeptAd, adId: string, version: number, contentHash: string, capturedAt: string): Promise<void> {
    await this.#db.query(`
      INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits,
        manifest_sha256, signature, key_id, perceptual_hashes)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
      ad.captureId, adId, ad.runId, capturedAt, version, contentHash,
      JSON.stringify(ad.meta), JSON.stringify(ad.fields), cityKey(ad.fields.city), ad.score, JSON.stringify(ad.hits),
      ad.manifest.sha256, ad.manifest.signature, ad.manifest.keyId, JSON.stringify(ad.perceptualHashes),
    ]);
    if (ad.artefacts.length === 0) return;
    const column = <K extends keyof Artefact>(key: K) => ad.artefacts.map((a) => a[key] ?? null);
    await this.#db.query(`
      INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url)
      SELECT $1, a.n - 1, a.kind, a.sha256, a.mime, a.bytes, a.url
      FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS a (kind, sha256, mime, bytes, url, n)`,
    [ad.captureId, column('kind'), column('sha256'), column('mime'), column('bytes'), column('url')]);
  }

  async addSighting(adId: string, runId: string, seenAt: string): Promise<void> {
    await this.#db.query('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES ($1, $2, $3)', [adId, runId, seenAt]);
  }

  /** Locked in id order, as the purge locks them, so the two never deadlock. */
  async listedAds(theme: string, source: string): Promise<{ id: string; url: string }[]> {
    return (await this.#db.query<{ id: string; url: string }>(
      'SELECT id, url FROM ads WHERE theme = $1 AND source = $2 AND gone_at IS NULL ORDER BY id FOR NO KEY UPDATE', [theme, source])).rows;
  }

  async markGone(adIds: string[], at: string): Promise<void> {
    await this.#db.query('UPDATE ads SET gone_at = $1 WHERE id = ANY($2)', [at, adIds]);
  }

  async stage(ad: StagedAd, stagedAt: string, expiresAt: string): Promise<void> {
    await staging.stage(this.#db, ad, stagedAt, expiresAt);
  }

  async purgeStaged(runId: string): Promise<{ theme: string | null; count: number }> {
    return staging.purgeStaging(this.#db, runId);
  }

  async adInTheme(adId: string, theme: string): Promise<boolean> {
    // KEY SHARE keeps a purge running at the same time from deleting the ad under the new hold.
    return (await this.#db.query('SELECT 1 FROM ads WHERE id = $1 AND theme = $2 FOR KEY SHARE', [adId, theme])).rowCount === 1;
  }

  async holdOf(adId: string, theme: string): Promise<LegalHold | undefined> {
    const row = (await this.#db.query<retention.HoldRow>('SELECT * FROM holds WHERE ad_id = $1 AND theme = $2', [adId, theme])).rows[0];
    return row && retention.toHold(row);
  }

  async insertHold(hold: LegalHold): Promise<boolean> {
    // A hold placed by another process since holdOf read: nothing inserted, and the transaction stays usable.
    const inserted = await this.#db.query(`
      INSERT INTO holds (ad_id, theme, case_number, held_by, held_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [hold.adId, hold.theme, hold.caseNumber, hold.by, hold.at]);
    return inserted.rowCount === 1;
  }

  async deleteHold(adId: string, theme: string): Promise<LegalHold | undefined> {
    const row = (await this.#db.query<retention.HoldRow>('DELETE FROM holds WHERE ad_id = $1 AND theme = $2 RETURNING *', [adId, theme])).rows[0];
    return row && retention.toHold(row);
  }

  async purgeExpired(theme: string, cutoff: RetentionCutoff): Promise<Purged> {
    return retention.purgeExpired(this.#db, theme, cutoff);
  }

  /** Held until commit: the next appender, in any process, reads this one's entry as its predecessor. */
  async lockLog(log: LogName): Promise<void> {
    await this.#db.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCKS[log]]);
  }

  async lockCheckpoints(): Promise<void> {
    await this.#db.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
  }

  async logHead(log: LogName): Promise<{ seq: number; hash: string; at: string } | undefined> {
    return (await this.#db.query<{ seq: number; hash: string; at: string }>(
      'SELECT seq, hash, at FROM log_entries WHERE log = $1 ORDER BY seq DESC LIMIT 1', [log])).rows[0];
  }

  async insertLogEntry(entry: LogEntry): Promise<void> {
    await this.#db.query('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.log, entry.seq, entry.at, entry.prevHash, entry.hash, canonicalJson(entry.body)]);
  }
}
