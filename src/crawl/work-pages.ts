// A worker's share of the crawling: each tab leases a page from the frontier, captures it, sends an
// ad through the minimisation gate (or turns list work into the ads it found) and completes it, until
// no page is left to lease. A page is held under a lease the tab renews; a page that fails in a way
// worth retrying goes back to the frontier with a back-off, for whichever tab or worker comes next.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Source } from '../config/schema.ts';
import { PageFailure } from '../capture/capture-page.ts';
import type { CaptureSession } from '../capture/capture-session.ts';
import type { AdFields } from '../domain/ad.ts';
import { BakenError, errorSummary } from '../domain/errors.ts';
import { urlRef, type Log } from '../log.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import type { Frontier, FrontierRun, LeasedPage, NewPage, PageDone } from './frontier.ts';
import { judge, keepOrDelete, type Judgement } from './keep-or-delete.ts';
import type { RunContext } from './run-context.ts';
import type { Stopping } from './stopping.ts';

export interface PageWork {
  frontier: Frontier;
  log: Log;
  now: () => Date;
  /** This worker's name in the frontier: host and process. */
  worker: string;
  leaseMs: number;
  /** The run's context, built once per run this worker meets. */
  context(run: string): Promise<RunContext>;
  onProgress?: (p: { source: string; done: number; total: number }) => void;
  /** A process asked to stop leases no more pages, and hands back those in hand after its grace period. */
  stopping?: Stopping;
}

// A tab with nothing to lease looks again this soon: a host's next slot, a retry's back-off or
// another worker's list work may free a page at any moment.
const IDLE_MS = 25;
const BACKOFF_MS = 500;

/** Works pages of `run` (or, without one, of any job run) in `tabs` tabs until `done()` says no more
 *  will come, or the process is stopping and the pages in hand are finished or handed back. An error that is not a page's own (the store refused a write, a configuration without
 *  the run's source) stops every tab and is thrown; the pages in hand go to others when their leases end. */
export async function workPages(work: PageWork, tabs: number, run: string | undefined, done: () => Promise<boolean>): Promise<void> {
  const progress = new Map<string, { done: number; total: number }>();
  let broken: { error: unknown } | undefined;
  const loop = async (tab: number) => {
    while (!broken && !work.stopping?.draining.aborted) {
      try {
        const page = await work.frontier.lease(work.worker, work.now(), work.leaseMs, run);
        if (page) await workPage(work, page, tab, progress);
        else if (await done()) return;
        else await sleep(IDLE_MS);
      } catch (error) {
        broken ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: tabs }, (_, tab) => loop(tab)));
  if (broken) throw broken.error;
}

/** True once none of the run's pages is pending or leased. */
export function runDone(frontier: Frontier, run: string): () => Promise<boolean> {
  return async () => (await frontier.unfinished(run)) === 0;
}

/** True once no job run has a page pending or leased. */
export function jobRunsDone(frontier: Frontier): () => Promise<boolean> {
  return async () => {
    for (const r of await frontier.openJobRuns()) if (await frontier.unfinished(r.runId) > 0) return false;
    return true;
  };
}

async function workPage(work: PageWork, page: LeasedPage, tab: number, progress: Map<string, { done: number; total: number }>): Promise<void> {
  // Renewed from the start: opening a run's browser session may take longer than a lease.
  const renew = setInterval(() => void work.frontier.renew(page, work.worker, work.now(), work.leaseMs).catch(() => undefined), work.leaseMs / 3);
  try {
    const handled = handle(work, page, tab, progress);
    if (await handedBack(work, handled)) await work.frontier.release(page, work.worker);
  } finally {
    clearInterval(renew);
  }
}

/** True when the grace period of a stopping process ended before the page was done: whatever the
 *  page's work does after that is refused by the frontier (the page is no longer this worker's). */
