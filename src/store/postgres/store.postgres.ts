// The store on PostgreSQL, for many processes on many machines sharing one database. Behaves as the
// SQLite store (store.sqlite.ts) does; where SQLite serialises every write, this adapter takes row and
// advisory locks so that concurrent writers get the same result one after another would.
import { randomUUID } from 'node:crypto';
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
import { openPostgres, transaction, type Pool, type Queryable } from './database.postgres.ts';
import { PostgresSearch } from './search.postgres.ts';
import * as analysis from './staging.postgres.ts';
import * as retention from './retention.postgres.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { entryHash, GENESIS_HASH, LOG_NAMES, type LogBody, type LogEntry, type LogHead, type LogName } from '../../domain/hash-chain.ts';

export async function openPostgresStore(url: string): Promise<Store> {
  return new PostgresStore(await openPostgres(url));
}

/** Advisory lock keys. One key per hash-chained log: its appends take turns, so the chain never forks. */
const LOG_LOCKS: Record<LogName, number> = { custody: 0x6261_6b65_01, audit: 0x6261_6b65_02 };
/** Checkpoint writers, on any machine, take turns under this key (withLogHeads). */
const CHECKPOINT_LOCK = 0x6261_6b65_03;
/** Lock class (with hashtext of the ad id) that serialises the saves of one ad, even of one not stored yet. */
const AD_LOCK = 0x6261_6b61; // "baka"

interface LatestRow { capture_id: string; version: number; content_hash: string }
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
  software_version: string; captured: number; kept: number; deleted: number; failed: number;
}

class PostgresStore implements Store {
  readonly #pool: Pool;
  readonly #search: PostgresSearch;

  constructor(pool: Pool) {
    this.#pool = pool;
    this.#search = new PostgresSearch(pool);
  }

