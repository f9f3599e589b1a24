import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LogBody, LogEntry } from '../domain/hash-chain.ts';
import { countMinimisation } from './minimisation-counts.ts';

let seq = 0;
const entry = (at: string, body: LogBody): LogEntry => ({ log: 'custody', seq: ++seq, at, prevHash: '', hash: '', body });
const LOG = [
  entry('2026-02-28T23:59:59.999Z', { action: 'run', theme: 't', captured: 100, kept: 1, deleted: 99, failed: 0 }),
  entry('2026-03-01T00:00:00.000Z', { action: 'run', theme: 't', captured: 10, kept: 2, deleted: 7, failed: 1 }),
  entry('2026-03-02T10:00:00.000Z', { action: 'run', theme: 'other', captured: 50, kept: 50, deleted: 0, failed: 0 }),
  entry('2026-03-02T11:00:00.000Z', { action: 'staging-purged', theme: 't', run: 'r', ads: 3, reason: 'run-ended' }),
  entry('2026-03-03T02:00:00.000Z', { action: 'purge', theme: 't', reason: 'retention', ads: ['a', 'b'], captures: ['c'] }),
  entry('2026-03-03T03:00:00.000Z', { action: 'capture', ad: 'a', theme: 't' }),
  entry('2026-04-01T00:00:00.000Z', { action: 'run', theme: 't', captured: 5, kept: 5, deleted: 0, failed: 0 }),
];

describe('countMinimisation', () => {
  it('adds up the runs, staging purges and retention purges of the theme within the period only', () => {
    assert.deepEqual(countMinimisation(LOG, 't', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'), {
      runs: 1, captured: 10, kept: 2, deletedAtGate: 7, failed: 1, stagingDeleted: 3, purged: 2,
    });
  });

  it('counts nothing for a period without entries', () => {
    assert.deepEqual(countMinimisation(LOG, 't', '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'), {
      runs: 0, captured: 0, kept: 0, deletedAtGate: 0, failed: 0, stagingDeleted: 0, purged: 0,
    });
  });
});
