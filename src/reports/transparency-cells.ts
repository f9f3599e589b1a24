// Suppression for the transparency report (DESIGN §2a.8), made so that it cannot be undone by
// differencing periods. The atomic cell is one theme's figures for one calendar month: each is
// suppressed on its own (small counts, and whatever the month's sums would give back), and always the
// same way, since an ended month's counts never change. A figure over several months is built only
// from those published cells: a sum is shown only when every month of it is shown, so subtracting two
// overlapping reports gives nothing that the months' own cells do not already show.
import { suppressedCells } from '../domain/suppression.ts';
import { FIGURE_KIND, FIGURE_SUMS, FIGURES, type Counts, type Figure } from './transparency-figures.ts';

export type Shown = Record<Figure, number | null>;

/** Figures under suppression: every one but the number of sources, which says how the crawler was
 *  configured (the committee reads the configuration itself) and nothing about any person. */
const SUPPRESSED = FIGURES.filter((f) => f !== 'sources');

/** One month of one theme as published: counts below `minCount` and their give-aways hidden (null). */
export function publishedMonth(counts: Counts, minCount: number): Shown {
  const index = new Map<Figure, number>(SUPPRESSED.map((f, i) => [f, i]));
  const at = (f: Figure) => index.get(f)!;
  const rules = FIGURE_SUMS.map((s) => ({ total: at(s.total), parts: s.parts.map(at) }));
  const hidden = suppressedCells(SUPPRESSED.map((f) => counts[f]), rules, minCount);
  const shown = { ...counts } as Shown;
  SUPPRESSED.forEach((f, i) => { if (hidden[i]) shown[f] = null; });
  return shown;
}

/** The period's figures from its published months (in order) alone; `sources` is the number of
 *  distinct sources over the whole period. */
export function publishedPeriod(months: readonly Shown[], sources: number): Shown {
  const period = {} as Shown;
  for (const f of FIGURES) {
    const values = months.map((m) => m[f]);
    period[f] = FIGURE_KIND[f] === 'distinct' ? sources
      : FIGURE_KIND[f] === 'state' ? values.at(-1) ?? null
      : values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0);
  }
  return period;
}

export interface PublishedTheme { months: { month: string; figures: Shown }[]; period: Shown }

/** A theme's months (in order) as published, and the period built from them alone. */
export function publishedTheme(months: ReadonlyMap<string, Counts>, sources: number, minCount: number): PublishedTheme {
  const published = [...months].map(([month, counts]) => ({ month, figures: publishedMonth(counts, minCount) }));
  return { months: published, period: publishedPeriod(published.map((m) => m.figures), sources) };
}
