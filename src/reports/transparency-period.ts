// The period of a transparency report: whole calendar months that have ended (UTC). Whole months,
// because the month is the cell that suppression works on (transparency-cells.ts); ended months,
// because a running month's counts still grow, and two reports a day apart would differ by that day.
import { BakenError } from '../domain/errors.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

/** Longest period one report covers: a table of more months than this is no longer read. */
export const MAX_MONTHS = 24;

export const PERIOD_RULE = 'a transparency report covers whole calendar months that have ended (suppressed counts are per month, so periods that overlap cannot be subtracted to reveal one)';

/** A period boundary as a month: YYYY-MM, or a date that is the first (from) or last (to) day of a month. */
export function boundaryMonth(value: string, side: 'from' | 'to'): string {
  if (MONTH.test(value)) return value;
  const m = DATE.exec(value);
  if (m) {
    const [, year, month, day] = m as unknown as [string, string, string, string];
    const wanted = side === 'from' ? 1 : new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) === wanted) return `${year}-${month}`;
    throw new BakenError('INPUT_INVALID', `${side} ${value}: expected the ${side === 'from' ? 'first' : 'last'} day of a month (${year}-${month}-${String(wanted).padStart(2, '0')}) or a month as YYYY-MM; ${PERIOD_RULE}`);
  }
  throw new BakenError('INPUT_INVALID', `${side} "${value}": expected a month as YYYY-MM or a date as YYYY-MM-DD; ${PERIOD_RULE}`);
}

/** The months from `from` to `to` (YYYY-MM, both included), refused unless all have ended by `now`. */
export function periodMonths(from: string, to: string, now: Date): string[] {
  for (const [side, v] of [['from', from], ['to', to]] as const) {
    if (!MONTH.test(v)) throw new BakenError('INPUT_INVALID', `${side} "${v}": expected a month as YYYY-MM; ${PERIOD_RULE}`);
  }
  if (from > to) throw new BakenError('INPUT_INVALID', `from ${from} is after to ${to}`);
  if (monthStart(to, 1) > now.toISOString()) {
    throw new BakenError('INPUT_INVALID', `month ${to} has not ended yet; ${PERIOD_RULE}`);
  }
  const months: string[] = [];
  for (let m = from; m <= to; m = monthStart(m, 1).slice(0, 7)) months.push(m);
  if (months.length > MAX_MONTHS) throw new BakenError('INPUT_INVALID', `${from} to ${to} is ${months.length} months; a report covers at most ${MAX_MONTHS}`);
  return months;
}

/** The first instant of the month `offset` months after `month` (YYYY-MM), as an ISO time. */
export function monthStart(month: string, offset = 0): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + offset, 1)).toISOString();
}
