// Refused attempts at data are part of the trail too: the committee looks for probing. One way to
// record them for every door, with what was probed and never any content.
import type { Who } from '../accounts/actor.ts';
import { BakenError } from '../domain/errors.ts';
import type { AuditDetails, AuditTrail } from './audit-trail.ts';

const REFUSALS_AUDITED = new Set(['FORBIDDEN', 'NOT_FOUND', 'CSRF_REJECTED', 'JUSTIFICATION_REQUIRED']);

export class RefusalsService {
  readonly #trail: AuditTrail;

  constructor(trail: AuditTrail) {
    this.#trail = trail;
  }

  /** Records `error` when it is a refusal; other failures are not the caller's probing. */
  async record(who: Who, error: unknown, probed: Omit<AuditDetails, 'outcome' | 'count'>): Promise<void> {
    if (error instanceof BakenError && REFUSALS_AUDITED.has(error.code)) {
      await this.#trail.record(who, 'request.refused', { ...probed, outcome: error.code });
    }
  }
}
