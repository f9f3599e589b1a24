// Writes audit events into the hash-chained 'audit' log. Services call it inside the request and
// await it: when the write fails the request fails, so nothing is read or changed unrecorded.
// A door that can still fail a call after the service recorded it (an answer that fails its schema,
// a change the store refused) runs the call in `settled`, so the trail says how the call ended.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Who } from '../accounts/actor.ts';
import type { AuditAction, AuditEvent } from '../domain/audit-event.ts';
import { BakenError, ERROR_CODES } from '../domain/errors.ts';
import type { LogStore } from '../store/store.ts';

export type AuditDetails = Partial<Pick<AuditEvent, 'themes' | 'resources' | 'query' | 'count' | 'justification' | 'outcome'>>;

// Events of a call in `settled`: held until its outcome is known, or (a change's) written ahead.
const held = new AsyncLocalStorage<{ events: AuditEvent[]; ahead: boolean }>();

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
    const call = held.getStore();
    if (call?.ahead) await this.#append(event);
    call?.events.push(event);
    if (!call) await this.#append(event);
  }

  /** Runs a call and records how it ended, before its answer leaves. A read's events are held until
   *  its outcome is known, so a read that failed, even after its service returned, is recorded with
   *  its outcome and status, never as 'ok'. A change's events (`ahead`) are written before the change
   *  is made, so no change happens unrecorded; when the call then fails (the store refused it: 409,
   *  or a 500), a `request.failed` event follows each, naming its action, outcome and status. */
  async settled<T>(call: () => Promise<T>, options: { ahead: boolean } = { ahead: false }): Promise<T> {
    const events: AuditEvent[] = [];
    let result: T;
    try {
      result = await held.run({ events, ahead: options.ahead }, call);
    } catch (e) {
      const failed = failure(e);
      for (const event of events) {
        if (!options.ahead) await this.#append(event.outcome === 'ok' ? { ...event, ...failed } : event);
        else if (event.outcome === 'ok') await this.#append({ ...event, action: 'request.failed', query: { ...event.query, action: event.action }, count: 0, ...failed });
      }
      throw e;
    }
    if (!options.ahead) for (const event of events) await this.#append(event);
    return result;
  }

  async #append(event: AuditEvent): Promise<void> {
    await this.#store.appendLog('audit', { ...event });
  }
}

/** What a call that failed is recorded with: its stable code and the status the API answers it with. */
function failure(e: unknown): { outcome: string; status: number } {
  const code = e instanceof BakenError ? e.code : 'INTERNAL';
  return { outcome: code, status: code === 'INTERNAL' ? 500 : ERROR_CODES[code].http };
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
