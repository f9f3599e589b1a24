// A period of whole ISO weeks (YYYY-Www, UTC) as the instants that bound it: from the Monday 00:00
// of the first week to the Monday 00:00 after the last, so stored times compare as `from <= t < to`.
import { BakenError } from '../domain/errors.ts';

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** The Monday 00:00 UTC that starts an ISO week; INPUT_INVALID for a week that does not exist. */
export function weekStart(week: string): Date {
  const m = WEEK.exec(week);
  const year = Number(m?.[1]);
  const n = Number(m?.[2]);
  // 4 January is always in week 1 (ISO 8601).
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (n - 1) * 7 * DAY_MS;
  if (!m || n < 1 || n > weeksIn(year)) throw new BakenError('INPUT_INVALID', `expected an ISO week as YYYY-Www (e.g. 2026-W05), got "${week}"`);
  return new Date(monday);
}

/** The ISO week (YYYY-Www, UTC) a moment falls in: the week of its Thursday, whose year is the week's. */
export function weekOf(at: Date): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const thursday = new Date(day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The `count` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: string, count: number): string[] {
  const end = weekStart(last).getTime();
  return Array.from({ length: count }, (_, i) => weekOf(new Date(end - (count - 1 - i) * 7 * DAY_MS)));
}

/** `from` and `to` inclusive, as ISO instants; INPUT_INVALID when `to` comes before `from`. */
export function weekRange(from: string, to: string): { from: string; to: string } {
  const start = weekStart(from);
  const end = new Date(weekStart(to).getTime() + 7 * DAY_MS);
  if (end <= start) throw new BakenError('INPUT_INVALID', `the period ends (${to}) before it starts (${from})`);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function weeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}
