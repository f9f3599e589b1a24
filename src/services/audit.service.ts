// The audit trail for the oversight committee: filtered reading and a check of the whole chain.
import type { Who } from '../accounts/actor.ts';
import { verifyChain, type ChainBreak, type LogEntry } from '../domain/hash-chain.ts';
import { themesFor, type ServiceContext } from './context.ts';

export interface AuditQuery { user?: string; action?: string; theme?: string; from?: string; to?: string; page: number; pageSize: number }

/** Entries are read in chunks, so a long trail is filtered without holding it in memory. */
const CHUNK = 5000;

export class AuditService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async trail(who: Who, q: AuditQuery): Promise<{ total: number; page: number; pageSize: number; entries: LogEntry[] }> {
    const themes = new Set(themesFor(who, 'audit.read', this.#c.config.current, q.theme));
    // Account-level events (logins) touch no theme; an auditor sees them unless narrowed to a theme.
    const inScope = (e: LogEntry) => {
      const touched = Array.isArray(e.body['themes']) ? e.body['themes'] as string[] : [];
      return touched.length === 0 ? q.theme === undefined : touched.some((t) => themes.has(t));
    };
    const matches = (e: LogEntry) => inScope(e)
      && (q.user === undefined || e.body['user'] === q.user)
      && (q.action === undefined || e.body.action === q.action)
      && (q.from === undefined || e.at >= q.from)
      && (q.to === undefined || e.at <= q.to);
    const skip = (q.page - 1) * q.pageSize;
    const entries: LogEntry[] = [];
    let total = 0;
    for (let from = 1; ; from += CHUNK) {
      const chunk = await this.#c.store.readLog('audit', { fromSeq: from, limit: CHUNK });
      for (const e of chunk) {
        if (!matches(e)) continue;
        if (total >= skip && entries.length < q.pageSize) entries.push(e);
        total++;
      }
      if (chunk.length < CHUNK) break;
    }
    const { page, pageSize, ...filters } = q;
    await this.#c.trail.record(who, 'audit.read', { themes: [...themes], query: { ...filters, page }, count: entries.length });
    return { total, page, pageSize, entries };
  }

  async verify(who: Who): Promise<{ checked: number; ok: boolean; breaks: ChainBreak[] }> {
    themesFor(who, 'audit.read', this.#c.config.current);
    const { checked, breaks } = verifyChain(await this.#c.store.readLog('audit'));
    await this.#c.trail.record(who, 'audit.verify', { count: checked, outcome: breaks.length === 0 ? 'ok' : 'chain-broken' });
    return { checked, ok: breaks.length === 0, breaks };
  }
}
