// Counts per theme and source for one calendar month, from the runs table: what the crawler captured,
// kept and deleted at once. Supervisors see small counts suppressed (municipal mode, DESIGN §2a.8).
// Figures come only per whole calendar month, so two answers are about the same period or disjoint
// ones: overlapping periods could be subtracted to give back a small count one of them hid.
import type { Who } from '../accounts/actor.ts';
import { BakenError } from '../domain/errors.ts';
import { suppressedCells, type SumRule } from '../domain/suppression.ts';
import { monthStart } from '../reports/transparency-period.ts';
import type { ServiceContext } from './context.ts';
import { themesFor } from './context.ts';

const COUNTS = ['captured', 'kept', 'deleted', 'failed'] as const;
type Counts = Record<(typeof COUNTS)[number], number | null>;

export interface StatsRow extends Counts { theme: string; source: string | null; runs: number }
export interface Stats { month: string; rows: StatsRow[]; totals: (Counts & { theme: string })[]; suppressedBelow: number | null }

export class StatsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** `month` is YYYY-MM (validated at the edge). */
  async stats(who: Who, q: { theme?: string; month: string }): Promise<Stats> {
    const themes = themesFor(who, 'stats.read', this.#c.config.current, q.theme);
    const minCount = who.actor.role === 'supervisor' ? this.#c.settings.municipal.minCount : null;
    // A month still running changes as runs finish: two answers a day apart would give that day's
    // small counts. A finished run's counts never change, so an ended month's answer never does.
    if (minCount !== null && monthStart(q.month, 1) > this.#c.now().toISOString()) {
      throw new BakenError('INPUT_INVALID', `month ${q.month} has not ended yet; suppressed figures are given only for ended months`);
    }
    const result: Stats = { month: q.month, rows: [], totals: [], suppressedBelow: minCount };
    for (const theme of themes) {
      const bySource = new Map<string, StatsRow>();
      const total: Counts & { theme: string } = { theme, captured: 0, kept: 0, deleted: 0, failed: 0 };
      for (const run of await this.#c.store.runs(theme)) {
        // By the month the run finished in: its counts are written then, once.
        if (run.finishedAt === null || run.finishedAt.slice(0, 7) !== q.month) continue;
        const row = bySource.get(run.source ?? '') ?? { theme, source: run.source, runs: 0, captured: 0, kept: 0, deleted: 0, failed: 0 };
        row.runs++;
        for (const c of COUNTS) { row[c]! += run[c]; total[c]! += run[c]; }
        bySource.set(run.source ?? '', row);
      }
      const rows = [...bySource.values()].sort((a, b) => (a.source ?? '').localeCompare(b.source ?? ''));
      if (minCount !== null) suppress(rows, total, minCount);
      result.rows.push(...rows);
      result.totals.push(total);
    }
    await this.#c.trail.record(who, 'stats.read', { themes, query: q, count: result.rows.length });
    return result;
  }
}

/**
 * Hides small counts in one theme's table and whatever else would give them back: each count's
 * column adds up to the theme's total, and captured = kept + deleted in every row and in the total.
 */
function suppress(rows: StatsRow[], total: Counts, minCount: number): void {
  const lines: Counts[] = [...rows, total];
  const at = (line: number, c: (typeof COUNTS)[number]) => line * COUNTS.length + COUNTS.indexOf(c);
  const last = rows.length;
  const rules: SumRule[] = [
    ...lines.map((_, line) => ({ total: at(line, 'captured'), parts: [at(line, 'kept'), at(line, 'deleted')] })),
    ...COUNTS.map((c) => ({ total: at(last, c), parts: rows.map((_, line) => at(line, c)) })),
  ];
  const hidden = suppressedCells(lines.flatMap((l) => COUNTS.map((c) => l[c]!)), rules, minCount);
  lines.forEach((l, line) => { for (const c of COUNTS) if (hidden[at(line, c)]) l[c] = null; });
}
