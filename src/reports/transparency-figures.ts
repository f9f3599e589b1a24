// The transparency report's figures (issue 13 item 4), counted per theme and calendar month from the
// two hash-chained logs: the custody log (runs, staging purges, retention purges, holds) and the audit
// trail (searches, reads, exports, configuration changes, failed sign-ins). Both logs are append-only
// and every figure is counted from entries whose month never changes, so an ended month's figures
// never change either. Pure: the caller reads the logs and feeds the entries in order.
import { GRANTS, ROLES } from '../accounts/roles.ts';
import { JUSTIFICATION_KINDS, justificationKind } from '../domain/justification.ts';

/** Roles that search and read ad content: the only ones a search or read can be counted under. */
export const READING_ROLES = ROLES.filter((r) => GRANTS[r].has('ads.read'));

/** A total's parts by role, and by kind of justification. */
export const byRole = <P extends string>(total: P) => READING_ROLES.map((r) => `${total}:${r}` as const);
export const byKind = <P extends string>(total: P) => JUSTIFICATION_KINDS.map((k) => `${total}:${k}` as const);
const breakdown = <P extends string>(total: P) => [total, ...byRole(total), ...byKind(total)] as const;

export const FIGURES = [
  'sources', 'pages', 'captured', 'kept', 'deleted-at-gate', 'staged-deleted', 'failed', 'purged', 'on-hold', 'hold-cases',
  ...breakdown('searches'), ...breakdown('reads'),
  'exports-requested', 'exports-approved', 'exports-refused', 'config-changes', 'failed-sign-ins',
] as const;
export type Figure = (typeof FIGURES)[number];
export type Counts = Record<Figure, number>;

/** How a figure over several months follows from its months: summed, the last month's state (what
 *  is on hold at the end), or the distinct sources of the whole period. */
export const FIGURE_KIND: Record<Figure, 'sum' | 'state' | 'distinct'> = Object.fromEntries(FIGURES.map((f) => [f,
  f === 'sources' ? 'distinct' : f === 'on-hold' || f === 'hold-cases' ? 'state' : 'sum'])) as Record<Figure, 'sum' | 'state' | 'distinct'>;

/** The sums that tie a month's figures together, which suppression must not let anyone solve. */
export const FIGURE_SUMS: ReadonlyArray<{ total: Figure; parts: Figure[] }> = [
  { total: 'pages', parts: ['captured', 'failed'] },
  { total: 'captured', parts: ['kept', 'deleted-at-gate', 'staged-deleted'] },
  ...(['searches', 'reads'] as const).flatMap((p) => [
    { total: p, parts: byRole(p) },
    { total: p, parts: byKind(p) },
  ]),
];

const AUDIT_FIGURE: Partial<Record<string, Figure>> = {
  'ads.search': 'searches', 'ads.read': 'reads',
  'exports.request': 'exports-requested', 'exports.approve': 'exports-approved', 'exports.refuse': 'exports-refused',
  'config.change': 'config-changes', 'session.login-failed': 'failed-sign-ins',
};

/** What the tally reads of a log entry (a LogEntry; named by shape, since the dashboard imports this
 *  file and the log's own module needs node:crypto). */
export interface LoggedEvent { at: string; body: Record<string, unknown> & { action: string } }

export const monthOf = (iso: string): string => iso.slice(0, 7);

export function zeroCounts(): Counts {
  return Object.fromEntries(FIGURES.map((f) => [f, 0])) as Counts;
}

interface RunEnd { theme: string; month: string; source: string | null; captured: number; kept: number; deleted: number; failed: number }
interface HoldEvent { theme: string; ad: string; caseNumber: string; at: string; on: boolean }

/** Counts log entries into per-theme, per-month figures for the given themes and months. */
export class TransparencyTally {
  readonly #themes: ReadonlySet<string>;
  readonly #months: ReadonlySet<string>;
  readonly #counts = new Map<string, Counts>();
  readonly #runs = new Map<string, RunEnd>();
  /** Staged ads purged per run, so a run's deletions split into those at the gate and those later. */
  readonly #stagedPurged = new Map<string, number>();
  readonly #holds: HoldEvent[] = [];

  constructor(themes: readonly string[], months: readonly string[]) {
    this.#themes = new Set(themes);
    this.#months = new Set(months);
  }

