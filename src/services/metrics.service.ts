// Prometheus metrics for the operator's scraper. Crawls run in worker processes and the API in
// `baken serve`, so every figure is read from the store at scrape time, never counted in this
// process's memory: whichever process answers, the figures are the installation's. Counts only,
// labelled by theme, source and a bounded cause; never a URL or ad content.
import { Counter, Gauge, Registry } from 'prom-client';
import { sameSecret } from '../accounts/secrets.ts';
import { EXTRACTION_OUTCOMES, yieldOf } from '../analyse/extraction-yield.ts';
import { BakenError } from '../domain/errors.ts';
import { failureCause } from '../domain/failure-cause.ts';
import type { ServiceContext } from './context.ts';

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
/** Custody entries read per query while catching up with the log. */
const LOG_PAGE = 5000;

export class MetricsService {
  readonly #c: ServiceContext;
  readonly #registry = new Registry();
  readonly #pages: Counter;
  readonly #failures: Counter;
  readonly #decisions: Counter;
  readonly #staged: Gauge;
  readonly #purged: Counter;
  readonly #yield: Gauge;
  readonly #alert: Gauge;
  readonly #queued: Gauge;
  readonly #leased: Gauge;
  readonly #leaseAge: Gauge;
  /** Purges are read from the custody log, which only grows: each scrape reads what came since the last. */
  #logSeq = 0;
  readonly #purgedSoFar = new Map<string, number>();
  /** One scrape at a time: each resets and refills the same metrics. */
  #scraping: Promise<unknown> = Promise.resolve();

  constructor(context: ServiceContext) {
    this.#c = context;
    const registers = [this.#registry];
    this.#pages = new Counter({ name: 'baken_pages_captured_total', help: 'Ad pages captured, by what the extractor found on them (complete, partial, empty)', labelNames: ['theme', 'source', 'extraction'], registers });
    this.#failures = new Counter({ name: 'baken_page_failures_total', help: 'Pages that could not be captured, by cause', labelNames: ['theme', 'source', 'cause'], registers });
    this.#decisions = new Counter({ name: 'baken_gate_decisions_total', help: 'Captured ads kept or deleted by the minimisation gate, counted when their run finishes', labelNames: ['theme', 'decision'], registers });
    this.#staged = new Gauge({ name: 'baken_staged_ads', help: 'Ads waiting in staging for their run\'s cross-ad analysis', labelNames: ['theme'], registers });
    this.#purged = new Counter({ name: 'baken_purged_ads_total', help: 'Ads purged: at the end of their retention, or from staging after their run', labelNames: ['theme', 'reason'], registers });
    this.#yield = new Gauge({ name: 'baken_source_extraction_yield', help: 'Share of complete ad pages in the source\'s newest run that captured any', labelNames: ['theme', 'source'], registers });
    this.#alert = new Gauge({ name: 'baken_source_yield_alert', help: '1 when the source\'s newest run raised a yield alert (changed page structure?)', labelNames: ['theme', 'source'], registers });
    this.#queued = new Gauge({ name: 'baken_queue_queued', help: 'Pages of open crawl runs waiting in the frontier', registers });
    this.#leased = new Gauge({ name: 'baken_queue_leased', help: 'Pages of open crawl runs leased by a worker\'s tab', registers });
    this.#leaseAge = new Gauge({ name: 'baken_queue_oldest_lease_age_seconds', help: 'Age of the oldest page lease; 0 when nothing is leased', registers });
  }

  /** The metrics as Prometheus text, for a caller who sends the scrape token. */
  async scrape(bearer: string | null): Promise<string> {
    const token = this.#c.metricsToken;
    if (token === undefined) throw new BakenError('UNAUTHENTICATED', 'the metrics are off: start baken serve with BAKEN_METRICS_TOKEN set');
    if (bearer === null || !sameSecret(bearer, token)) throw new BakenError('UNAUTHENTICATED', 'send the scrape token as "Authorization: Bearer <BAKEN_METRICS_TOKEN>"');
    const scrape = this.#scraping.then(async () => { await this.#refresh(); return this.#registry.metrics(); });
    this.#scraping = scrape.catch(() => undefined);
    return scrape;
  }

  async #refresh(): Promise<void> {
    const { store } = this.#c;
    const themes = [...this.#c.config.current.themes.keys()];
    const [perTheme, staging, queue] = await Promise.all([
      Promise.all(themes.map(async (theme) => ({ theme, yields: await store.extractionYields(theme), failures: await store.failureCounts(theme), runs: await store.runs(theme), alerts: await store.alerts(theme) }))),
      store.stagingRuns(), this.#c.frontier.stats(this.#c.now()),
    ]);
    await this.#catchUpPurges();
    this.#registry.resetMetrics();
    for (const { theme, yields, failures, runs, alerts } of perTheme) {
      const newest = new Map<string, (typeof yields)[number]>();
      for (const y of yields) {
        for (const extraction of EXTRACTION_OUTCOMES) this.#pages.inc({ theme, source: y.source, extraction }, y[extraction]);
        if (!newest.has(y.source) && yieldOf(y) !== null) newest.set(y.source, y);
      }
      for (const [source, y] of newest) {
        this.#yield.set({ theme, source }, yieldOf(y)!);
        this.#alert.set({ theme, source }, alerts.some((a) => a.source === source && a.runId === y.runId) ? 1 : 0);
      }
      for (const f of failures) this.#failures.inc({ theme, source: f.source, cause: failureCause(f.reason) }, f.pages);
      const finished = runs.filter((r) => r.finishedAt !== null);
      this.#decisions.inc({ theme, decision: 'kept' }, finished.reduce((n, r) => n + r.kept, 0));
      this.#decisions.inc({ theme, decision: 'deleted' }, finished.reduce((n, r) => n + r.deleted, 0));
      this.#staged.set({ theme }, staging.filter((s) => s.theme === theme).reduce((n, s) => n + s.ads, 0));
    }
    for (const [key, n] of this.#purgedSoFar) {
      const [theme, reason] = key.split('\n') as [string, string];
      this.#purged.inc({ theme, reason }, n);
    }
    this.#queued.set(queue.queued);
    this.#leased.set(queue.leased);
    this.#leaseAge.set((queue.oldestLeaseAgeMs ?? 0) / 1000);
  }

  async #catchUpPurges(): Promise<void> {
    for (;;) {
      const entries = await this.#c.store.readLog('custody', { fromSeq: this.#logSeq + 1, limit: LOG_PAGE });
      for (const { seq, body } of entries) {
        this.#logSeq = seq;
        const theme = typeof body.theme === 'string' ? body.theme : '';
        if (body.action === 'purge' && Array.isArray(body.ads)) this.#addPurged(theme, 'retention', body.ads.length);
        else if (body.action === 'staging-purged' && typeof body.ads === 'number') this.#addPurged(theme, 'staging', body.ads);
      }
      if (entries.length < LOG_PAGE) return;
    }
  }

  #addPurged(theme: string, reason: string, n: number): void {
    const key = `${theme}\n${reason}`;
    this.#purgedSoFar.set(key, (this.#purgedSoFar.get(key) ?? 0) + n);
  }
}
