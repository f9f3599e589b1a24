// The store's writes that leave a custody entry, or append to a hash-chained log, written once for
// every adapter over the transaction seam (transaction-seam.ts): each commits with its log entry, or
// neither does. No I/O here; the adapter's `transact` runs each algorithm in one of its transactions.
import { adId as adIdOf, contentHashOf, imageHashes } from '../domain/ad-keys.ts';
import { BakenError } from '../domain/errors.ts';
import { entryHash, GENESIS_HASH, LOG_NAMES, type LogBody, type LogEntry, type LogHead, type LogName } from '../domain/hash-chain.ts';
import { custody } from './custody-entries.ts';
import type {
  KeptAd, LegalHold, PurgeResult, RetentionCutoff, RunCounts, RunEnd, RunFailure, SaveResult, Sighting, StagedAd, Store,
} from './store.ts';
import { ask, type LatestCapture, type Steps, type Tx } from './transaction-seam.ts';
import { assertFailure, assertFinish, assertKeptAd, assertStagedAd, normaliseUtc } from './validate.ts';

/** The writes of the Store port, for an adapter to extend: it gives `transact`, which runs one write
 *  algorithm in one of its transactions, and these run the same algorithm on every adapter. */
export abstract class StoreWrites implements Pick<Store,
  'finishRun' | 'recordFailure' | 'saveAd' | 'sightIfUnchanged' | 'markGone' | 'stage' | 'purgeStaging'
  | 'placeHold' | 'releaseHold' | 'purgeExpired' | 'appendLog' | 'withLogHeads'> {
  protected abstract transact<T>(algorithm: (tx: Tx) => Steps<T>): Promise<T>;

  async finishRun(runId: string, counts: RunCounts, finishedAt: string, end: RunEnd = 'complete'): Promise<void> {
    assertFinish(counts, finishedAt);
    const at = normaliseUtc(finishedAt);
    await this.transact(function* (tx) {
      // Locked: a second finishRun waits, then finds the run finished.
      const run = yield* ask(tx.lockRun(runId));
      if (!run || run.finished) throw new BakenError('STORE_REJECTED', `cannot finish run ${runId}: no such run, or it is already finished`);
      yield* ask(tx.finishRun(runId, counts, at, end === 'abandoned'));
      yield* append(tx, 'custody', custody.run(runId, run.theme, run.source, counts, at, end), at);
    });
  }

  async recordFailure(runId: string, failure: RunFailure): Promise<void> {
    assertFailure(failure);
    await this.transact(function* (tx) {
      // Locked: the run's failures are numbered one at a time.
      if (!(yield* ask(tx.lockRun(runId)))) throw new BakenError('STORE_REJECTED', `cannot record a failure for run ${runId}: no such run`);
      yield* ask(tx.insertFailure(runId, failure));
      yield* append(tx, 'custody', custody.captureFailed(runId, failure), new Date().toISOString());
    });
  }

  async saveAd(ad: KeptAd): Promise<SaveResult> {
    assertKeptAd(ad);
    return this.transact((tx) => saveAd(tx, ad));
  }

  async sightIfUnchanged(sighting: Sighting): Promise<SaveResult | null> {
    return this.transact((tx) => sightIfUnchanged(tx, sighting));
  }

  async markGone(runId: string, theme: string, source: string, listedUrls: readonly string[], at: string): Promise<string[]> {
    const goneAt = normaliseUtc(at);
    const listed = new Set(listedUrls);
    return this.transact(function* (tx) {
      const rows = yield* ask(tx.listedAds(theme, source));
      const gone = rows.filter((r) => !listed.has(r.url)).map((r) => r.id).sort();
      if (gone.length === 0) return gone;
      yield* ask(tx.markGone(gone, goneAt));
      yield* append(tx, 'custody', custody.gone(runId, theme, source, gone, goneAt), goneAt);
      return gone;
    });
  }

  async stage(ad: StagedAd): Promise<void> {
    assertStagedAd(ad);
    const stagedAt = normaliseUtc(ad.stagedAt);
    const expiresAt = normaliseUtc(ad.expiresAt);
    await this.transact(function* (tx) {
      yield* assertRunOfTheme(tx, ad.runId, ad.theme);
      yield* ask(tx.stage(ad, stagedAt, expiresAt));
    });
  }

  async purgeStaging(runId: string, reason: 'run-ended' | 'abandoned' | 'expired', at: string): Promise<number> {
    const when = normaliseUtc(at);
    return this.transact(function* (tx) {
      const { theme, count } = yield* ask(tx.purgeStaged(runId));
      // Counts only: what was staged and is now gone was never kept (Directive 2016/680 art. 25).
      if (count > 0) yield* append(tx, 'custody', custody.stagingPurged(runId, theme, count, reason), when);
      return count;
    });
  }

  async placeHold(adId: string, theme: string, caseNumber: string, by: string, at: string): Promise<LegalHold> {
    const hold = { adId, theme, caseNumber: required(caseNumber, 'case number'), by: required(by, 'who places the hold'), at: normaliseUtc(at) };
    return this.transact((tx) => placeHold(tx, hold));
  }

  async releaseHold(adId: string, theme: string, by: string, at: string): Promise<LegalHold> {
    const who = required(by, 'who releases the hold');
    const when = normaliseUtc(at);
    return this.transact(function* (tx) {
      const hold = yield* ask(tx.deleteHold(adId, theme));
      if (!hold) throw new BakenError('NOT_FOUND', `ad ${adId} is not on hold in theme "${theme}"`);
      yield* append(tx, 'custody', custody.holdReleased(adId, theme, hold.caseNumber, who), when);
      return hold;
    });
  }

  async purgeExpired(theme: string, cutoff: RetentionCutoff, at: string): Promise<PurgeResult> {
    const when = normaliseUtc(at);
    const bounds: RetentionCutoff = { lastSeenBefore: normaliseUtc(cutoff.lastSeenBefore) };
    if (cutoff.firstSeenBefore !== undefined) bounds.firstSeenBefore = normaliseUtc(cutoff.firstSeenBefore);
    return this.transact(function* (tx) {
      const purged = yield* ask(tx.purgeExpired(theme, bounds));
      // Ids only, never content (Directive 2016/680 art. 25): enough for verify to know these were erased, not lost.
      if (purged.ads.length > 0) yield* append(tx, 'custody', custody.purge(theme, purged.ads, purged.captures, when), when);
      return { ads: purged.ads.length, captures: purged.captures.length, blobs: purged.blobs, held: purged.held };
    });
  }

  async appendLog(log: LogName, body: LogBody, at = new Date().toISOString()): Promise<LogEntry> {
    return this.transact((tx) => append(tx, log, body, at));
  }

  async withLogHeads<T>(work: (heads: LogHead[]) => T): Promise<T> {
    return this.transact(function* (tx) {
      // No append and no other checkpoint writer in between: `work` signs heads in the order they were read.
      yield* ask(tx.lockCheckpoints());
      const heads: LogHead[] = [];
      for (const log of LOG_NAMES) {
        const head = yield* ask(tx.logHead(log));
        if (head) heads.push({ log, ...head });
      }
      return work(heads);
    });
  }
}

