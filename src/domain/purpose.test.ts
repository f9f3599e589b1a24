// Wpg art. 9/13: the purpose period bounds collection on both sides, each day of it included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from './errors.ts';
import { assertPurposeCovers } from './purpose.ts';

const PURPOSE = { start: '2025-03-01', end: '2025-08-31' };
const refused = (at: string) => assert.throws(() => assertPurposeCovers('mensenhandel', PURPOSE, new Date(at)),
  (e) => e instanceof BakenError && e.code === 'PURPOSE_EXPIRED'
    && e.message === `theme "mensenhandel" may only crawl from 2025-03-01 to 2025-08-31 (its purpose record); today is ${at.slice(0, 10)}`);

describe('the purpose period', () => {
  it('refuses a crawl the day before it starts, to the last millisecond', () => {
    refused('2025-02-28T23:59:59.999Z');
  });

  it('allows a crawl from the first moment of its first day to the last moment of its last day', () => {
    assertPurposeCovers('mensenhandel', PURPOSE, new Date('2025-03-01T00:00:00.000Z'));
    assertPurposeCovers('mensenhandel', PURPOSE, new Date('2025-08-31T23:59:59.999Z'));
  });

  it('refuses a crawl from the first moment after its last day, and long after', () => {
    refused('2025-09-01T00:00:00.000Z');
    refused('2026-03-01T10:00:00.000Z');
  });

  it('refuses a crawl long before it starts', () => {
    refused('2024-08-01T10:00:00.000Z');
  });
});
