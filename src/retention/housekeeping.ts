// Housekeeping where collection starts (a crawl, a worker, a purge): what a crash may have left
// behind is removed before anything new is collected. Never on a read-only command such as verify.
import { hostname } from 'node:os';
import { stagingVerdict } from '../analyse/staging.ts';
import type { Frontier } from '../crawl/frontier.ts';
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

// A `baken crawl` killed mid-run leaves its pages in the frontier, with the URLs of ads it may have
// deleted; start-up gives its run up. A job's run has no owner process: any worker finishes it.
export async function abandonDeadRuns(frontier: Frontier, now = new Date()): Promise<number> {
  const here = { host: hostname(), alive: processAlive };
  let pages = 0;
  for (const run of await frontier.openRuns()) {
    // The verdict for a process's staging: only a dead process on this host is abandoned.
    if (run.owner !== null && stagingVerdict({ owner: run.owner, expiresAt: '9999-12-31T00:00:00.000Z' }, now, here) === 'abandoned') {
      pages += await frontier.abandon(run.runId);
    }
  }
  return pages;
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
