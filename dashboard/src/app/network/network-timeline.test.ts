import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ticksOf, timelineOf } from './network-timeline.ts';

const DAY = 86_400_000;
const size = { width: 510, row: 10, left: 10, top: 20 };

test('puts each ad on its own row by first seen, from first to last seen on one scale', () => {
  const t = timelineOf([
    { id: 'b', label: 'B', from: 10 * DAY, to: 20 * DAY },
    { id: 'a', label: 'A', from: 0, to: 10 * DAY },
    { id: 'c', label: 'C', from: 20 * DAY, to: 20 * DAY },
  ], size);
  assert.deepEqual(t.rows.map((r) => [r.id, Math.round(r.x), Math.round(r.width), r.y]), [['a', 10, 245, 20], ['b', 255, 245, 30], ['c', 500, 4, 40]]);
  assert.equal(t.height, 54);
  assert.equal(t.ticks[0]?.x, 10);
  assert.equal(t.ticks.at(-1)?.x, 500);
});

test('an empty network has an empty timeline, and one moment still gets a day of axis', () => {
  assert.deepEqual(timelineOf([], size).rows, []);
  const one = timelineOf([{ id: 'a', label: 'A', from: 5 * DAY, to: 5 * DAY }], size);
  assert.equal(one.rows[0]?.width, 4);
  assert.deepEqual(ticksOf(0, 4 * DAY, 5), [0, DAY, 2 * DAY, 3 * DAY, 4 * DAY]);
});
