// Housekeeping where collection starts (a crawl, a worker, a purge): what a crash may have left
// behind is removed before anything new is collected. Never on a read-only command such as verify.
import { hostname } from 'node:os';
import { stagingVerdict } from '../analyse/staging.ts';
import type { Frontier } from '../crawl/frontier.ts';
import { giveUpRun, type RunsToGiveUp } from '../crawl/give-up-run.ts';
import { WRITE_GRACE_MS, type BlobStore, type RetentionStore, type StagingStore } from '../store/store.ts';

// Blobs are written before their row is committed; a crash in between leaves blobs no row refers
// to. Start-up removes them, sparing the blobs of another process's crawl in flight.
export async function sweepOrphanBlobs(store: RetentionStore, blobs: BlobStore, now = new Date()): Promise<number> {
  return blobs.sweep(await store.referencedBlobs(), new Date(now.getTime() - WRITE_GRACE_MS));
}

// Staged ads of a run whose process died (a crash, a kill) or whose window is over are purged at
// start-up, so a crash can never leave an ad without indicators behind (DESIGN.md §2.3).
export async function purgeAbandonedStaging(store: StagingStore, now = new Date()): Promise<number> {
  const here = { host: hostname(), alive: processAlive };
  let purged = 0;
  for (const run of await store.stagingRuns()) {
    const verdict = stagingVerdict(run, now, here);
    if (verdict !== 'live') purged += await store.purgeStaging(run.runId, verdict, now.toISOString());
  }
  return purged;
}

/** A run no worker has worked for this long has no owner left, on any machine: a job's run waits
 *  at most for its job's retries (5 and 10 minutes) or for a dead worker's job to be taken over (10). */
export const ABANDONED_AFTER_MS = 60 * 60_000;

// A run killed mid-way (a `baken crawl` killed, a job whose workers all died or that failed for good)
// would stay open for ever, its pages in the frontier with the URLs of ads it may have deleted and
// its staged ads counting as live. Given up when its owner is gone: a process on this host that is
// no longer running, or, on any host, no lease or claim to settle for ABANDONED_AFTER_MS. The run is
// finished as abandoned with what is known, whichever worker or host sees it first.
export async function abandonDeadRuns(frontier: Frontier, store: RunsToGiveUp, now = new Date()): Promise<{ runs: number; pages: number; staged: number }> {
  const here = { host: hostname(), alive: processAlive };
  const given = { runs: 0, pages: 0, staged: 0 };
  for (const run of await frontier.openRuns()) {
    const deadHere = run.owner !== null && stagingVerdict({ owner: run.owner, expiresAt: '9999-12-31T00:00:00.000Z' }, now, here) === 'abandoned';
    const last = deadHere ? null : await frontier.lastActivity(run.runId);
    if (!deadHere && (last === null || now.getTime() - last < ABANDONED_AFTER_MS)) continue;
    const { pages, staged } = await giveUpRun(frontier, store, run.runId, now);
    given.pages += pages;
    given.staged += staged;
    given.runs++;
  }
  return given;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
