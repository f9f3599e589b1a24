// Where each role starts: police content readers search, supervisors see the monitor's figures,
// admins administer, auditors read the trail.
import type { Role } from './api-types';

export function homeOf(role: Role): string {
  if (role === 'admin') return '/admin';
  if (role === 'auditor') return '/audit';
  if (role === 'supervisor') return '/monitor';
  return '/search';
}

/** A `next` that came in a query string is followed only within the dashboard. */
export function safeNext(next: unknown, role: Role): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : homeOf(role);
}
