// Counts over time per theme, source and day, from the runs table: what the crawler captured, kept
// and deleted at once. Supervisors see small counts suppressed (municipal mode, DESIGN §2a.8).
import type { Who } from '../accounts/actor.ts';
import type { ServiceContext } from './context.ts';
import { themesFor } from './context.ts';

const COUNTS = ['captured', 'kept', 'deleted', 'failed'] as const;
type Counts = Record<(typeof COUNTS)[number], number | null>;

export interface StatsRow extends Counts { theme: string; source: string | null; day: string; runs: number }
export interface Stats { rows: StatsRow[]; totals: (Counts & { theme: string })[]; suppressedBelow: number | null }

export class StatsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async stats(who: Who, q: { theme?: string; from?: string; to?: string }): Promise<Stats> {
    const themes = themesFor(who, 'stats.read', this.#c.config.current, q.theme);
    const rows = new Map<string, StatsRow>();
    const totals = new Map<string, Counts & { theme: string }>();
    for (const theme of themes) {
      totals.set(theme, { theme, captured: 0, kept: 0, deleted: 0, failed: 0 });
      for (const run of await this.#c.store.runs(theme)) {
        const day = run.startedAt.slice(0, 10);
        if ((q.from !== undefined && day < q.from) || (q.to !== undefined && day > q.to)) continue;
        const key = `${theme}\n${run.source ?? ''}\n${day}`;
        const row = rows.get(key) ?? { theme, source: run.source, day, runs: 0, captured: 0, kept: 0, deleted: 0, failed: 0 };
        row.runs++;
        const total = totals.get(theme)!;
        for (const c of COUNTS) { row[c]! += run[c]; total[c]! += run[c]; }
        rows.set(key, row);
      }
    }
    const minCount = who.actor.role === 'supervisor' ? this.#c.settings.municipal.minCount : null;
    const sorted = [...rows.values()].sort((a, b) => a.theme.localeCompare(b.theme) || a.day.localeCompare(b.day) || (a.source ?? '').localeCompare(b.source ?? ''));
    const result: Stats = {
      rows: sorted.map((r) => suppress(r, minCount)),
      totals: [...totals.values()].map((t) => suppress(t, minCount)),
      suppressedBelow: minCount,
    };
    await this.#c.trail.record(who, 'stats.read', { themes, query: q, count: result.rows.length });
    return result;
  }
}

/** A count of 1 to minCount − 1 becomes null: small numbers could point at one person. 0 stays 0. */
function suppress<T extends Counts>(row: T, minCount: number | null): T {
  if (minCount === null) return row;
  const out = { ...row };
  for (const c of COUNTS) if (out[c] !== null && out[c]! > 0 && out[c]! < minCount) out[c] = null;
  return out;
}
