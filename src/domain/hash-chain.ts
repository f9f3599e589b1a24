// Append-only, hash-chained logs (custody log, audit trail): each entry carries the hash of the one
// before it, so changing, removing or reordering any entry breaks every hash after it.
import { canonicalJson, sha256Hex } from './canonical-json.ts';

export const LOG_NAMES = ['custody', 'audit'] as const;
export type LogName = (typeof LOG_NAMES)[number];

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller appends; `seq`, `at` and the hashes are the log's to set. */
export type LogBody = Record<string, unknown> & { action: string };

export interface LogEntry {
  log: LogName;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  body: LogBody;
}

/** The last entry of a log: what a signed checkpoint anchors. */
export type LogHead = Pick<LogEntry, 'log' | 'seq' | 'hash' | 'at'>;

export function entryHash(e: Pick<LogEntry, 'log' | 'seq' | 'at' | 'prevHash' | 'body'>): string {
  return sha256Hex(canonicalJson({ log: e.log, seq: e.seq, at: e.at, prevHash: e.prevHash, body: e.body }));
}

export interface ChainBreak { seq: number; why: string }

/** Checks a whole log read in order from its first entry. */
export function verifyChain(entries: Iterable<LogEntry>): { checked: number; breaks: ChainBreak[] } {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const e of entries) {
    checked++;
    if (e.seq !== expectedSeq) breaks.push({ seq: e.seq, why: `expected entry ${expectedSeq}, found ${e.seq} (entries missing or reordered)` });
    if (e.prevHash !== prev) breaks.push({ seq: e.seq, why: 'does not point at the hash of the entry before it' });
    if (entryHash(e) !== e.hash) breaks.push({ seq: e.seq, why: 'its content does not match its hash (changed after writing)' });
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  return { checked, breaks };
}
