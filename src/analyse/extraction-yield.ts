// Extractor yield: whether a source's extractor still finds what it declares on the ad pages it is
// given. A site that renames its classes does not fail a single page; it quietly yields empty ads.
// This tells a changed page structure apart from ads that merely leave a field out.
import type { Extractor } from '../config/schema.ts';
import type { AdFields, FieldName } from '../domain/ad.ts';

/** complete: every core field the extractor declares was found; empty: none was (the ad is deleted,
 *  whatever the profile says); partial: some were. */
export type ExtractionOutcome = 'complete' | 'partial' | 'empty';
export const EXTRACTION_OUTCOMES = ['complete', 'partial', 'empty'] as const satisfies readonly ExtractionOutcome[];

export type ExtractionCounts = Record<ExtractionOutcome, number>;

/** The fields every ad has: an extractor that finds none of them on a page has lost the page. */
const CORE_FIELDS: readonly FieldName[] = ['title', 'text'];

/** Below this share of complete pages a run raises an alert, unless the extractor sets `minYield`. */
export const DEFAULT_YIELD_FLOOR = 0.5;
/** How many earlier runs of the source make its usual yield. */
export const RECENT_RUNS = 5;

export function extractionOutcome(fields: AdFields, extractor: Extractor): ExtractionOutcome {
  const declared = Object.keys(extractor.fields) as FieldName[];
  const core = declared.filter((f) => CORE_FIELDS.includes(f));
  const expected = core.length > 0 ? core : declared;
  const found = expected.filter((f) => fields[f] !== undefined).length;
  if (found === 0) return 'empty';
  return found === expected.length ? 'complete' : 'partial';
}

/** The share of captured ad pages that yielded every core field; null when no page was captured. */
export function yieldOf(counts: ExtractionCounts): number | null {
  const pages = counts.complete + counts.partial + counts.empty;
  return pages === 0 ? null : counts.complete / pages;
}

export interface YieldDrop { yield: number; baseline: number | null; floor: number }

/**
 * Whether a run's yield for one source dropped: below the floor, or below half of the source's
 * usual yield (the median of its `recent` runs that captured anything, newest first). Null when it
 * did not, or when the run captured no page of the source (a failed list is a failure, not a drop).
 */
export function yieldDrop(current: ExtractionCounts, recent: readonly ExtractionCounts[], floor = DEFAULT_YIELD_FLOOR): YieldDrop | null {
  const now = yieldOf(current);
  if (now === null) return null;
  const baseline = usualYield(recent);
  const dropped = now < floor || (baseline !== null && now < baseline / 2);
  return dropped ? { yield: now, baseline, floor } : null;
}

/** The median yield of the newest RECENT_RUNS of `recent` (newest first) that captured anything. */
export function usualYield(recent: readonly ExtractionCounts[]): number | null {
  const earlier = recent.map(yieldOf).filter((y): y is number => y !== null).slice(0, RECENT_RUNS);
  return earlier.length > 0 ? median(earlier) : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
