// The audit trail for the oversight committee: filtered reading and a check of the whole chain.
import type { Who } from '../accounts/actor.ts';
import { verifyChain, type ChainBreak, type LogEntry } from '../domain/hash-chain.ts';
import { anchorProblems, readAnchors } from '../evidence/verify-anchors.ts';
import { themeRefs, themesFor, type ServiceContext } from './context.ts';

export interface AuditQuery { user?: string; action?: string; outcome?: string; theme?: string; from?: string; to?: string; order?: 'asc' | 'desc'; page: number; pageSize: number }

/** Entries are read in chunks, so a long trail is filtered without holding it in memory. */
const CHUNK = 5000;

export class AuditService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async trail(who: Who, q: AuditQuery): Promise<{ total: number; page: number; pageSize: number; entries: LogEntry[] }> {
    const config = this.#c.config.current;
    const scope = new Set(themesFor(who, 'audit.read', config));
    if (q.theme !== undefined) themesFor(who, 'audit.read', config, q.theme);
    const visible = entryVisible(scope, themeRefs(config).map((t) => t.id));
    // Narrowed to a theme, account-level events (no theme touched) drop out.
    const inScope = (e: LogEntry) => visible(e) && (q.theme === undefined || touchedThemes(e).includes(q.theme));
    const matches = (e: LogEntry) => inScope(e)
      && (q.user === undefined || e.body['user'] === q.user)
      && (q.action === undefined || e.body.action === q.action)
      && (q.outcome === undefined || e.body['outcome'] === q.outcome)
      && (q.from === undefined || e.at >= q.from)
      && (q.to === undefined || e.at <= q.to);
    const skip = (q.page - 1) * q.pageSize;
    const scan = async (take: (e: LogEntry, index: number) => void): Promise<number> => {
      let n = 0;
      for (let from = 1; ; from += CHUNK) {
        const chunk = await this.#c.store.readLog('audit', { fromSeq: from, limit: CHUNK });
        for (const e of chunk) if (matches(e)) take(e, n++);
        if (chunk.length < CHUNK) return n;
      }
    };
    const entries: LogEntry[] = [];
    let total: number;
    if (q.order === 'desc') {
      // Newest first: count, then take the page's window from the end (the trail is read oldest first).
      const count = await scan(() => {});
      const end = count - skip;
      const start = Math.max(0, end - q.pageSize);
      total = await scan((e, i) => { if (i >= start && i < end) entries.push(e); });
      entries.reverse();
    } else {
      total = await scan((e, i) => { if (i >= skip && entries.length < q.pageSize) entries.push(e); });
    }
    const { page, pageSize, ...filters } = q;
    await this.#c.trail.record(who, 'audit.read', { themes: q.theme === undefined ? [...scope] : [q.theme], query: { ...filters, page }, count: entries.length });
    return { total, page, pageSize, entries };
  }

  /** The chain, and the chain against its signed checkpoints: a cut or re-chained trail verifies as a chain. */
  async verify(who: Who): Promise<AuditChainCheck> {
    themesFor(who, 'audit.read', this.#c.config.current);
    const check = await checkAuditChain(this.#c);
    await this.#c.trail.record(who, 'audit.verify', { count: check.checked, outcome: check.outcome });
    return { checked: check.checked, ok: check.ok, breaks: check.breaks, checkpoints: check.checkpoints };
  }
}

export interface AuditChainCheck { checked: number; ok: boolean; breaks: ChainBreak[]; checkpoints: string[] }

/** The whole audit trail's chain, and the chain against its signed checkpoints; unaudited, for the
 *  use cases that report it. */
export async function checkAuditChain(c: Pick<ServiceContext, 'store' | 'dataDir'>): Promise<AuditChainCheck & { outcome: string }> {
  const entries = await c.store.readLog('audit');
  const { checked, breaks } = verifyChain(entries);
  const anchors = readAnchors(c.dataDir);
  const checkpoints = [...anchors.problems, ...anchorProblems('audit', entries, anchors)];
  const outcome = breaks.length > 0 ? 'chain-broken' : checkpoints.length > 0 ? 'checkpoint-mismatch' : 'ok';
  return { checked, ok: outcome === 'ok', breaks, checkpoints, outcome };
}

const touchedThemes = (e: LogEntry): string[] => (Array.isArray(e.body['themes']) ? e.body['themes'] as string[] : []);

/** An auditor sees an entry only when every theme it concerns is theirs: the themes it touched, or,
 *  for an account-level event (sign-ins, logouts), every theme its actor held then. An entry whose
 *  actor is unknown (or written before actors' themes were recorded) concerns every theme. */
export function entryVisible(scope: ReadonlySet<string>, allThemes: readonly string[]): (e: LogEntry) => boolean {
  const within = (themes: readonly string[]) => themes.every((t) => scope.has(t));
  return (e) => {
    const touched = touchedThemes(e);
    if (touched.length > 0) return within(touched);
    const actorThemes = e.body['actorThemes'];
    return within(Array.isArray(actorThemes) ? actorThemes as string[] : allThemes);
  };
}
