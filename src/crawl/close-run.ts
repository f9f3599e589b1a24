// The end of a run once none of its pages is pending or leased: exactly one worker wins the claim
// to close it (a lease, taken over if that worker dies), records the pages that failed, marks gone
// the ads of complete listings that were not listed, judges the staging and finishes the run with
// counts taken from the pages' outcomes, wherever they were worked; then the application's own step
// (the standing searches' hits).
import type { Config } from '../config/load.ts';
import type { Log } from '../log.ts';
import type { RunCounts, Store } from '../store/store.ts';
import type { Frontier } from './frontier.ts';
import type { RunContext } from './run-context.ts';
import { settleRun } from './settle-run.ts';
import { raiseYieldAlerts } from './yield-alerts.ts';

export interface CloseDeps {
  frontier: Frontier; store: Store; config: Config; log: Log; now: () => Date; worker: string; leaseMs: number;
  /** What the application does once the run's ads are final (standing searches); before the run is
   *  marked settled, so a worker taking over a dead one's claim does it again — it must be idempotent. */
  afterRun?: (run: { runId: string; theme: string }) => Promise<unknown>;
}

/** The run's counts when this worker closed it; null when it is not done, or another worker holds
 *  the claim or has closed it already. */
export async function closeRun(deps: CloseDeps, ctx: RunContext): Promise<RunCounts | null> {
  const { runId } = ctx.run;
  const claim = () => deps.frontier.claimSettle(runId, deps.worker, deps.now(), deps.leaseMs);
  if (!await claim()) return null;
  const renew = setInterval(() => void claim().catch(() => undefined), deps.leaseMs / 3);
  try {
    const results = await deps.frontier.results(runId);
    // A worker that died while closing may have recorded some of them already.
    const recorded = new Set((await deps.store.failures(runId)).map((f) => f.url));
    for (const f of results.failures.filter((x) => !recorded.has(x.url))) {
      await deps.store.recordFailure(runId, { source: f.source, url: f.url, reason: f.cause, attempts: f.attempts });
    }
    for (const { source, adUrls } of results.listings) await deps.store.markGone(runId, ctx.theme.id, source, adUrls, deps.now().toISOString());
    const settled = await settleRun({ runId, theme: ctx.theme.id, profile: ctx.profile, store: deps.store, gates: ctx.gates, market: results.market, now: deps.now });
    const { kept, deleted, staged } = results.outcomes;
    // Staged ads not kept at the end were deleted, whether the settle step or an expired window did it.
    const counts: RunCounts = { captured: kept + deleted + staged, kept: kept + settled.kept, deleted: deleted + staged - settled.kept, failed: results.failures.length };
    await deps.store.finishRun(runId, counts, deps.now().toISOString());
    for (const alert of await raiseYieldAlerts(deps.store, deps.config, { id: runId, theme: ctx.theme.id }, deps.now())) {
      deps.log('crawl.yield-drop', { run: runId, source: alert.source, yield: alert.yield, baseline: alert.baseline });
    }
    await deps.afterRun?.({ runId, theme: ctx.theme.id });
    await deps.frontier.settled(runId, deps.worker);
    return counts;
  } finally {
    clearInterval(renew);
  }
}
