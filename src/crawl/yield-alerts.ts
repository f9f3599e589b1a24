// At the end of a run: a source whose extractor yield dropped (src/analyse/extraction-yield.ts) gets
// a stored alert, so admins see it on the dashboard and in the metrics. Reads only the store, so it
// gives the same answer whichever worker finishes the run.
import { yieldDrop } from '../analyse/extraction-yield.ts';
import type { Config } from '../config/load.ts';
import type { HealthStore, SourceAlert } from '../store/store.ts';

export async function raiseYieldAlerts(store: HealthStore, config: Config, run: { id: string; theme: string }, at: Date): Promise<SourceAlert[]> {
  // Newest run first: what follows a run's row for the same source is that source's earlier runs.
  const yields = await store.extractionYields(run.theme);
  const raised: SourceAlert[] = [];
  for (const [i, current] of yields.entries()) {
    if (current.runId !== run.id) continue;
    const earlier = yields.slice(i + 1).filter((y) => y.source === current.source);
    const source = config.sources.get(current.source);
    const floor = source ? config.extractors.get(source.extractor)?.minYield : undefined;
    const drop = yieldDrop(current, earlier, floor);
    if (!drop) continue;
    const alert: SourceAlert = { theme: run.theme, source: current.source, runId: run.id, kind: 'yield-drop', ...drop, raisedAt: at.toISOString() };
    await store.raiseAlert(alert);
    raised.push(alert);
  }
  return raised;
}
