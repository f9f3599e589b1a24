import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLocked, lockEnd, sessionExpired } from './sign-in-rules.ts';

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

  it('ends a lock the lock period after it starts, and not a moment earlier', () => {
    const end = lockEnd(at('2026-03-01T10:00:00.000Z'), { maxFailures: 3, lockMinutes: 15 });
    assert.equal(end, '2026-03-01T10:15:00.000Z');
    assert.equal(isLocked({ failedLogins: 0, lockedUntil: end }, at('2026-03-01T10:14:59.000Z')), true);
    assert.equal(isLocked({ failedLogins: 0, lockedUntil: end }, at('2026-03-01T10:15:00.000Z')), false);
  });
});
