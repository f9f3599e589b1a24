// What the custody log says the store must hold: per capture its version and manifest, per ad the
// times it was seen and marked gone, per run its counts.
import type { LogEntry } from '../domain/hash-chain.ts';
import type { RunCounts } from '../store/store.ts';

export interface CustodyIndex {
  captures: Map<string, { ad: string; version: number; manifest: string }>;
  seen: Map<string, string[]>;
  gone: Map<string, string>;
  runs: Map<string, RunCounts>;
  themes: Set<string>;
}

export function custodyIndex(entries: LogEntry[]): CustodyIndex {
  const index: CustodyIndex = { captures: new Map(), seen: new Map(), gone: new Map(), runs: new Map(), themes: new Set() };
  const see = (ad: string, at: string) => index.seen.set(ad, [...index.seen.get(ad) ?? [], at]);
  for (const { body: b } of entries) {
    switch (b.action) {
      case 'capture': case 'version':
        index.captures.set(String(b['capture']), { ad: String(b['ad']), version: Number(b['version']), manifest: String(b['manifest']) });
        see(String(b['ad']), String(b['seenAt']));
        break;
      case 'sighting':
        see(String(b['ad']), String(b['seenAt']));
        break;
      case 'gone':
        for (const ad of b['ads'] as string[]) index.gone.set(ad, String(b['goneAt']));
        break;
      case 'run':
        index.themes.add(String(b['theme']));
        index.runs.set(String(b['run']), {
          captured: Number(b['captured']), kept: Number(b['kept']), deleted: Number(b['deleted']), failed: Number(b['failed']),
        });
        break;
    }
  }
  for (const times of index.seen.values()) times.sort();
  return index;
}
