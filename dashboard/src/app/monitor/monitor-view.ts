// The monitor pages' pure logic: how a (suppressed) count reads, the weeks a period offers, the
// province filter, and the points of the trend chart and the map. Tested without a browser.
import { isoWeek, weeksEndingWith } from '../../../../src/municipal/weeks.ts';
import type { Count, MonitorMunicipality } from './monitor-types.ts';

/** A suppressed count reads "< 5", so it is not taken for a zero or for missing data. */
export function countText(value: Count, suppressedBelow: number | null, format: (n: number) => string): string {
  if (value !== null) return format(value);
  return suppressedBelow === null ? '—' : `< ${suppressedBelow}`;
}

/** The weeks a period can start or end on: the `count` weeks up to the one `now` falls in, newest first. */
export function weekChoices(now: Date, count: number): string[] {
  return weeksEndingWith(isoWeek(now), count).reverse();
}

/** The weeks `from`..`to` inclusive, oldest first (empty when `to` is before `from`). */
export function weeksBetween(from: string, to: string): string[] {
  if (to < from) return [];
  const all = weeksEndingWith(to, 60);
  return all.slice(all.indexOf(from) === -1 ? 0 : all.indexOf(from));
}

/** All inspection outcomes of a municipality; null when any is suppressed, as a sum would give it back. */
export function outcomeTotal(outcomes: Readonly<Record<string, Count>>): Count {
  const values = Object.values(outcomes);
  return values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

export function provincesOf(rows: readonly MonitorMunicipality[]): string[] {
  return [...new Set(rows.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** Municipalities with the most active ads first; suppressed ones after the counted, then by name. */
export function byActive(rows: readonly MonitorMunicipality[]): MonitorMunicipality[] {
  return [...rows].sort((a, b) => (b.active ?? -1) - (a.active ?? -1) || a.name.localeCompare(b.name, 'nl'));
}

export interface TrendSeries { label: string; values: readonly Count[] }
export interface TrendLine { label: string; path: string; points: { x: number; y: number; value: number }[] }

/** One polyline per series over the weeks, scaled to the largest count; a suppressed week breaks the line. */
export function trendLines(series: readonly TrendSeries[], width: number, height: number): TrendLine[] {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return series.map((s) => {
    const step = s.values.length > 1 ? width / (s.values.length - 1) : 0;
    const points: TrendLine['points'] = [];
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      const x = round(i * step);
      const y = round(height - (v / max) * height);
      points.push({ x, y, value: v });
      path += `${pen ? 'L' : 'M'}${x} ${y} `;
      pen = true;
    });
    return { label: s.label, path: path.trim(), points };
  });
}

/** A point's radius on the map: its area follows the count; a suppressed count draws the smallest. */
export function pointRadius(active: Count, largest: number): number {
  if (active === null || largest <= 0) return 3;
  return round(3 + 15 * Math.sqrt(active / largest));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
