// What the admin parts share: the message for a failed call, the focus after a change of view.
import { ApiError } from '../core/api';
import { fill } from '../core/text';

export function failureOf(e: unknown, t: { forbidden: string; failed: string }): string {
  if (e instanceof ApiError && e.status === 403) return e.problem.detail ? `${t.forbidden} ${e.problem.detail}` : t.forbidden;
  return fill(t.failed, { detail: e instanceof ApiError ? e.problem.detail : String(e) });
}

/** Moves the focus to an element the next render shows (a confirmation's button, a form). */
export function focusSoon(document: Document, id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}
