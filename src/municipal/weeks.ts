// ISO weeks (YYYY-Www, UTC): the monitor's periods are whole weeks, from..to inclusive. Pure.
import { BakenError } from '../domain/errors.ts';

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** The ISO week a moment falls in. */
export function isoWeek(at: Date | string): string {
  const d = new Date(typeof at === 'string' ? Date.parse(at) : at.getTime());
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of the week, as an ISO timestamp. */
export function weekStart(week: string): string {
  const [year, n] = parts(week);
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday1 + (n - 1) * 7 * DAY_MS).toISOString();
}

/** Monday 00:00 UTC of the week after: the period's end, not included. */
export function weekEnd(week: string): string {
  return new Date(Date.parse(weekStart(week)) + 7 * DAY_MS).toISOString();
}

/** Every week from `from` to `to`, both included. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let at = Date.parse(weekStart(from)); at <= Date.parse(weekStart(to)); at += 7 * DAY_MS) weeks.push(isoWeek(new Date(at)));
  return weeks;
}

/** A real ISO week (week 53 only in the years that have one), else INPUT_INVALID naming the field. */
export function checkedWeek(value: string, field: string): string {
  if (WEEK.test(value)) {
    const [, n] = parts(value);
    if (n >= 1 && isoWeek(weekStart(value)) === value) return value;
  }
  throw new BakenError('INPUT_INVALID', `${field}: expected an ISO week as YYYY-Www (e.g. 2026-W40), got "${value}"`);
}

/** The `count` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: string, count: number): string[] {
  return weeksOf(isoWeek(new Date(Date.parse(weekStart(last)) - (count - 1) * 7 * DAY_MS)), last);
}

/** Two years of weeks: enough for any trend, and a week-by-week answer stays small. */
const MAX_WEEKS = 104;

/** A checked period of whole weeks. */
export function checkedPeriod(from: string, to: string): { from: string; to: string } {
  checkedWeek(from, 'from');
  checkedWeek(to, 'to');
  if (weekStart(to) < weekStart(from)) throw new BakenError('INPUT_INVALID', `to: expected a week on or after from (${from}), got ${to}`);
  const weeks = (Date.parse(weekStart(to)) - Date.parse(weekStart(from))) / (7 * DAY_MS) + 1;
  if (weeks > MAX_WEEKS) throw new BakenError('INPUT_INVALID', `to: expected a period of at most ${MAX_WEEKS} weeks, got ${weeks} (${from} – ${to})`);
  return { from, to };
}

/** A checked period as the instants that bound it, so stored times compare as `from <= t < to`. */
export function periodInstants(from: string, to: string): { from: string; to: string } {
  checkedPeriod(from, to);
  return { from: weekStart(from), to: weekEnd(to) };
}

function parts(week: string): [number, number] {
  const m = WEEK.exec(week);
  if (!m) throw new BakenError('INPUT_INVALID', `expected an ISO week as YYYY-Www, got "${week}"`);
  return [Number(m[1]), Number(m[2])];
}
