// The crawler: a run of one theme (or one of its sources) is planned, started and seeded with each
// source's list work; then this process's tabs lease the run's pages from the frontier (as idle
// workers elsewhere may too) until none is left, and the run is closed: its staging judged, its
// counts taken from the pages' outcomes. Reads like the pipeline it runs.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/load.ts';
import type { Source, Theme } from '../config/schema.ts';
import type { CaptureBrowser } from '../capture/capture-session.ts';
import { BakenError } from '../domain/errors.ts';
import { loadOrCreateSigningKey } from '../evidence/signing-key.ts';
import type { BlobStore, RunCounts, Store, StoredRun } from '../store/store.ts';
import { giveUpRun } from './give-up-run.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import type { Log } from '../log.ts';
import { closeRun, type CloseDeps } from './close-run.ts';
import type { Frontier, FrontierRun } from './frontier.ts';
import { planCrawl, type CrawlRequest } from './plan-crawl.ts';
import { runContext, stagingOwner, type RunContext } from './run-context.ts';
import { Stopped, type Stopping } from './stopping.ts';
import { jobRunsDone, listPage, runDone, workPages, type PageWork } from './work-pages.ts';

export interface CrawlDeps {
  dataDir: string;
  config: Config;
  store: Store;
  blobs: BlobStore;
  frontier: Frontier;
  browser: CaptureBrowser;
  log: Log;
  now?: () => Date;
  onProgress?: (p: { source: string; done: number; total: number }) => void;
  stopping?: Stopping;
  afterRun?: CloseDeps['afterRun'];
}

export interface CrawlSummary extends RunCounts { run: string; durationMs: number }

/** How long a page (or the right to close a run) stays with a worker that stopped renewing it.
 *  BAKEN_LEASE_MS shortens it where a dead worker's pages must be taken over sooner. */
export const LEASE_MS = Number(process.env.BAKEN_LEASE_MS ?? 30_000);
// A run another worker is closing is looked at again this often.
const CLOSING_POLL_MS = 250;

/** `job`: the scheduled job the crawl runs for; a job taken over after its worker died resumes its
 *  run instead of starting a second one for the same slot. */
export async function runCrawl(deps: CrawlDeps, request: CrawlRequest, job?: { id: string }): Promise<CrawlSummary> {
  const started = performance.now();
  const now = deps.now ?? (() => new Date());
  const { theme, sources } = planCrawl(deps.config, request, now());
  // The signing key exists before the run can be seen: a worker that helps with it never races to create it.
  const pages = pageWorker(deps, now, Math.max(...sources.map((s) => s.crawl.concurrency)));
  let counts: RunCounts | null = null;
  let run: FrontierRun | undefined;
  try {
    const earlier = job ? await deps.frontier.runsOfJob(job.id) : [];
    const closed = await closedRun(deps.store, earlier);
    if (closed) return { ...closed, durationMs: Math.round(performance.now() - started) };
    const resumed = earlier.find((r) => !r.settled);
    run = resumed ?? await startRun(deps, request, theme, sources, job?.id ?? null, now);
    deps.log(resumed ? 'crawl.resume' : 'crawl.start', { run: run.runId, theme: theme.id, sources: sources.map((s) => s.id) });
    await workPages(pages.work, pages.tabs, run.runId, runDone(deps.frontier, run.runId));
    const ctx = await pages.work.context(run.runId);
    while (counts === null) {
      counts = await closeRun({ ...deps, ...pages.work }, ctx);
      if (counts === null && await deps.frontier.isSettled(run.runId)) counts = countsOf(await storedRun(deps.store, run));
      else if (counts === null && deps.stopping?.draining.aborted) await stop(deps, run);
      else if (counts === null) await sleep(CLOSING_POLL_MS);
    }
  } finally {
    await pages.close();
  }
  const summary = { run: run.runId, ...counts!, durationMs: Math.round(performance.now() - started) };
  deps.log('crawl.done', { ...summary });
  return summary;
}

/** What an idle worker does: works the pages of every open job run, and closes those it finds done;
 *  returns the runs it closed. */
