import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiParams, bars, filterFromQuery, monthOf, NO_FILTER, pageCount, PAGE_SIZE, queryOfFilter } from './audit-query.ts';

test('a filter survives the round trip through the URL', () => {
  const f = { user: 'beheerder', action: 'ads.search' as const, outcome: 'FORBIDDEN', theme: 'toezicht', from: '2026-11-01', to: '2026-11-30', page: 3 };
  assert.deepEqual(filterFromQuery(queryOfFilter(f)), f);
  assert.deepEqual(queryOfFilter(NO_FILTER), {}, 'an empty filter leaves the URL clean');
});

test('what is malformed in the URL is left out, never sent on', () => {
  assert.deepEqual(filterFromQuery({ action: 'drop table', theme: 'Toezicht!', from: '1-1-2026', to: '2026-13', page: '-2', user: '  jan  ' }),
    { ...NO_FILTER, user: 'jan' });
  assert.equal(filterFromQuery({ page: '2.5' }).page, 1);
});

test('the API is asked a page of the filtered trail, newest first', () => {
  assert.deepEqual(apiParams({ ...NO_FILTER, action: 'session.login' }), { action: 'session.login', order: 'desc', page: '1', pageSize: String(PAGE_SIZE) });
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(PAGE_SIZE + 1), 2);
});

test('the month of a date, and bars scaled to the widest, a suppressed count drawing none', () => {
  assert.equal(monthOf(new Date('2026-11-30T23:00:00Z')), '2026-11');
  assert.deepEqual(bars([{ label: 'a', value: 10 }, { label: 'b', value: 5 }, { label: 'c', value: null }], 200),
    [{ label: 'a', value: 10, width: 200 }, { label: 'b', value: 5, width: 100 }]);
  assert.deepEqual(bars([{ label: 'a', value: 0 }], 200), [{ label: 'a', value: 0, width: 0 }]);
});
