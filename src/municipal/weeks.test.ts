import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkedPeriod, checkedWeek, isoWeek, periodInstants, weekEnd, weeksEndingWith, weekStart, weeksOf } from './weeks.ts';

describe('ISO weeks', () => {
  it('puts days around the new year in the week their Thursday is in', () => {
    assert.equal(isoWeek('2026-01-01T12:00:00Z'), '2026-W01');
    assert.equal(isoWeek('2027-01-01T00:00:00Z'), '2026-W53');
    assert.equal(isoWeek('2024-12-30T00:00:00Z'), '2025-W01');
    assert.equal(isoWeek('2026-11-29T23:59:59Z'), '2026-W48');
    assert.equal(isoWeek('2026-11-30T00:00:00Z'), '2026-W49');
  });

  it('starts a week on Monday 00:00 UTC and ends it at the next Monday', () => {
    assert.equal(weekStart('2026-W01'), '2025-12-29T00:00:00.000Z');
    assert.equal(weekEnd('2026-W48'), '2026-11-30T00:00:00.000Z');
    assert.deepEqual(weeksOf('2026-W52', '2027-W02'), ['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    assert.deepEqual(weeksEndingWith('2027-W02', 4), ['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    assert.deepEqual(periodInstants('2026-W10', '2026-W11'), { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
  });

  it('refuses what is not a week, week 53 of a year without one, and a period that ends before it starts', () => {
    assert.equal(checkedWeek('2026-W53', 'from'), '2026-W53');
    assert.throws(() => checkedWeek('2025-W53', 'from'), /from: expected an ISO week as YYYY-Www/);
    assert.throws(() => checkedWeek('2026-W00', 'to'), /to: expected an ISO week/);
    assert.throws(() => checkedWeek('2026-11', 'to'), /to: expected an ISO week/);
    assert.throws(() => checkedPeriod('2026-W40', '2026-W39'), /to: expected a week on or after from \(2026-W40\), got 2026-W39/);
    assert.deepEqual(checkedPeriod('2025-W01', '2026-W52'), { from: '2025-W01', to: '2026-W52' });
    assert.throws(() => checkedPeriod('2025-W01', '2026-W53'), /to: expected a period of at most 104 weeks, got 105 \(2025-W01 – 2026-W53\)/);
  });
});
