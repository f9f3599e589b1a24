// The custody log's entries, built in one place so that every adapter writes exactly what `verify`
// reads back (src/evidence/verify-custody.ts). Ids, hashes, counts and times only, never ad content:
// the log outlives what it records.
import { sha256Hex } from '../domain/canonical-json.ts';
import type { LogBody } from '../domain/hash-chain.ts';
import type { RunCounts, RunEnd, RunFailure } from './store.ts';

export const custody = {
  /** A finished run: minimised ads leave only their count (Directive 2016/680 art. 25). A run given
   *  up says so; a complete one's entry is as it always was, so older logs verify unchanged. */
  run: (run: string, theme: string, source: string | null, counts: RunCounts, finishedAt: string, end: RunEnd): LogBody =>
    ({ action: 'run', run, theme, source, ...counts, finishedAt, ...(end === 'abandoned' ? { abandoned: true } : {}) }),
  /** The failure's URL as a hash: the log outlives the failure record. */
  captureFailed: (run: string, f: RunFailure): LogBody =>
    ({ action: 'capture-failed', run, source: f.source, url: sha256Hex(f.url), reason: f.reason, attempts: f.attempts }),
  capture: (c: { ad: string; capture: string; version: number; run: string; manifest: string; seenAt: string }): LogBody =>
    ({ action: c.version > 1 ? 'version' : 'capture', ...c }),
  sighting: (ad: string, capture: string, run: string, seenAt: string): LogBody => ({ action: 'sighting', ad, capture, run, seenAt }),
  gone: (run: string, theme: string, source: string, ads: string[], goneAt: string): LogBody => ({ action: 'gone', run, theme, source, ads, goneAt }),
  stagingPurged: (run: string, theme: string | null, ads: number, reason: string): LogBody => ({ action: 'staging-purged', run, theme, ads, reason }),
  hold: (ad: string, theme: string, caseNumber: string, by: string): LogBody => ({ action: 'hold', ad, theme, case: caseNumber, by }),
  holdReleased: (ad: string, theme: string, caseNumber: string, by: string): LogBody => ({ action: 'hold-released', ad, theme, case: caseNumber, by }),
  purge: (theme: string, ads: string[], captures: string[], at: string): LogBody => ({ action: 'purge', theme, reason: 'retention', ads, captures, at }),
};
