// Writes audit events into the hash-chained 'audit' log. Services call it inside the request and
// await it: when the write fails the request fails, so nothing is read or changed unrecorded.
// A door that can still fail a read after the service returned (the API checks each answer against
// its schema) runs the read in `settled`, so its events carry the call's real outcome.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Who } from '../accounts/actor.ts';
import type { AuditAction, AuditEvent } from '../domain/audit-event.ts';
import { BakenError } from '../domain/errors.ts';
import type { LogStore } from '../store/store.ts';

export type AuditDetails = Partial<Pick<AuditEvent, 'themes' | 'resources' | 'query' | 'count' | 'justification' | 'outcome'>>;

const held = new AsyncLocalStorage<AuditEvent[]>();

export class AuditTrail {
  readonly #store: LogStore;

  constructor(store: LogStore) {
    this.#store = store;
  }

  async record(who: Who, action: AuditAction, details: AuditDetails = {}): Promise<void> {
    await this.write(auditEvent(who, action, details));
  }

  /** For events without a signed-in actor (a failed login) or outside the API (the CLI). */
  async write(event: AuditEvent): Promise<void> {
    const pending = held.getStore();
    if (pending) pending.push(event);
    else await this.#append(event);
  }

  /** Runs a call holding its events until its outcome is known, then writes them before the
   *  answer leaves: a call that failed, even after its service returned, is never recorded as 'ok'. */
  async settled<T>(call: () => Promise<T>): Promise<T> {
    const events: AuditEvent[] = [];
    let result: T;
    try {
      result = await held.run(events, call);
    } catch (e) {
      const outcome = e instanceof BakenError ? e.code : 'INTERNAL';
      for (const event of events) await this.#append(event.outcome === 'ok' ? { ...event, outcome } : event);
      throw e;
    }
    for (const event of events) await this.#append(event);
    return result;
  }

  async #append(event: AuditEvent): Promise<void> {
    await this.#store.appendLog('audit', { ...event });
  }
}

/** The event `record` writes; for a use case that writes it elsewhere in its own transaction (a store copy). */
export function auditEvent(who: Who, action: AuditAction, details: AuditDetails = {}): AuditEvent {
  return {
    action,
    user: who.actor.name,
    actor: who.actor.kind,
    role: who.actor.role,
    actorThemes: [...who.actor.themes],
    ...defaults(details),
    client: who.client,
  };
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
