import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BakenError } from '../domain/errors.ts';
import { weekOf, weekRange, weeksEndingWith, weekStart } from './week-range.ts';

describe('ISO week ranges', () => {
  it('starts a week on its Monday, also when the week began in the year before', () => {
    assert.equal(weekStart('2026-W01').toISOString(), '2025-12-29T00:00:00.000Z');
    assert.equal(weekStart('2026-W10').toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(weekStart('2026-W53').toISOString(), '2026-12-28T00:00:00.000Z');
  });

  it('bounds a period from the first Monday to the Monday after the last week', () => {
    assert.deepEqual(weekRange('2026-W10', '2026-W11'), { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
  });

  it('names the week a moment falls in, by its Thursday\'s year', () => {
    assert.equal(weekOf(new Date('2026-03-01T23:59:59.999Z')), '2026-W09');
    assert.equal(weekOf(new Date('2026-03-02T00:00:00.000Z')), '2026-W10');
    assert.equal(weekOf(new Date('2027-01-03T12:00:00.000Z')), '2026-W53');
    assert.equal(weekOf(new Date('2025-12-29T00:00:00.000Z')), '2026-W01');
  });

  it('lists the weeks ending with one, across a year boundary', () => {
    assert.deepEqual(weeksEndingWith('2027-W02', 4), ['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('refuses a week that does not exist and a period that ends before it starts', () => {
    const invalid = (err: unknown) => err instanceof BakenError && err.code === 'INPUT_INVALID';
    assert.throws(() => weekStart('2025-W53'), invalid);
    assert.throws(() => weekStart('2026-W00'), invalid);
    assert.throws(() => weekStart('2026-03-02'), invalid);
    assert.throws(() => weekRange('2026-W11', '2026-W10'), invalid);
  });
});
