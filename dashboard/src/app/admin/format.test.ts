import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endOfDay, isJobState, jobsIn, percent, resultSummary } from './format.ts';

test('a job\'s result reads as one line of counts', () => {
  assert.equal(resultSummary({ captured: 3, kept: 2 }), 'captured 3 · kept 2');
  assert.equal(resultSummary(null), '');
});

test('the jobs of one state, or all', () => {
  const jobs = [{ id: 1, state: 'done' as const }, { id: 2, state: 'failed' as const }];
  assert.deepEqual(jobsIn(jobs, 'failed').map((j) => j.id), [2]);
  assert.deepEqual(jobsIn(jobs, '').map((j) => j.id), [1, 2]);
  assert.ok(isJobState('queued'));
  assert.ok(!isJobState('gone'));
});

test('an expiry day is the end of that day in UTC', () => {
  assert.equal(endOfDay('2026-12-31'), '2026-12-31T23:59:59Z');
  assert.equal(endOfDay(''), undefined);
});

test('a share reads as a percentage in the page\'s language, and nothing as a dash', () => {
  assert.equal(percent(0.8706896551724138, 'en-GB'), '87.1%');
  assert.equal(percent(0.1, 'nl-NL'), '10%');
  assert.equal(percent(null, 'nl-NL'), '—');
});
