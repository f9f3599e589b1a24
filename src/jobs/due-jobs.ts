// When scheduled work falls due: the crawls of schedules/*.yaml and each theme's daily retention
// purge (DESIGN.md §2.4: erasure must not wait for someone to remember it). A slot is a fixed point in
// UTC time — the schedule's `at` on 1970-01-01 plus a whole number of `every` — so every worker on
// every machine computes the same slots, and the queue keeps one job per schedule and slot.
import type { Config } from '../config/load.ts';
import { INTERVAL_MINUTES } from '../config/schema.ts';

export type JobKind = 'crawl' | 'purge';

/** `schedule`: the schedule's id, or `retention:<theme>` for the purge. */
export interface JobSpec { kind: JobKind; theme: string; source: string | null; schedule: string; slot: string }

/** Every theme's purge: daily, at a quiet hour. */
export const RETENTION = { every: '1d', at: '02:00' } as const;

const MINUTE_MS = 60_000;

export function intervalMs(every: string): number {
  return Number(every.slice(0, -1)) * INTERVAL_MINUTES[every.slice(-1) as keyof typeof INTERVAL_MINUTES] * MINUTE_MS;
}

function anchorMs(at: string | undefined): number {
  if (at === undefined) return 0;
  const [h, m] = at.split(':').map(Number);
  return (h! * 60 + m!) * MINUTE_MS;
}

/** The latest slot at or before `now`. A slot missed while no worker ran is due once, not once per slot missed. */
export function latestSlot(every: string, at: string | undefined, now: Date): Date {
  const step = intervalMs(every);
  const anchor = anchorMs(at);
  return new Date(anchor + Math.floor((now.getTime() - anchor) / step) * step);
}

export function nextSlot(every: string, at: string | undefined, now: Date): Date {
  return new Date(latestSlot(every, at, now).getTime() + intervalMs(every));
}

/** The latest slot of every schedule and of every theme's purge, as jobs. */
export function dueJobs(config: Config, now: Date): JobSpec[] {
  const crawls = [...config.schedules.values()].map((s): JobSpec => ({
    kind: 'crawl', theme: s.theme, source: s.source ?? null, schedule: s.id, slot: latestSlot(s.every, s.at, now).toISOString(),
  }));
  const purges = [...config.themes.keys()].map((theme): JobSpec => ({
    kind: 'purge', theme, source: null, schedule: `retention:${theme}`, slot: latestSlot(RETENTION.every, RETENTION.at, now).toISOString(),
  }));
  return [...purges, ...crawls];
}

/** When anything falls due next, for a worker with nothing to do to sleep until. */
export function nextDue(config: Config, now: Date): Date {
  const times = [...config.schedules.values()].map((s) => nextSlot(s.every, s.at, now).getTime());
  times.push(nextSlot(RETENTION.every, RETENTION.at, now).getTime());
  return new Date(Math.min(...times));
}

/** Failed jobs are tried again after 5, then 10 minutes; the third failure is final. */
export const MAX_ATTEMPTS = 3;

export function retryAt(attempts: number, now: Date): Date | null {
  return attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + attempts * 5 * MINUTE_MS);
}
