import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNear, moved, PageCache, pagesFor, rowsOf } from './result-window.ts';

test('the pages a range of rows needs, with a margin, within the total', () => {
  assert.deepEqual(pagesFor({ start: 0, end: 12 }, 100, 10_000), [1]);
  assert.deepEqual(pagesFor({ start: 95, end: 110 }, 100, 10_000), [1, 2]);
  assert.deepEqual(pagesFor({ start: 250, end: 262 }, 100, 10_000, 30), [3]);
  assert.deepEqual(pagesFor({ start: 250, end: 262 }, 100, 10_000, 60), [2, 3, 4]);
  assert.deepEqual(pagesFor({ start: 9_990, end: 10_010 }, 100, 10_000, 40), [100]);
  assert.deepEqual(pagesFor({ start: 0, end: 20 }, 100, 0), []);
});

test('the last page holds only the rows that are left', () => {
  assert.deepEqual(rowsOf(1, 100, 250), { start: 0, end: 100 });
  assert.deepEqual(rowsOf(3, 100, 250), { start: 200, end: 250 });
});

test('a row is near the range shown within the margin', () => {
  assert.ok(isNear(5, { start: 10, end: 20 }, 5));
  assert.ok(!isNear(4, { start: 10, end: 20 }, 5));
  assert.ok(isNear(24, { start: 10, end: 20 }, 5));
  assert.ok(!isNear(25, { start: 10, end: 20 }, 5));
});

test('arrow keys, page keys, Home and End move the active row within the list', () => {
  assert.equal(moved('ArrowDown', 0, 3, 10), 1);
  assert.equal(moved('ArrowDown', 2, 3, 10), 2);
  assert.equal(moved('ArrowUp', 0, 3, 10), 0);
  assert.equal(moved('PageDown', 5, 100, 10), 15);
  assert.equal(moved('PageUp', 5, 100, 10), 0);
  assert.equal(moved('End', 5, 100, 10), 99);
  assert.equal(moved('Home', 5, 100, 10), 0);
  assert.equal(moved('Enter', 5, 100, 10), null);
  assert.equal(moved('ArrowDown', 0, 0, 10), null);
});

test('each page is asked for once, filled in place, and may be asked again after it failed', () => {
  const cache = new PageCache<string>(250, 100);
  assert.deepEqual(cache.claim([1, 2]), [1, 2]);
  assert.deepEqual(cache.claim([2, 3]), [3]);
  const before = cache.rows;
  cache.fill(3, Array.from({ length: 50 }, (_, i) => `r${200 + i}`));
  assert.notEqual(cache.rows, before);
  assert.equal(cache.rows[200], 'r200');
  assert.equal(cache.rows[249], 'r249');
  assert.equal(cache.rows[0], null);
  cache.release(2);
  assert.deepEqual(cache.claim([1, 2]), [2]);
});
