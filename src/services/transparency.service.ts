// The transparency report for the oversight committee (issue 13 item 4): per theme and calendar month,
// figures only, counted from the custody log and the audit trail, small counts suppressed per month
// (src/reports/transparency-cells.ts), with the audit chain's check. An auditor sees only their themes.
import type { Who } from '../accounts/actor.ts';
import type { LogName, LogEntry } from '../domain/hash-chain.ts';
import { publishedTheme } from '../reports/transparency-cells.ts';
import { TransparencyTally } from '../reports/transparency-figures.ts';
import { periodMonths } from '../reports/transparency-period.ts';
import type { TransparencyReport } from '../reports/transparency-report.ts';
import { checkAuditChain } from './audit.service.ts';
import { themesFor, type ServiceContext } from './context.ts';

export interface TransparencyQuery { from: string; to: string; theme?: string }


/** The logs are read in chunks, so a long log is counted without holding it in memory. */
const CHUNK = 5000;

export class TransparencyService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  /** `from` and `to` are months, YYYY-MM (the doors turn dates into months). */
  async report(who: Who, q: TransparencyQuery): Promise<TransparencyReport> {
    const themes = themesFor(who, 'audit.read', this.#c.config.current, q.theme);
    const now = this.#c.now();
    const months = periodMonths(q.from, q.to, now);
    const tally = new TransparencyTally(themes, months);
    await this.#scan('custody', (e) => tally.custody(e));
    await this.#scan('audit', (e) => tally.audit(e));
    const minCount = this.#c.settings.transparency.minCount;
    const chain = await checkAuditChain(this.#c);
    const report: TransparencyReport = {
      from: q.from, to: q.to, months, suppressedBelow: minCount, generatedAt: now.toISOString(),
      themes: [...tally.counts()].map(([theme, counted]) => ({ theme, ...publishedTheme(counted.months, counted.sources, minCount) })),
      auditChain: { checked: chain.checked, ok: chain.ok, breaks: chain.breaks.length, checkpointProblems: chain.checkpoints.length },
    };
    await this.#c.trail.record(who, 'transparency.read', { themes, query: { from: q.from, to: q.to }, count: themes.length });
    return report;
  }

  async #scan(log: LogName, take: (e: LogEntry) => void): Promise<void> {
    for (let from = 1; ; from += CHUNK) {
      const chunk = await this.#c.store.readLog(log, { fromSeq: from, limit: CHUNK });
      for (const e of chunk) take(e);
      if (chunk.length < CHUNK) return;
    }
  }
}
