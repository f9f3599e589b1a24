// Facet buckets shared by every adapter, so a score band means the same on SQLite and PostgreSQL.
import type { FacetCount } from './store.ts';

/** Score bands by their lower bound; a score falls into the last band whose bound it reaches. */
export const SCORE_BANDS = [
  { label: '0-4', min: 0 }, { label: '5-9', min: 5 }, { label: '10-19', min: 10 }, { label: '20+', min: 20 },
] as const;

export function scoreBand(score: number): string {
  let band: string = SCORE_BANDS[0].label;
  for (const b of SCORE_BANDS) if (score >= b.min) band = b.label;
  return band;
}

/** Adds counts per value; `order` 'count' sorts the most frequent first, 'value' keeps a natural order. */
export class FacetCounter {
  readonly #counts = new Map<string, number>();

  add(value: string | null, count: number): void {
    const key = value ?? '(none)';
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  result(order: 'count' | 'value'): FacetCount[] {
    const entries = [...this.#counts].map(([value, count]) => ({ value, count }));
    return order === 'count'
      ? entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      : entries.sort((a, b) => a.value.localeCompare(b.value, 'en', { numeric: true }));
  }
}