  async startRun(run: RunStart): Promise<string> {
    assertRunStart(run);
    const id = randomUUID();
    await this.#pool.query('INSERT INTO runs (id, theme, source, started_at, software_version) VALUES ($1, $2, $3, $4, $5)',
      [id, run.theme, run.source, normaliseUtc(run.startedAt), run.softwareVersion]);
    return id;
  }

  async finishRun(runId: string, counts: RunCounts, finishedAt: string): Promise<void> {
    assertFinish(counts, finishedAt);
    const at = normaliseUtc(finishedAt);
    await transaction(this.#pool, async (db) => {
      // The row lock makes a second finishRun wait, then find the run finished.
      const run = (await db.query<{ theme: string; source: string | null }>(
        'SELECT theme, source FROM runs WHERE id = $1 AND finished_at IS NULL FOR NO KEY UPDATE', [runId])).rows[0];
      if (!run) throw new BakenError('STORE_REJECTED', `cannot finish run ${runId}: no such run, or it is already finished`);
      await db.query('UPDATE runs SET finished_at = $1, captured = $2, kept = $3, deleted = $4, failed = $5 WHERE id = $6',
        [at, counts.captured, counts.kept, counts.deleted, counts.failed, runId]);
      await append(db, 'custody', custody.run(runId, run.theme, run.source, counts, at), at);
    });
  }

  async recordFailure(runId: string, failure: RunFailure): Promise<void> {
    assertFailure(failure);
    await transaction(this.#pool, async (db) => {
      // The row lock numbers the run's failures one at a time.
      if ((await db.query('SELECT 1 FROM runs WHERE id = $1 FOR NO KEY UPDATE', [runId])).rowCount === 0) {
        throw new BakenError('STORE_REJECTED', `cannot record a failure for run ${runId}: no such run`);
      }
      await db.query(`
        INSERT INTO run_failures (run_id, n, source, url, reason, attempts)
        VALUES ($1, (SELECT count(*) FROM run_failures WHERE run_id = $1), $2, $3, $4, $5)`,
      [runId, failure.source, failure.url, failure.reason, failure.attempts]);
      await append(db, 'custody', custody.captureFailed(runId, failure), new Date().toISOString());
    });
  }

  async failures(runId: string): Promise<RunFailure[]> {
    const { rows } = await this.#pool.query<RunFailure>('SELECT source, url, reason, attempts FROM run_failures WHERE run_id = $1 ORDER BY n', [runId]);
    return rows.map(({ source, url, reason, attempts }) => ({ source, url, reason, attempts }));
  }

  async saveAd(ad: KeptAd): Promise<SaveResult> {
    assertKeptAd(ad);
    const id = adId(ad.theme, ad.url);
    const contentHash = contentHashOf(ad.fields, imageHashes(ad.artefacts));
    const seenAt = normaliseUtc(ad.meta.capturedAt);
    return transaction(this.#pool, async (db) => {
      await assertRunOfTheme(db, ad.runId, ad.theme);
      const latest = await lockLatest(db, id);
      if (latest && latest.content_hash === contentHash) return sight(db, id, latest, ad.runId, seenAt);
      if (latest) {
        await touchAd(db, id, seenAt, ad.captureId);
      } else {
        await db.query(`
          INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
        [id, ad.theme, ad.source, ad.url, seenAt, ad.captureId]);
      }
      const version = (latest?.version ?? 0) + 1;
      // Triggers fill the search row and the phone and indicator lookups from the capture.
      await insertCapture(db, ad, id, version, contentHash, seenAt);
      await addSighting(db, id, ad.runId, seenAt);
      // Custody: the entry commits with the capture, or neither does.
      await append(db, 'custody', custody.capture({ ad: id, capture: ad.captureId, version, run: ad.runId, manifest: ad.manifest.sha256, seenAt }), seenAt);
      return { adId: id, captureId: ad.captureId, outcome: latest ? 'changed' : 'new' };
    });
  }

  async sightIfUnchanged(sighting: Sighting): Promise<SaveResult | null> {
    const id = adId(sighting.theme, sighting.url);
    const seenAt = normaliseUtc(sighting.seenAt);
    return transaction(this.#pool, async (db) => {
      await assertRunOfTheme(db, sighting.runId, sighting.theme);
      const latest = await lockLatest(db, id);
      return latest && latest.content_hash === sighting.contentHash ? sight(db, id, latest, sighting.runId, seenAt) : null;
    });
  }

  async markGone(runId: string, theme: string, source: string, listedUrls: readonly string[], at: string): Promise<string[]> {
    const goneAt = normaliseUtc(at);
    return transaction(this.#pool, async (db) => {
      const listed = new Set(listedUrls);
      // Locked in id order, as the purge locks them, so the two never deadlock.
      const { rows } = await db.query<{ id: string; url: string }>(
        'SELECT id, url FROM ads WHERE theme = $1 AND source = $2 AND gone_at IS NULL ORDER BY id FOR NO KEY UPDATE', [theme, source]);
      const gone = rows.filter((r) => !listed.has(r.url)).map((r) => r.id).sort();
      if (gone.length === 0) return gone;
      await db.query('UPDATE ads SET gone_at = $1 WHERE id = ANY($2)', [goneAt, gone]);
      await append(db, 'custody', custody.gone(runId, theme, source, gone, goneAt), goneAt);
      return gone;
    });
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

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.#search.search(query);
  }

  async networkOf(adId: string, themes: string[]): Promise<Network | null> {
    return analysis.networkOf(this.#pool, adId, themes);
  }

  async replaceLinks(theme: string, links: readonly NetworkLink[]): Promise<void> {
    await transaction(this.#pool, (db) => analysis.replaceLinks(db, theme, links));
  }

  async stage(ad: StagedAd): Promise<void> {
    assertStagedAd(ad);
    await transaction(this.#pool, async (db) => {
      await assertRunOfTheme(db, ad.runId, ad.theme);
      await analysis.stage(db, ad, normaliseUtc(ad.stagedAt), normaliseUtc(ad.expiresAt));
    });
  }

  async stagedFeatures(runId: string): Promise<{ url: string; features: AnalysisInput }[]> {
    return analysis.stagedFeatures(this.#pool, runId);
  }

  async takeStaged(runId: string, url: string): Promise<Uint8Array | null> {
    return analysis.takeStaged(this.#pool, runId, url);
  }

  async purgeStaging(runId: string, reason: 'run-ended' | 'abandoned' | 'expired', at: string): Promise<number> {
    const when = normaliseUtc(at);
    return transaction(this.#pool, async (db) => {
      const { theme, count } = await analysis.purgeStaging(db, runId);
      // Counts only: what was staged and is now gone was never kept (Directive 2016/680 art. 25).
      if (count > 0) await append(db, 'custody', custody.stagingPurged(runId, theme, count, reason), when);
      return count;
    });
  }

  async stagingRuns(): Promise<StagingRun[]> {
    return analysis.stagingRuns(this.#pool);
  }

  async keptFeatures(theme: string, since: string): Promise<AnalysisInput[]> {
    return analysis.keptFeatures(this.#pool, theme, normaliseUtc(since));
  }

  async placeHold(adId: string, theme: string, caseNumber: string, by: string, at: string): Promise<LegalHold> {
    const hold = { adId, theme, caseNumber: required(caseNumber, 'case number'), by: required(by, 'who places the hold'), at: normaliseUtc(at) };
    return transaction(this.#pool, async (db) => {
      await retention.placeHold(db, hold);
      // Wpg arts. 8, 9: a hold keeps an ad past its retention, so who linked it to which case is evidence too.
      await append(db, 'custody', custody.hold(adId, theme, hold.caseNumber, hold.by), hold.at);
      return hold;
    });
  }

  async releaseHold(adId: string, theme: string, by: string, at: string): Promise<LegalHold> {
    const who = required(by, 'who releases the hold');
    const when = normaliseUtc(at);
    return transaction(this.#pool, async (db) => {
      const hold = await retention.releaseHold(db, adId, theme);
      await append(db, 'custody', custody.holdReleased(adId, theme, hold.caseNumber, who), when);
      return hold;
    });
  }

  async holds(theme: string): Promise<LegalHold[]> {
    return retention.holds(this.#pool, theme);
  }

  async purgeExpired(theme: string, cutoff: RetentionCutoff, at: string): Promise<PurgeResult> {
    const when = normaliseUtc(at);
    const bounds: RetentionCutoff = { lastSeenBefore: normaliseUtc(cutoff.lastSeenBefore) };
    if (cutoff.firstSeenBefore !== undefined) bounds.firstSeenBefore = normaliseUtc(cutoff.firstSeenBefore);
    return transaction(this.#pool, async (db) => {
      const purged = await retention.purgeExpired(db, theme, bounds);
      // Ids only, never content (Directive 2016/680 art. 25): enough for verify to know these were erased, not lost.
      if (purged.ads.length > 0) {
        await append(db, 'custody', custody.purge(theme, purged.ads, purged.captures, when), when);
      }
      return { ads: purged.ads.length, captures: purged.captures.length, blobs: purged.blobs, held: purged.held };
    });
  }

  async appendLog(log: LogName, body: LogBody, at = new Date().toISOString()): Promise<LogEntry> {
    return transaction(this.#pool, (db) => append(db, log, body, at));
  }

  async readLog(log: LogName, opts: { fromSeq?: number; limit?: number } = {}): Promise<LogEntry[]> {
    // LIMIT NULL is no limit, as a negative limit is in SQLite.
    const limit = opts.limit === undefined || opts.limit < 0 ? null : opts.limit;
    const { rows } = await this.#pool.query<LogRow>(`
      SELECT log, seq, at, prev_hash, hash, body FROM log_entries
      WHERE log = $1 AND seq >= $2 ORDER BY seq LIMIT $3`, [log, opts.fromSeq ?? 1, limit]);
    return rows.map((r) => ({ log: r.log, seq: r.seq, at: r.at, prevHash: r.prev_hash, hash: r.hash, body: r.body }));
  }

  async withLogHeads<T>(work: (heads: LogHead[]) => T): Promise<T> {
    return transaction(this.#pool, async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      const heads: LogHead[] = [];
      for (const log of LOG_NAMES) {
        const head = (await db.query<{ seq: number; hash: string; at: string }>(
          'SELECT seq, hash, at FROM log_entries WHERE log = $1 ORDER BY seq DESC LIMIT 1', [log])).rows[0];
        if (head) heads.push({ log, ...head });
      }
      return work(heads);
    });
  }

  async referencedBlobs(): Promise<Set<string>> {
    const { rows } = await this.#pool.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM capture_artefacts');
    return new Set(rows.map((r) => r.sha256));
  }

  async runs(theme: string): Promise<(RunStart & RunCounts & { id: string; finishedAt: string | null })[]> {
    const { rows } = await this.#pool.query<RunRow>('SELECT * FROM runs WHERE theme = $1 ORDER BY started_at DESC, id', [theme]);
    return rows.map((r) => ({
      id: r.id, theme: r.theme, source: r.source, startedAt: r.started_at, finishedAt: r.finished_at,
      softwareVersion: r.software_version, captured: r.captured, kept: r.kept, deleted: r.deleted, failed: r.failed,
    }));
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/** Inside a transaction, so a log entry commits or rolls back with what it records. The lock is held
 *  until commit: the next appender, in any process, reads this entry as its predecessor. */
async function append(db: Queryable, log: LogName, body: LogBody, at: string): Promise<LogEntry> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCKS[log]]);
  const last = (await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM log_entries WHERE log = $1 ORDER BY seq DESC LIMIT 1', [log])).rows[0];
  const entry = { log, seq: (last?.seq ?? 0) + 1, at: normaliseUtc(at), prevHash: last?.hash ?? GENESIS_HASH, body };
  const hash = entryHash(entry);
  await db.query('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES ($1, $2, $3, $4, $5, $6)',
    [log, entry.seq, entry.at, entry.prevHash, hash, canonicalJson(body)]);
  return { ...entry, hash };
}

async function assertRunOfTheme(db: Queryable, runId: string, theme: string): Promise<void> {
  const run = (await db.query<{ theme: string }>('SELECT theme FROM runs WHERE id = $1', [runId])).rows[0];
  if (!run) throw new BakenError('STORE_REJECTED', `refused to store an ad: run ${runId} is unknown (start the run first)`);
  if (run.theme !== theme) {
    throw new BakenError('STORE_REJECTED', `refused to store an ad of theme ${JSON.stringify(theme)} under run ${runId} of theme ${JSON.stringify(run.theme)}`);
  }
}

/** The ad's latest capture, with the ad locked until commit: a concurrent save of the same ad waits
 *  and then sees this one's result, and a concurrent purge either waits or has already deleted the ad. */
async function lockLatest(db: Queryable, id: string): Promise<LatestRow | undefined> {
  await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AD_LOCK, id]);
  return (await db.query<LatestRow>(`
    SELECT c.id AS capture_id, c.version, c.content_hash
    FROM ads a JOIN captures c ON c.id = a.latest_capture_id WHERE a.id = $1 FOR NO KEY UPDATE OF a`, [id])).rows[0];
}

async function sight(db: Queryable, id: string, latest: LatestRow, runId: string, seenAt: string): Promise<SaveResult> {
  await touchAd(db, id, seenAt, latest.capture_id);
  await addSighting(db, id, runId, seenAt);
  await append(db, 'custody', custody.sighting(id, latest.capture_id, runId, seenAt), seenAt);
  return { adId: id, captureId: latest.capture_id, outcome: 'unchanged' };
}

/** A sighting also brings an ad that was marked gone back. */
async function touchAd(db: Queryable, id: string, seenAt: string, latestCaptureId: string): Promise<void> {
  await db.query(`
    UPDATE ads SET latest_capture_id = $1, first_seen = least(first_seen, $2), last_seen = greatest(last_seen, $2), gone_at = NULL
    WHERE id = $3`, [latestCaptureId, seenAt, id]);
}

async function addSighting(db: Queryable, id: string, runId: string, seenAt: string): Promise<void> {
  await db.query('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES ($1, $2, $3)', [id, runId, seenAt]);
}

async function insertCapture(db: Queryable, ad: KeptAd, id: string, version: number, contentHash: string, capturedAt: string): Promise<void> {
  await db.query(`
    INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits,
      manifest_sha256, signature, key_id, perceptual_hashes)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
    ad.captureId, id, ad.runId, capturedAt, version, contentHash,
    JSON.stringify(ad.meta), JSON.stringify(ad.fields), cityKey(ad.fields.city), ad.score, JSON.stringify(ad.hits),
    ad.manifest.sha256, ad.manifest.signature, ad.manifest.keyId, JSON.stringify(ad.perceptualHashes),
  ]);
  if (ad.artefacts.length === 0) return;
  const column = <K extends keyof Artefact>(key: K) => ad.artefacts.map((a) => a[key] ?? null);
  await db.query(`
    INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url)
    SELECT $1, a.n - 1, a.kind, a.sha256, a.mime, a.bytes, a.url
    FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS a (kind, sha256, mime, bytes, url, n)`,
  [ad.captureId, column('kind'), column('sha256'), column('mime'), column('bytes'), column('url')]);
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

function required(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new BakenError('INPUT_INVALID', `a legal hold needs ${what}`);
  return value.trim();
}
