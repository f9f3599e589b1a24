import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailedLogin, isLocked, sessionExpired } from './sign-in-rules.ts';

const limits = { idleMinutes: 30, absoluteHours: 12 };
const at = (iso: string) => new Date(iso);

describe('sign-in rules', () => {
  it('ends a session after the idle limit without activity', () => {
    const s = { createdAt: '2026-03-01T10:00:00.000Z', lastSeenAt: '2026-03-01T10:10:00.000Z' };
    assert.equal(sessionExpired(s, at('2026-03-01T10:39:59.000Z'), limits), false);
    assert.equal(sessionExpired(s, at('2026-03-01T10:40:00.000Z'), limits), true);
  });

  it('ends an active session at the absolute limit', () => {
    const s = { createdAt: '2026-03-01T10:00:00.000Z', lastSeenAt: '2026-03-01T21:59:00.000Z' };
    assert.equal(sessionExpired(s, at('2026-03-01T21:59:30.000Z'), limits), false);
    assert.equal(sessionExpired(s, at('2026-03-01T22:00:00.000Z'), limits), true);
  });

  it('locks an account at the failure limit for the lock period, then counts afresh', () => {
    const rules = { maxFailures: 3, lockMinutes: 15 };
    const now = at('2026-03-01T10:00:00.000Z');
    let state = { failedLogins: 0, lockedUntil: null as string | null };
    state = afterFailedLogin(state, now, rules);
    state = afterFailedLogin(state, now, rules);
    assert.equal(isLocked(state, now), false);
    state = afterFailedLogin(state, now, rules);
    assert.deepEqual(state, { failedLogins: 0, lockedUntil: '2026-03-01T10:15:00.000Z' });
    assert.equal(isLocked(state, at('2026-03-01T10:14:59.000Z')), true);
    assert.equal(isLocked(state, at('2026-03-01T10:15:00.000Z')), false);
  });
});
