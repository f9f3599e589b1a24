// Days as the cross-ad rules count them: UTC days since 1970, from a capture's date or time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateOfDay, dayNumber } from './analysis-input.ts';

describe('dayNumber', () => {
  it('counts UTC days since 1 January 1970 for a date', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dayNumber('2025-03-01'), 20148);
    assert.equal(dayNumber('1969-12-31'), -1);
  });

  it('puts a time on its UTC day, to the last millisecond', () => {
    assert.equal(dayNumber('2025-03-01T00:00:00.000Z'), 20148);
    assert.equal(dayNumber('2025-03-01T23:59:59.999Z'), 20148);
    assert.equal(dayNumber('2025-03-01T00:30:00+01:00'), 20147);
  });

  it('reads no day from a missing date or one that is not ISO 8601', () => {
    assert.equal(dayNumber(undefined), undefined);
    assert.equal(dayNumber('gisteren'), undefined);
    // Day first, as Dutch sites write it: Date.parse alone would read 3 January, in local time.
    assert.equal(dayNumber('01/03/2025'), undefined);
  });
});

describe('dateOfDay', () => {
  it('gives the UTC date of a day number', () => {
    assert.equal(dateOfDay(0), '1970-01-01');
    assert.equal(dateOfDay(20148), '2025-03-01');
    assert.equal(dateOfDay(dayNumber('2025-03-01T23:59:59.999Z')!), '2025-03-01');
  });
});
