// Collection and erasure as use cases: a crawl of a theme and its retention purge, each authorised
// for the caller's themes and audited (Directive 2016/680 art. 25 logs collection and erasure). The
// housekeeping a crash may have left undone runs here, where collection starts, and nowhere else.
import type { Who } from '../accounts/actor.ts';
import type { CaptureBrowser } from '../capture/capture-session.ts';
import { planCrawl, type CrawlRequest } from '../crawl/plan-crawl.ts';
import { helpJobRuns, runCrawl, type CrawlSummary } from '../crawl/run-crawl.ts';
import { Stopped, type Stopping } from '../crawl/stopping.ts';
import { BakenError } from '../domain/errors.ts';
import type { Log } from '../log.ts';
import { purgeTheme } from '../retention/purge-expired.ts';
import { abandonDeadRuns, purgeAbandonedStaging, sweepOrphanBlobs } from '../retention/housekeeping.ts';
import { themesFor, type ServiceContext } from './context.ts';
import { refreshInspectionLists } from './inspection-refresh.ts';
import { StandingSearchService } from './standing-searches.service.ts';

export interface CrawlOptions {
  launchBrowser(): Promise<CaptureBrowser>;
  log: Log;
  onProgress?: (p: { source: string; done: number; total: number }) => void;
  /** The scheduled job the crawl runs for: a job taken over from a dead worker resumes its run. */
  job?: { id: string };
  /** A process asked to stop: the crawl finishes or hands back what it holds, then closes its browser. */
  stopping?: Stopping;
}

export interface PurgeSummary { purged: number; captures: number; files: number; held: number; swept: number }

export class CollectionService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** Where a run ends, the ads new in it reach the standing searches of its theme. */
  readonly #afterRun = (run: { runId: string; theme: string }) => new StandingSearchService(this.#c).recordRunHits(run);

  async crawl(who: Who, request: CrawlRequest, options: CrawlOptions): Promise<CrawlSummary> {
    const config = this.#c.config.current;
    // Refused (unknown theme or source, outside the purpose period) before a browser starts.
    planCrawl(config, request, this.#c.now());
    themesFor(who, 'crawl.run', config, request.theme);
    await this.tidyUp();
    const browser = await options.launchBrowser();
    let summary: CrawlSummary;
    try {
      summary = await runCrawl({ ...this.#c, config, browser, log: options.log, now: this.#c.now, onProgress: options.onProgress, stopping: options.stopping, afterRun: this.#afterRun }, request, options.job);
    } catch (e) {
      // A crawl that broke off has still collected: the trail says so, with why it stopped.
      await this.#c.trail.record(who, 'crawl.run', {
        themes: [request.theme], query: { source: request.source }, outcome: e instanceof BakenError ? e.code : e instanceof Stopped ? 'STOPPED' : 'INTERNAL',
      });
      throw e;
    } finally {
      await browser.close();
    }
    const { run, ...counts } = summary;
    await this.#c.trail.record(who, 'crawl.run', {
      themes: [request.theme], resources: [run], query: { source: request.source, ...counts }, count: summary.kept,
    });
    await refreshInspectionLists(this.#c, request.theme);
    return summary;
  }

  /** What an idle worker does: works the pages of the scheduled crawls other workers run, and closes
   *  the runs it finds done. Every such run's theme must be the caller's; each run closed here is
   *  audited as a crawl. Returns the runs closed. */
  async helpCrawls(who: Who, options: Omit<CrawlOptions, 'job' | 'onProgress'>): Promise<string[]> {
    const config = this.#c.config.current;
    const open = await this.#c.frontier.openJobRuns();
    if (open.length === 0 || options.stopping?.draining.aborted) return [];
    for (const run of open) themesFor(who, 'crawl.run', config, run.theme);
    const browser = await options.launchBrowser();
    let closed;
    try {
      closed = await helpJobRuns({ ...this.#c, config, browser, log: options.log, now: this.#c.now, stopping: options.stopping, afterRun: this.#afterRun });
    } finally {
      await browser.close();
    }
    for (const run of closed) {
      await this.#c.trail.record(who, 'crawl.run', { themes: [run.theme], resources: [run.runId], query: { source: run.source ?? undefined } });
      await refreshInspectionLists(this.#c, run.theme);
    }
    return closed.map((r) => r.runId);
  }

  /** Each theme's (or the named theme's) retention purge; erasure is audited with counts, never content. */
  async purge(who: Who, theme?: string): Promise<PurgeSummary> {
    const config = this.#c.config.current;
    if (theme !== undefined && !config.themes.has(theme)) throw new BakenError('THEME_UNKNOWN', `no theme "${theme}" in ${config.dir}/themes`);
    const themes = themesFor(who, 'retention.purge', config, theme);
    // A worker runs for weeks: the files an earlier purge spared for a crawl in flight (purgeTheme)
    // that then named none of them go here, not only when a crawl next starts.
    const { files: swept } = await this.tidyUp();
    const total: PurgeSummary = { purged: 0, captures: 0, files: 0, held: 0, swept };
    const now = this.#c.now();
    for (const id of themes) {
      const r = await purgeTheme(this.#c, config.themes.get(id)!, now);
      await this.#c.trail.record(who, 'retention.purge', {
        themes: [id], count: r.ads, query: { captures: r.captures, files: r.blobs.length, held: r.held },
      });
      total.purged += r.ads;
      total.captures += r.captures;
      total.files += r.blobs.length;
      total.held += r.held;
    }
    return total;
  }

  /** What a crash may have left: runs whose owner is gone (their staged ads, their frontier pages),
   *  staged ads of dead or expired runs (DESIGN §2.3) and files no row names. */
  async tidyUp(): Promise<{ staged: number; files: number; runs: number; pages: number }> {
    const abandoned = await this.abandonDeadRuns();
    return {
      staged: abandoned.staged + await purgeAbandonedStaging(this.#c.store), files: await sweepOrphanBlobs(this.#c.store, this.#c.blobs),
      runs: abandoned.runs, pages: abandoned.pages,
    };
  }

  /** Gives up the runs whose owner is gone, on any host: what a worker does now and then, not only
   *  at start-up, so that a run killed elsewhere does not stay open with its staged ads. */
  abandonDeadRuns(): Promise<{ runs: number; pages: number; staged: number }> {
    return abandonDeadRuns(this.#c.frontier, this.#c.store, this.#c.now());
  }
}
