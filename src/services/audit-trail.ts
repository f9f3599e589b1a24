// Writes audit events into the hash-chained 'audit' log. Services call it inside the request and
// await it: when the write fails the request fails, so nothing is read or changed unrecorded.
import type { Who } from '../accounts/actor.ts';
import type { AuditAction, AuditEvent } from '../domain/audit-event.ts';
import type { Store } from '../store/store.ts';

export type AuditDetails = Partial<Pick<AuditEvent, 'themes' | 'resources' | 'query' | 'count' | 'justification' | 'outcome'>>;

export class AuditTrail {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async record(who: Who, action: AuditAction, details: AuditDetails = {}): Promise<void> {
    await this.write({
      action,
      user: who.actor.name,
      actor: who.actor.kind,
      role: who.actor.role,
      actorThemes: [...who.actor.themes],
      ...defaults(details),
      client: who.client,
    });
  }

  /** For events without a signed-in actor (a failed login) or outside the API (the CLI). */
  async write(event: AuditEvent): Promise<void> {
    await this.#store.appendLog('audit', { ...event });
  }
}

function defaults(d: AuditDetails): Omit<AuditEvent, 'action' | 'user' | 'actor' | 'role' | 'actorThemes' | 'client'> {
  return {
    themes: d.themes ?? [], resources: d.resources ?? [], query: withoutUndefined(d.query ?? {}),
    count: d.count ?? 0, justification: d.justification ?? null, outcome: d.outcome ?? 'ok',
  };
}

function withoutUndefined(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}