/** Inside the transaction of what the entry records, so both commit or neither does. The log's lock
 *  is held until commit: the next appender, in any process, reads this entry as its predecessor. */
function* append(tx: Tx, log: LogName, body: LogBody, at: string): Steps<LogEntry> {
  yield* ask(tx.lockLog(log));
  const last = yield* ask(tx.logHead(log));
  const entry = { log, seq: (last?.seq ?? 0) + 1, at: normaliseUtc(at), prevHash: last?.hash ?? GENESIS_HASH, body };
  const written = { ...entry, hash: entryHash(entry) };
  yield* ask(tx.insertLogEntry(written));
  return written;
}

function* saveAd(tx: Tx, ad: KeptAd): Steps<SaveResult> {
  const id = adIdOf(ad.theme, ad.url);
  const contentHash = contentHashOf(ad.fields, imageHashes(ad.artefacts));
  const seenAt = normaliseUtc(ad.meta.capturedAt);
  yield* assertRunOfTheme(tx, ad.runId, ad.theme);
  const latest = yield* ask(tx.lockLatest(id));
  if (latest && latest.contentHash === contentHash) return yield* sight(tx, id, latest, ad.runId, seenAt);
  if (latest) yield* ask(tx.touchAd(id, seenAt, ad.captureId));
  else yield* ask(tx.insertAd(ad, id, seenAt));
  const version = (latest?.version ?? 0) + 1;
  yield* ask(tx.insertCapture(ad, id, version, contentHash, seenAt));
  yield* ask(tx.addSighting(id, ad.runId, seenAt));
  // Custody: the entry commits with the capture, or neither does.
  yield* append(tx, 'custody', custody.capture({ ad: id, capture: ad.captureId, version, run: ad.runId, manifest: ad.manifest.sha256, seenAt }), seenAt);
  return { adId: id, captureId: ad.captureId, outcome: latest ? 'changed' : 'new' };
}