  custody(e: LoggedEvent): void {
    const b = e.body;
    const theme = typeof b['theme'] === 'string' ? b['theme'] : null;
    if (theme === null || !this.#themes.has(theme)) return;
    if (b.action === 'run') {
      const n = (k: string) => Number(b[k] ?? 0);
      this.#runs.set(String(b['run']), {
        theme, month: monthOf(String(b['finishedAt'] ?? e.at)), source: typeof b['source'] === 'string' ? b['source'] : null,
        captured: n('captured'), kept: n('kept'), deleted: n('deleted'), failed: n('failed'),
      });
    } else if (b.action === 'staging-purged') {
      const ads = Number(b['ads'] ?? 0);
      this.#stagedPurged.set(String(b['run']), (this.#stagedPurged.get(String(b['run'])) ?? 0) + ads);
      this.#add(theme, monthOf(e.at), 'staged-deleted', ads);
    } else if (b.action === 'purge') {
      this.#add(theme, monthOf(e.at), 'purged', Array.isArray(b['ads']) ? b['ads'].length : 0);
    } else if (b.action === 'hold' || b.action === 'hold-released') {
      this.#holds.push({ theme, ad: String(b['ad']), caseNumber: String(b['case']), at: e.at, on: b.action === 'hold' });
    }
  }

  audit(e: LoggedEvent): void {
    const b = e.body;
    const figure = AUDIT_FIGURE[b.action];
    if (figure === undefined) return;
    // A failed sign-in has its own outcome code; everything else counts only when it was done.
    if (figure !== 'failed-sign-ins' && b['outcome'] !== 'ok') return;
    // A failed sign-in touches no theme: it counts for the themes its account held.
    const themes = figure === 'failed-sign-ins' ? b['actorThemes'] : b['themes'];
    const month = monthOf(e.at);
    for (const theme of Array.isArray(themes) ? themes as string[] : []) {
      if (!this.#themes.has(theme)) continue;
      this.#add(theme, month, figure, 1);
      if (figure === 'searches' || figure === 'reads') {
        if (READING_ROLES.includes(b['role'] as never)) this.#add(theme, month, `${figure}:${b['role']}` as Figure, 1);
        if (typeof b['justification'] === 'string') this.#add(theme, month, `${figure}:${justificationKind(b['justification'])}`, 1);
      }
    }
  }

  /** Each theme's counts for each month, in the order given; months without anything count zero. */
  counts(): Map<string, { months: Map<string, Counts>; sources: number }> {
    const sourcesInPeriod = new Map<string, Set<string>>();
    const sourcesInMonth = new Map<string, Set<string>>();
    for (const [run, r] of this.#runs) {
      if (!this.#months.has(r.month)) continue;
      const staged = this.#stagedPurged.get(run) ?? 0;
      this.#add(r.theme, r.month, 'captured', r.captured);
      this.#add(r.theme, r.month, 'kept', r.kept);
      this.#add(r.theme, r.month, 'deleted-at-gate', Math.max(0, r.deleted - staged));
      this.#add(r.theme, r.month, 'failed', r.failed);
      this.#add(r.theme, r.month, 'pages', r.captured + r.failed);
      if (r.source !== null) {
        setOf(sourcesInPeriod, r.theme).add(r.source);
        setOf(sourcesInMonth, `${r.theme} ${r.month}`).add(r.source);
      }
    }
    const result = new Map<string, { months: Map<string, Counts>; sources: number }>();
    for (const theme of this.#themes) {
      const months = new Map<string, Counts>();
      for (const month of [...this.#months].sort()) {
        const c = { ...(this.#counts.get(`${theme} ${month}`) ?? zeroCounts()) };
        c.sources = sourcesInMonth.get(`${theme} ${month}`)?.size ?? 0;
        const held = this.#heldAtEndOf(theme, month);
        c['on-hold'] = held.size;
        c['hold-cases'] = new Set(held.values()).size;
        months.set(month, c);
      }
      result.set(theme, { months, sources: sourcesInPeriod.get(theme)?.size ?? 0 });
    }
    return result;
  }

  /** The theme's ads on hold when the month ended, with their case numbers. */
  #heldAtEndOf(theme: string, month: string): Map<string, string> {
    const held = new Map<string, string>();
    for (const h of this.#holds) {
      if (h.theme !== theme || monthOf(h.at) > month) continue;
      if (h.on) held.set(h.ad, h.caseNumber);
      else held.delete(h.ad);
    }
    return held;
  }

  #add(theme: string, month: string, figure: Figure, n: number): void {
    if (!this.#months.has(month) || !this.#themes.has(theme)) return;
    const key = `${theme} ${month}`;
    const c = this.#counts.get(key) ?? zeroCounts();
    c[figure] += n;
    this.#counts.set(key, c);
  }
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  const set = map.get(key) ?? new Set<string>();
  map.set(key, set);
  return set;
}
