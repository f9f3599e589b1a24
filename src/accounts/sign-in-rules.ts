// When a session ends and when an account locks: pure rules over times, so tests can move the clock.

export interface SessionLimits { idleMinutes: number; absoluteHours: number }
export interface LockoutRules { maxFailures: number; lockMinutes: number }

export function sessionExpired(session: { createdAt: string; lastSeenAt: string }, now: Date, limits: SessionLimits): boolean {
  const idleSince = now.getTime() - Date.parse(session.lastSeenAt);
  const age = now.getTime() - Date.parse(session.createdAt);
  return idleSince >= limits.idleMinutes * 60_000 || age >= limits.absoluteHours * 3_600_000;
}

export interface FailureState { failedLogins: number; lockedUntil: string | null }

export function isLocked(state: FailureState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** When a lock that starts now ends. The store applies the rule itself, in one statement, so that
 *  concurrent failures all count: an account locks once its failures reach `maxFailures`, and the
 *  count starts again after the lock. */
export function lockEnd(now: Date, rules: LockoutRules): string {
  return new Date(now.getTime() + rules.lockMinutes * 60_000).toISOString();
}
