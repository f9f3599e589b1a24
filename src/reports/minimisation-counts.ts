// What minimisation did in a period, counted from the custody log: every run's counts, every
// staging purge and every retention purge leave an entry there (src/store/custody-entries.ts), and
// the log, unlike the rows, keeps them after the ads are gone.
import type { LogEntry } from '../domain/hash-chain.ts';

export interface MinimisationCounts {
  runs: number;
  captured: number;
  kept: number;
  /** Deleted at the gate, in memory, before anything was written. */
  deletedAtGate: number;
  failed: number;
  /** Held for the run's cross-ad analysis and deleted after it. */
  stagingDeleted: number;
  /** Purged when their retention ended. */
  purged: number;
}

/** `from` and `to` are UTC ISO times; an entry counts when its time is in [from, to). */
export function countMinimisation(entries: Iterable<LogEntry>, theme: string, from: string, to: string): MinimisationCounts {
  const counts: MinimisationCounts = { runs: 0, captured: 0, kept: 0, deletedAtGate: 0, failed: 0, stagingDeleted: 0, purged: 0 };
  for (const { at, body } of entries) {
    if (body.theme !== theme || at < from || at >= to) continue;
    if (body.action === 'run') {
      counts.runs++;
      counts.captured += num(body.captured);
      counts.kept += num(body.kept);
      counts.deletedAtGate += num(body.deleted);
      counts.failed += num(body.failed);
    } else if (body.action === 'staging-purged') {
      counts.stagingDeleted += num(body.ads);
    } else if (body.action === 'purge' && Array.isArray(body.ads)) {
      counts.purged += body.ads.length;
    }
  }
  return counts;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