export async function helpJobRuns(deps: CrawlDeps): Promise<FrontierRun[]> {
  const now = deps.now ?? (() => new Date());
  const pages = pageWorker(deps, now, Math.max(...[...deps.config.sources.values()].map((s) => s.crawl.concurrency)));
  const closed: FrontierRun[] = [];
  try {
    await workPages(pages.work, pages.tabs, undefined, jobRunsDone(deps.frontier));
    // A stopping worker closes no run: closing one is not work it holds, and may take a while.
    for (const run of deps.stopping?.draining.aborted ? [] : await deps.frontier.openJobRuns()) {
      if (await closeRun({ ...deps, ...pages.work }, await pages.work.context(run.runId))) closed.push(run);
    }
  } finally {
    await pages.close();
  }
  return closed;
}

/** Leaves a run this process cannot finish before it stops: a job's run waits for whichever worker
 *  takes the job or helps with its pages; a `baken crawl`'s run has no one else, and is given up:
 *  finished as abandoned with what is known. */
async function stop(deps: CrawlDeps, run: FrontierRun): Promise<never> {
  if (run.owner !== null) await giveUpRun(deps.frontier, deps.store, run.runId, (deps.now ?? (() => new Date()))());
  deps.log('crawl.stopped', { run: run.runId, handedBack: run.owner === null });
  throw new Stopped(`stopped on a signal before run ${run.runId} was done${run.owner === null ? '; its job goes back to the queue' : '; the run was given up'}`);
}

async function startRun(deps: CrawlDeps, request: CrawlRequest, theme: Theme, sources: Source[], jobId: string | null, now: () => Date): Promise<FrontierRun> {
  const runId = await deps.store.startRun({
    theme: theme.id, source: request.source ?? null, startedAt: now().toISOString(), softwareVersion: SOFTWARE_VERSION,
  });
  const run: FrontierRun = { runId, theme: theme.id, source: request.source ?? null, jobId, owner: jobId === null ? stagingOwner() : null };
  await deps.frontier.openRun(run, sources.map(listPage));
  return run;
}

/** A run of the job that another worker closed and that the job can end with: one that captured
 *  something, or had nothing to fail. A run the site was down for, or one given up when its workers
 *  were gone (it holds only part of the slot's crawl), is tried again with a new run. */
async function closedRun(store: Store, runs: readonly (FrontierRun & { settled: boolean })[]): Promise<(RunCounts & { run: string }) | null> {
  for (const run of runs.filter((r) => r.settled)) {
    const stored = await storedRun(store, run);
    const counts = countsOf(stored);
    if (!stored.abandoned && !capturedNothing(counts)) return { run: run.runId, ...counts };
  }
  return null;
}

/** A run that captured nothing because every page failed: its site was down; the job tries again later. */
export function capturedNothing(counts: RunCounts): boolean {
  return counts.captured === 0 && counts.failed > 0;
}

const countsOf = ({ captured, kept, deleted, failed }: StoredRun): RunCounts => ({ captured, kept, deleted, failed });

/** A run another worker closed, as stored. */
async function storedRun(store: Store, run: FrontierRun): Promise<StoredRun> {
  return (await store.runs(run.theme)).find((r) => r.id === run.runId)!;
}

/** The tabs of this process and the context of each run they meet, closed together. */
function pageWorker(deps: CrawlDeps, now: () => Date, tabs: number): { work: PageWork & { leaseMs: number }; tabs: number; close(): Promise<void> } {
  const key = loadOrCreateSigningKey(deps.dataDir);
  const contexts = new Map<string, Promise<RunContext>>();
  const context = (runId: string) => {
    let ctx = contexts.get(runId);
    if (!ctx) {
      ctx = (async () => {
        const run = await deps.frontier.run(runId);
        if (!run) throw new BakenError('NOT_FOUND', `no run ${runId} in the frontier`);
        return runContext({ ...deps, key, now }, run, tabs);
      })();
      contexts.set(runId, ctx);
    }
    return ctx;
  };
  const work = {
    frontier: deps.frontier, log: deps.log, now, worker: stagingOwner(), leaseMs: LEASE_MS, context,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}), ...(deps.stopping ? { stopping: deps.stopping } : {}),
  };
  return {
    work, tabs,
    close: async () => {
      await Promise.all([...contexts.values()].map((c) => c.then((ctx) => ctx.close()).catch(() => undefined)));
    },
  };
}
