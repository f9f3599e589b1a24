// What the custody log says the store must hold: per capture its ad, version, run and manifest, per
// ad each sighting (when and in which run) and when it was marked gone, per run its counts. Ads and
// captures a `purge` entry names were erased under retention, so they are no longer expected.
import type { LogEntry } from '../domain/hash-chain.ts';
import type { RunCounts } from '../store/store.ts';

export interface LoggedCapture { ad: string; version: number; run: string; manifest: string }
export interface LoggedSighting { run: string; seenAt: string }
export interface LoggedRun { theme: string; source: string | null; finishedAt: string; counts: RunCounts; abandoned: boolean }

export interface CustodyIndex {
  captures: Map<string, LoggedCapture>;
  /** Per ad, in the order of `bySighting`. */
  seen: Map<string, LoggedSighting[]>;
  gone: Map<string, string>;
  runs: Map<string, LoggedRun>;
  themes: Set<string>;
  /** Captures erased by a purge (and not captured again since). */
  purged: Set<string>;
}

export function custodyIndex(entries: LogEntry[]): CustodyIndex {
  const index: CustodyIndex = { captures: new Map(), seen: new Map(), gone: new Map(), runs: new Map(), themes: new Set(),
    purged: new Set() };
  // A sighting clears an ad's gone mark, as the store does in the same transaction: whichever the log
  // records last holds, whatever the times they name (a capture settled after a gone mark may be older).
  const see = (ad: string, sighting: LoggedSighting) => {
    index.seen.set(ad, [...index.seen.get(ad) ?? [], sighting]);
    index.gone.delete(ad);
  };
  for (const { body: b } of entries) {
    switch (b.action) {
      case 'capture': case 'version':
        index.purged.delete(String(b['capture']));
        index.captures.set(String(b['capture']), {
          ad: String(b['ad']), version: Number(b['version']), run: String(b['run']), manifest: String(b['manifest']),
        });
        see(String(b['ad']), { run: String(b['run']), seenAt: String(b['seenAt']) });
        break;
      case 'sighting':
        see(String(b['ad']), { run: String(b['run']), seenAt: String(b['seenAt']) });
        break;
      case 'gone':
        // A changed entry is the chain check's to report; here it must not stop the other checks.
        for (const ad of list(b['ads'])) index.gone.set(String(ad), String(b['goneAt']));
        break;
      case 'purge':
        // An ad purged and later found again starts afresh: only what the log records after the purge is expected.
        for (const ad of list(b['ads'])) {
          index.seen.delete(ad);
          index.gone.delete(ad);
        }
        for (const capture of list(b['captures'])) {
          index.captures.delete(capture);
          index.purged.add(capture);
        }
        break;
      case 'run':
        index.themes.add(String(b['theme']));
        index.runs.set(String(b['run']), {
          theme: String(b['theme']), source: b['source'] === null ? null : String(b['source']), finishedAt: String(b['finishedAt']),
          counts: { captured: Number(b['captured']), kept: Number(b['kept']), deleted: Number(b['deleted']), failed: Number(b['failed']) },
          abandoned: b['abandoned'] === true,
        });
        break;
    }
  }
  for (const sightings of index.seen.values()) sightings.sort(bySighting);
  return index;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Time order, then run: the log and the store list sightings of one instant in different orders. */
export function bySighting(a: LoggedSighting, b: LoggedSighting): number {
  return a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : a.run < b.run ? -1 : a.run > b.run ? 1 : 0;
}
