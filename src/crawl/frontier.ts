// The frontier: the pages of open crawl runs, which the tabs of every worker lease one at a time. A
// page is a source's list work or one ad. Politeness lives here too: a lease books the next slot of
// the page's host in the same transaction, so no two workers (or machines) visit a host closer
// together than its source's delay. The embedded default keeps it in SQLite
// (src/store/sqlite/frontier.sqlite.ts), at scale in PostgreSQL (src/store/postgres/frontier.postgres.ts).
//
// A source's list work is one page, not one per list page: an infinite-scroll list has no second
// URL to hand to another worker, a paginated one names its next page only once the previous one is
// open, and an age or consent gate passed on the first list page holds only in that browser context.
import type { AdFields } from '../domain/ad.ts';

export type PageKind = 'list' | 'ad';
export type AdOutcome = 'kept' | 'deleted' | 'staged';

export interface NewPage {
  source: string;
  url: string;
  kind: PageKind;
  /** The source's politeness delay: the host's next slot is this long after a lease. */
  delayMs: number;
  /** Leases a page may have, the first included, before it is recorded failed. */
  maxAttempts: number;
}

export interface FrontierRun {
  runId: string;
  theme: string;
  /** The crawl request's source; null: every source of the theme. */
  source: string | null;
  /** The scheduled job the run belongs to, which resumes it when taken over; null for `baken crawl`. */
  jobId: string | null;
  /** "host:pid" of the process a run without a job belongs to; any worker may work a job's run. */
  owner: string | null;
}

export interface LeasedPage { runId: string; source: string; url: string; kind: PageKind; attempts: number }

/** An ad's outcome at the gate and, for the run's price market, its city and prices (never text);
 *  or list work's ads and whether the listing really ended (only then may unlisted ads be gone). */
export type PageDone =
  | { outcome: AdOutcome; market: AdFields }
  | { outcome: 'listed'; found: NewPage[]; complete: boolean };

export interface PageFailed { source: string; url: string; cause: string; attempts: number }

/** What the settle step needs of a run whose pages are all done. */
export interface RunResults {
  outcomes: Record<AdOutcome, number>;
  failures: PageFailed[];
  market: AdFields[];
  /** Each source's complete listing: the ads it listed. Sources whose listing was cut short are absent. */
  listings: { source: string; adUrls: string[] }[];
}

export interface FrontierStats { queued: number; leased: number; oldestLeaseAgeMs: number | null }

export const LEASE_EXPIRED = 'its worker stopped answering (lease expired)';

export interface Frontier {
  /** Registers the run and its first pages; a run already open (a job resumed) keeps what it has. */
  openRun(run: FrontierRun, seeds: NewPage[]): Promise<void>;
  run(runId: string): Promise<FrontierRun | null>;
  /** The runs of a job: a worker taking the job over resumes its open run, or ends with the counts
   *  of the run another worker closed, instead of starting a second run for the job's slot. */
  runsOfJob(jobId: string): Promise<(FrontierRun & { settled: boolean })[]>;
  /** Job runs not yet settled: what idle workers help with. */
  openJobRuns(): Promise<FrontierRun[]>;
  /** Every run not yet settled, `baken crawl`'s included. */
  openRuns(): Promise<FrontierRun[]>;
  /** Gives up a run whose process died (a `baken crawl` killed): its pages are forgotten, as a
   *  settled run's are, and it counts as settled; returns how many pages were left. */
  abandon(runId: string): Promise<number>;
  /** One page (of `runId`, or of any job run) whose host may be visited now, its host's next slot
   *  booked. A page whose lease expired is leased again; one that used all its attempts that way
   *  is recorded failed. */
  lease(worker: string, now: Date, leaseMs: number, runId?: string): Promise<LeasedPage | null>;
  /** Extends the lease of a page in hand; false when the worker no longer holds it. */
  renew(page: LeasedPage, worker: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Stores the outcome; false (and nothing stored) when the worker no longer holds the page. */
  complete(page: LeasedPage, worker: string, done: PageDone): Promise<boolean>;
  /** Back to the queue from `retryAt`, or recorded failed when the page used its attempts or
   *  `retryAt` is null. */
  fail(page: LeasedPage, worker: string, cause: string, retryAt: Date | null): Promise<void>;
  /** Hands a page in hand back to the queue as if it had not been leased (a worker stopping): the
   *  lease does not count as an attempt. */
  release(page: LeasedPage, worker: string): Promise<void>;
  /** When a worker last showed it was working the run (a lease taken or renewed, a claim to settle
   *  it), in ms since the epoch; null before its first lease. Its owner is gone when this is long past. */
  lastActivity(runId: string): Promise<number | null>;
  /** Pages of the run still pending or leased. */
  unfinished(runId: string): Promise<number>;
  /** The right to settle a run none of whose pages is unfinished, for `leaseMs`: true for exactly
   *  one worker at a time; taken over once that lease expires. */
  claimSettle(runId: string, worker: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Marks the run settled and forgets its pages: the URLs and market figures of its deleted ads
   *  must not outlive the run (only the counts in its row remain). */
  settled(runId: string, worker: string): Promise<void>;
  isSettled(runId: string): Promise<boolean>;
  results(runId: string): Promise<RunResults>;
  stats(now: Date): Promise<FrontierStats>;
  close(): Promise<void>;
}

/** The host whose politeness a page's visit uses. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

export interface ResultRow {
  source: string; url: string; kind: LeasedPage['kind']; state: string; attempts: number; outcome: string | null;
  market: string | AdFields | null; complete: number | boolean | null; cause: string | null;
}

/** The settle step's view of a run's pages, as both adapters read them. */
export function resultsOf(rows: readonly ResultRow[]): RunResults {
  const outcomes: Record<AdOutcome, number> = { kept: 0, deleted: 0, staged: 0 };
  const results: RunResults = { outcomes, failures: [], market: [], listings: [] };
  const complete = new Set(rows.filter((r) => r.outcome === 'listed' && Boolean(r.complete)).map((r) => r.source));
  const listed = new Map<string, string[]>([...complete].map((s) => [s, []]));
  for (const r of rows) {
    if (r.state === 'failed') results.failures.push({ source: r.source, url: r.url, cause: r.cause ?? 'failed', attempts: r.attempts });
    if (r.kind === 'ad') listed.get(r.source)?.push(r.url);
    if (r.state !== 'done' || r.kind !== 'ad') continue;
    outcomes[r.outcome as AdOutcome]++;
    if (r.market !== null) results.market.push(typeof r.market === 'string' ? JSON.parse(r.market) as AdFields : r.market);
  }
  results.listings = [...listed].map(([source, adUrls]) => ({ source, adUrls }));
  return results;
}