async function handedBack(work: PageWork, handled: Promise<void>): Promise<boolean> {
  const handBack = work.stopping?.handBack;
  if (!handBack) {
    await handled;
    return false;
  }
  let onAbort = () => {};
  const ended = new Promise<true>((resolve) => {
    onAbort = () => resolve(true);
    if (handBack.aborted) resolve(true);
    else handBack.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([handled.then(() => false as const), ended]);
    if (outcome) handled.catch(() => undefined);
    return outcome;
  } finally {
    handBack.removeEventListener('abort', onAbort);
  }
}

async function handle(work: PageWork, page: LeasedPage, tab: number, progress: Map<string, { done: number; total: number }>): Promise<void> {
  const ctx = await work.context(page.runId);
  const source = ctx.sources.get(page.source);
  if (!source) throw new BakenError('CONFIG_INVALID', `run ${page.runId} crawls source "${page.source}", which this worker's configuration does not give theme "${ctx.theme.id}"`);
  const session = await ctx.session(source.id);
  try {
    const done = page.kind === 'list' ? await listWork(work, ctx.run, source, session) : await adWork(ctx, source, session, page, tab);
    if (!await work.frontier.complete(page, work.worker, done)) return;
    if (done.outcome === 'listed') {
      progress.set(source.id, { done: 0, total: done.found.length });
      return;
    }
    const p = progress.get(source.id) ?? { done: 0, total: 0 };
    p.done++;
    p.total = Math.max(p.total, p.done);
    progress.set(source.id, p);
    work.onProgress?.({ source: source.id, ...p });
  } catch (e) {
    // Handed back when the grace period ended: the page is another worker's now, and its failure
    // (the browser closing under it) is not the page's.
    if (work.stopping?.handBack.aborted) return;
    const reason = session.refusal(page.url) ?? errorSummary(e);
    const rejected = e instanceof BakenError && e.code === 'STORE_REJECTED';
    const retryable = !rejected && e instanceof PageFailure && e.retryable && page.attempts <= source.crawl.retries;
    const retryAt = retryable ? new Date(work.now().getTime() + BACKOFF_MS * 2 ** (page.attempts - 1)) : null;
    await work.frontier.fail(page, work.worker, reason, retryAt);
    work.log(retryAt ? 'crawl.retry' : 'crawl.failed', { run: page.runId, source: page.source, url: urlRef(page.url), reason, attempts: page.attempts });
    if (rejected) throw e;
  }
}

async function listWork(work: PageWork, run: FrontierRun, source: Source, session: CaptureSession): Promise<PageDone> {
  const discovery = await session.discover(source);
  work.log('crawl.discovered', { run: run.runId, source: source.id, ads: discovery.adUrls.length });
  return { outcome: 'listed', found: discovery.adUrls.map((url) => adPage(source, url)), complete: discovery.complete };
}

async function adWork(ctx: RunContext, source: Source, session: CaptureSession, page: LeasedPage, tab: number): Promise<PageDone> {
  const gate = ctx.gates.get(source.id)!;
  let judged: Judgement | undefined;
  const capture = await session.capture(tab, page.url, {
    timeoutMs: source.crawl.timeoutMs, maxPageBytes: source.crawl.maxPageBytes, screenshot: gate.policy.screenshot,
    ready: gate.extractor.ready, softwareVersion: SOFTWARE_VERSION,
    screenshotIf: (html, url) => (judged = judge(gate, html, url)).decision !== 'delete',
  });
  const market: AdFields[] = [];
  const outcome = await keepOrDelete(gate, capture, market, judged);
  return { outcome, market: market[0] ?? {} };
}

export function listPage(source: Source): NewPage {
  return { source: source.id, url: source.start, kind: 'list', delayMs: source.crawl.delayMs, maxAttempts: source.crawl.retries + 1 };
}

function adPage(source: Source, url: string): NewPage {
  return { source: source.id, url, kind: 'ad', delayMs: source.crawl.delayMs, maxAttempts: source.crawl.retries + 1 };
}
