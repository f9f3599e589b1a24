import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MonitorMunicipality } from './monitor-types.ts';
import { byActive, countText, outcomeTotal, pointRadius, provincesOf, trendLines, weekChoices, weeksBetween } from './monitor-view.ts';

const plain = (n: number) => String(n);
const place = (code: string, name: string, province: string, active: number | null): MonitorMunicipality => ({
  code, name, province, lat: 52, lng: 5, active, new: null, gone: null, licensed: null, unlicensed: null, unknown: null, platforms: {}, inspections: {},
});

test('a suppressed count reads as below the threshold, never as zero', () => {
  assert.equal(countText(null, 5, plain), '< 5');
  assert.equal(countText(0, 5, plain), '0');
  assert.equal(countText(12, 5, plain), '12');
  assert.equal(countText(null, null, plain), '—');
});

test('offers the weeks up to this one, newest first, across a year boundary', () => {
  assert.deepEqual(weekChoices(new Date('2027-01-05T10:00:00Z'), 3), ['2027-W01', '2026-W53', '2026-W52']);
});

test('lists the weeks of a period, oldest first, and none for a period that ends before it starts', () => {
  assert.deepEqual(weeksBetween('2026-W52', '2027-W01'), ['2026-W52', '2026-W53', '2027-W01']);
  assert.deepEqual(weeksBetween('2026-W10', '2026-W09'), []);
});

test('offers each province once, in Dutch order, and sorts municipalities by active ads with suppressed ones last', () => {
  const rows = [place('0344', 'Utrecht', 'Utrecht', null), place('0363', 'Amsterdam', 'Noord-Holland', 40), place('0392', 'Haarlem', 'Noord-Holland', 7)];
  assert.deepEqual(provincesOf(rows), ['Noord-Holland', 'Utrecht']);
  assert.deepEqual(byActive(rows).map((r) => r.name), ['Amsterdam', 'Haarlem', 'Utrecht']);
});

test('draws a trend line per series scaled to the largest count, broken where a week is suppressed', () => {
  const [active, gone] = trendLines([{ label: 'active', values: [10, null, 20] }, { label: 'gone', values: [0, 5, 5] }], 100, 50);
  assert.equal(active!.path, 'M0 25 M100 0');
  assert.deepEqual(active!.points.map((p) => p.value), [10, 20]);
  assert.equal(gone!.path, 'M0 50 L50 37.5 L100 37.5');
});

test('sizes map points by area, the largest at full size and a suppressed one at the smallest', () => {
  assert.equal(pointRadius(100, 100), 18);
  assert.equal(pointRadius(25, 100), 10.5);
  assert.equal(pointRadius(null, 100), 3);
});

test('adds up a municipality\'s inspection outcomes, unless one is suppressed', () => {
  assert.equal(outcomeTotal({ visited: 6, closed: 7 }), 13);
  assert.equal(outcomeTotal({ visited: 6, closed: null }), null);
  assert.equal(outcomeTotal({}), 0);
});
