// Small counts in the monitor's figures hidden for supervisors (DESIGN §2a.8), with whatever would
// give them back: each row's licensed + unlicensed + unknown = active, each municipality's platforms
// add up to its active ads, municipalities add up to their province and provinces to the totals.
import { suppressedCells, type SumRule } from '../domain/suppression.ts';
import { COUNT_NAMES, type Counts, type MonitorFigures, type WeekFigures } from './figures.ts';

/** One table of cells: a getter and setter per cell, and the sums that tie them. */
class Table {
  readonly #cells: { get(): number | null; set(v: null): void }[] = [];
  readonly rules: SumRule[] = [];

  cell(row: Record<string, number | null>, key: string): number {
    this.#cells.push({ get: () => row[key] ?? null, set: () => { row[key] = null; } });
    return this.#cells.length - 1;
  }

  /** A count another answer already publishes (or hides): hidden here when it is hidden there, and
   *  never the one chosen to hide, since hiding it here would not take it back. */
  published(value: number | null): number {
    this.#cells.push({ get: () => (value === null ? null : Number.MAX_SAFE_INTEGER), set: () => {} });
    return this.#cells.length - 1;
  }

  /** The row's cells by count name, with licensed + unlicensed + unknown = active. */
  counts(row: Counts): Record<(typeof COUNT_NAMES)[number], number> {
    const at = Object.fromEntries(COUNT_NAMES.map((c) => [c, this.cell(row, c)])) as Record<(typeof COUNT_NAMES)[number], number>;
    this.rules.push({ total: at.active, parts: [at.licensed, at.unlicensed, at.unknown] });
    return at;
  }

  suppress(minCount: number): void {
    const hidden = suppressedCells(this.#cells.map((c) => c.get() ?? 0), this.rules, minCount);
    this.#cells.forEach((c, i) => { if (hidden[i]) c.set(null); });
  }
}

export function suppressMonitor(figures: MonitorFigures, minCount: number): void {
  const table = new Table();
  const totals = table.counts(figures.totals);
  const provinces = new Map(figures.provinces.map((p) => [p.province, { at: table.counts(p), parts: [] as Record<(typeof COUNT_NAMES)[number], number>[] }]));
  for (const m of figures.municipalities) {
    const at = table.counts(m);
    provinces.get(m.province)!.parts.push(at);
    table.rules.push({ total: at.active, parts: Object.keys(m.platforms).map((source) => table.cell(m.platforms, source)) });
    for (const outcome of Object.keys(m.inspections)) table.cell(m.inspections, outcome);
  }
  for (const c of COUNT_NAMES) {
    table.rules.push({ total: totals[c], parts: [...provinces.values()].map((p) => p.at[c]) });
    for (const p of provinces.values()) table.rules.push({ total: p.at[c], parts: p.parts.map((at) => at[c]) });
  }
  table.cell(figures.unresolved, 'ambiguous');
  table.cell(figures.unresolved, 'unknown');
  table.suppress(minCount);
}

/** A municipality's weeks and criteria counts. `period` is its row as the overview publishes it
 *  (suppressed): the weeks' new and gone ads add up to the period's. */
export function suppressMunicipality(page: { weeks: WeekFigures[]; criteria: { count: number | null }[] }, period: Counts, minCount: number): void {
  const table = new Table();
  const weeks = page.weeks.map((week) => table.counts(week));
  for (const c of ['new', 'gone'] as const) table.rules.push({ total: table.published(period[c]), parts: weeks.map((w) => w[c]) });
  for (const c of page.criteria) table.cell(c, 'count');
  table.suppress(minCount);
}
