// What the monitor pages carry in their address: the municipal theme shown (else the first the user
// holds — a supervisor holds municipal themes only, roles.ts THEME_KINDS) and the period of weeks.
import { inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { Session } from '../core/session';

export function monitorTheme(): string | null {
  const asked = inject(ActivatedRoute).snapshot.queryParamMap.get('theme');
  const held = inject(Session).themes();
  return asked !== null && held.includes(asked) ? asked : held[0] ?? null;
}

/** The period the monitor showed, to keep when moving on to a municipality; empty for the API's own. */
export function monitorPeriod(): Record<string, string> {
  const q = inject(ActivatedRoute).snapshot.queryParamMap;
  const [from, to] = [q.get('from'), q.get('to')];
  return from !== null && to !== null ? { from, to } : {};
}