function* sightIfUnchanged(tx: Tx, sighting: Sighting): Steps<SaveResult | null> {
  const id = adIdOf(sighting.theme, sighting.url);
  const seenAt = normaliseUtc(sighting.seenAt);
  yield* assertRunOfTheme(tx, sighting.runId, sighting.theme);
  const latest = yield* ask(tx.lockLatest(id));
  return latest && latest.contentHash === sighting.contentHash ? yield* sight(tx, id, latest, sighting.runId, seenAt) : null;
}

function* sight(tx: Tx, id: string, latest: LatestCapture, runId: string, seenAt: string): Steps<SaveResult> {
  yield* ask(tx.touchAd(id, seenAt, latest.captureId));
  yield* ask(tx.addSighting(id, runId, seenAt));
  yield* append(tx, 'custody', custody.sighting(id, latest.captureId, runId, seenAt), seenAt);
  return { adId: id, captureId: latest.captureId, outcome: 'unchanged' };
}

function* placeHold(tx: Tx, hold: LegalHold): Steps<LegalHold> {
  if (!(yield* ask(tx.adInTheme(hold.adId, hold.theme)))) {
    throw new BakenError('NOT_FOUND', `cannot hold ad ${hold.adId}: theme "${hold.theme}" keeps no such ad`);
  }
  const held = yield* ask(tx.holdOf(hold.adId, hold.theme));
  if (held) {
    throw new BakenError('CONFLICT', `ad ${hold.adId} is already on hold for case ${held.caseNumber}; release it first to link it to another case`);
  }
  if (!(yield* ask(tx.insertHold(hold)))) {
    throw new BakenError('CONFLICT', `ad ${hold.adId} was just put on hold by someone else; release it first to link it to another case`);
  }
  // Wpg arts. 8, 9: a hold keeps an ad past its retention, so who linked it to which case is evidence too.
  yield* append(tx, 'custody', custody.hold(hold.adId, hold.theme, hold.caseNumber, hold.by), hold.at);
  return hold;
}

function* assertRunOfTheme(tx: Tx, runId: string, theme: string): Steps<void> {
  const runTheme = yield* ask(tx.runTheme(runId));
  if (runTheme === undefined) throw new BakenError('STORE_REJECTED', `refused to store an ad: run ${runId} is unknown (start the run first)`);
  if (runTheme !== theme) {
    throw new BakenError('STORE_REJECTED', `refused to store an ad of theme ${JSON.stringify(theme)} under run ${runId} of theme ${JSON.stringify(runTheme)}`);
  }
}

function required(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new BakenError('INPUT_INVALID', `a legal hold needs ${what}`);
  return value.trim();
}
