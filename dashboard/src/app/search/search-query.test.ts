import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeFilters, apiParams, atLeastCounts, choosable, EMPTY_QUERY, paramsOf, queryFromParams, sameQuery, toggled } from './search-query.ts';

const from = (params: Record<string, string>, themes = ['mensenhandel'], phone = true) =>
  queryFromParams((name) => params[name] ?? null, themes, phone);

test('an address with every filter reads back into the same address', () => {
  const params = {
    q: 'nieuw stad', theme: 'mensenhandel', source: 'demo-classic', city: 'amsterdam', scoreBand: '10-19', minIndicators: '2',
    phone: '+31612345678', from: '2026-01-01', to: '2026-02-28', sort: 'newest',
  };
  assert.deepEqual(paramsOf(from(params)), params);
});

test('defaults are left out of the address, so the same search has one address', () => {
  assert.deepEqual(paramsOf(EMPTY_QUERY), {});
  assert.deepEqual(paramsOf({ ...EMPTY_QUERY, q: '  ', sort: 'score' }), {});
  assert.ok(sameQuery(from({ sort: 'score' }), from({})));
  assert.ok(!sameQuery(from({ city: 'utrecht' }), from({})));
});

test('values the API would refuse are dropped, not sent', () => {
  const q = from({ theme: 'politie-geheim', source: 'Bad Source!', scoreBand: '3-7', minIndicators: 'x', phone: '0612', from: '1-1-2026', sort: 'random' }, ['toezicht']);
  assert.deepEqual(q, EMPTY_QUERY);
});

test('a theme the user does not have and a phone filter the role may not use are ignored', () => {
  const q = from({ theme: 'mensenhandel', phone: '+31612345678' }, ['toezicht'], false);
  assert.equal(q.theme, null);
  assert.equal(q.phone, null);
});

test('the API gets the sort and the page always', () => {
  assert.deepEqual(apiParams({ ...EMPTY_QUERY, city: 'zwolle' }, 3, 100), { city: 'zwolle', sort: 'score', page: '3', pageSize: '100' });
});

test('a facet clicked twice switches its filter off again', () => {
  const once = toggled(EMPTY_QUERY, 'city', 'utrecht');
  assert.equal(once.city, 'utrecht');
  assert.equal(toggled(once, 'city', 'utrecht').city, null);
  assert.equal(toggled(once, 'city', 'zwolle').city, 'zwolle');
  assert.deepEqual(activeFilters({ ...once, minIndicators: 2 }), [{ key: 'city', value: 'utrecht' }, { key: 'minIndicators', value: '2' }]);
});

test('the indicator facet counts the matches with at least n indicators', () => {
  assert.deepEqual(atLeastCounts([{ value: '3', count: 1 }, { value: '1', count: 5 }, { value: '2', count: 2 }]),
    [{ min: 1, count: 8 }, { min: 2, count: 3 }, { min: 3, count: 1 }]);
  assert.deepEqual(atLeastCounts([]), []);
});

test('the count of matches without a value is no filter choice', () => {
  assert.deepEqual(choosable([{ value: 'utrecht', count: 2 }, { value: '(none)', count: 1 }]), [{ value: 'utrecht', count: 2 }]);
});
