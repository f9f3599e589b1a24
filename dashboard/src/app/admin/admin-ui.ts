// What the admin parts share: the message for a failed call, the focus after a change of view.
import { ApiError, detailOf } from '../core/api';
import { fill } from '../core/text';

/** A refusal (4xx) with the API's reason, which says what to do; anything else as a failure. */
export function failureOf(e: unknown, t: { forbidden: string; failed: string; refusedBecause: string }): string {
  if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
    return e.problem.detail ? fill(t.refusedBecause, { detail: e.problem.detail }) : t.forbidden;
  }
  return fill(t.failed, { detail: detailOf(e) });
}

/** Moves the focus to an element the next render shows (a confirmation's button, a form). */
export function focusSoon(document: Document, id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}
