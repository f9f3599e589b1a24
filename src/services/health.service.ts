// Health: whether this process can reach its store (for load balancers and orchestrators, no sign-in,
// no data), and for admins the health of each source of their themes: when it last yielded ads, how
// many of its pages failed, what share of its ad pages the extractor still understands, and whether
// its latest run raised a yield alert.
import type { Who } from '../accounts/actor.ts';
import { usualYield, yieldOf } from '../analyse/extraction-yield.ts';
import { BakenError } from '../domain/errors.ts';
import type { SourceAlert, StoredRun } from '../store/store.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { themesFor, type ServiceContext } from './context.ts';

export interface Liveness { status: 'ok'; version: string; store: 'ok' }

/** How many of a source's newest finished runs its failure rate is taken over. */
export const HEALTH_RUNS = 10;

export interface SourceHealth {
  theme: string;
  source: string;
  name: string;
  /** When the newest run that crawled the source started. */
  lastRun: string | null;
  /** When the newest finished run that captured at least one of its ad pages finished. */
  lastSuccess: string | null;
  /** Over its newest HEALTH_RUNS finished runs: the ad pages captured and failed. */
  runs: number;
  captured: number;
  failed: number;
  /** How many of those runs were given up because their owner was gone (a killed crawl, a job whose
   *  workers all died): their counts are what was known then. */
  abandoned: number;
  /** failed / (captured + failed); null when nothing was tried. */
  failureRate: number | null;
  /** The share of complete ad pages in its newest run that captured any, and in the runs before. */
  yield: number | null;
  usualYield: number | null;
  /** The yield alert of that newest run; null when it raised none. */
  alert: SourceAlert | null;
}


export class HealthService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** Refuses with STORE_UNAVAILABLE (503) when the store does not answer. */
  async liveness(): Promise<Liveness> {
    try {
      await this.#c.store.readLog('custody', { limit: 1 });
    } catch (cause) {
      throw new BakenError('STORE_UNAVAILABLE', 'the store does not answer', { cause });
    }
    return { status: 'ok', version: SOFTWARE_VERSION, store: 'ok' };
  }

  async sources(who: Who, q: { theme?: string }): Promise<SourceHealth[]> {
    const themes = themesFor(who, 'health.read', this.#c.config.current, q.theme);
    const result: SourceHealth[] = [];
    for (const theme of themes) result.push(...await this.#theme(theme));
    await this.#c.trail.record(who, 'health.read', { themes, resources: result.map((s) => `sources/${s.source}`), query: q, count: result.length });
    return result;
  }

  async #theme(theme: string): Promise<SourceHealth[]> {
    const { store, config } = this.#c;
    const [runs, yields, failures, alerts] = await Promise.all([store.runs(theme), store.extractionYields(theme), store.failureCounts(theme), store.alerts(theme)]);
    const sources = [...config.current.sources.values()].filter((s) => s.theme === theme).sort((a, b) => a.id.localeCompare(b.id));
    return sources.map((source) => {
      // A run without a source crawled every source of its theme.
      const crawled = runs.filter((r) => r.source === null || r.source === source.id);
      const mine = yields.filter((y) => y.source === source.id);
      const captured = (run: StoredRun) => {
        const row = mine.find((y) => y.runId === run.id);
        return row ? row.complete + row.partial + row.empty : run.source === source.id ? run.captured : 0;
      };
      const failed = (run: StoredRun) => failures.filter((f) => f.runId === run.id && f.source === source.id).reduce((n, f) => n + f.pages, 0);
      const finished = crawled.filter((r) => r.finishedAt !== null).slice(0, HEALTH_RUNS);
      const totals = finished.reduce((t, r) => ({ captured: t.captured + captured(r), failed: t.failed + failed(r) }), { captured: 0, failed: 0 });
      const tried = totals.captured + totals.failed;
      const [newest, ...earlier] = mine.filter((y) => yieldOf(y) !== null);
      return {
        theme, source: source.id, name: source.name,
        lastRun: crawled[0]?.startedAt ?? null,
        lastSuccess: finished.find((r) => captured(r) > 0)?.finishedAt ?? null,
        runs: finished.length, ...totals, abandoned: finished.filter((r) => r.abandoned).length, failureRate: tried === 0 ? null : totals.failed / tried,
        yield: newest ? yieldOf(newest) : null,
        usualYield: usualYield(earlier),
        alert: (newest && alerts.find((a) => a.source === source.id && a.runId === newest.runId)) ?? null,
      };
    });
  }
}
