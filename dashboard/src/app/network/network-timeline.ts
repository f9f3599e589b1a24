// The ads of the network on one time axis, each a bar from first to last seen. Pure.

export interface Span { id: string; label: string; from: number; to: number }
export interface TimelineRow { id: string; label: string; x: number; width: number; y: number }
export interface Tick { x: number; at: number }
export interface Timeline { rows: TimelineRow[]; ticks: Tick[]; width: number; height: number }

const DAY = 86_400_000;

/** Rows by first seen (then id); a bar is at least `minBar` wide so a single sighting still shows. */
export function timelineOf(spans: readonly Span[], size: { width: number; row: number; left: number; top: number }, minBar = 4): Timeline {
  const sorted = [...spans].sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));
  if (sorted.length === 0) return { rows: [], ticks: [], width: size.width, height: size.top };
  const start = Math.min(...sorted.map((s) => s.from));
  const end = Math.max(...sorted.map((s) => s.to));
  const range = Math.max(end - start, DAY);
  const inner = size.width - size.left - 10;
  const x = (t: number) => size.left + ((t - start) / range) * inner;
  const rows = sorted.map((s, i) => ({
    id: s.id, label: s.label, x: x(s.from), width: Math.max(minBar, x(s.to) - x(s.from)), y: size.top + i * size.row,
  }));
  return { rows, ticks: ticksOf(start, start + range, 5).map((at) => ({ at, x: x(at) })), width: size.width, height: size.top + rows.length * size.row + 4 };
}

/** About `count` evenly spread moments from start to end, on whole days where the range allows it. */
export function ticksOf(start: number, end: number, count: number): number[] {
  if (!Number.isFinite(start) || !(end > start)) return [];
  const step = (end - start) / (count - 1);
  const round = step >= DAY ? (t: number) => Math.round(t / DAY) * DAY : (t: number) => t;
  return [...new Set(Array.from({ length: count }, (_, i) => round(start + i * step)))].filter((t) => t >= start - DAY && t <= end + DAY);
}
