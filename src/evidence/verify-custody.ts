// The hash chains themselves, and what the custody log says the store must hold: every capture and
// ad it records, each ad's sightings and gone mark, each run's counts.
import { canonicalJson } from '../domain/canonical-json.ts';
import { verifyChain, type LogEntry } from '../domain/hash-chain.ts';
import type { CaptureEvidence, Store, StoredRun } from '../store/store.ts';
import { bySighting, type CustodyIndex, type LoggedRun } from './custody-index.ts';
import { differences, type Report } from './verify-report.ts';

export function checkChain(report: Report, log: string, entries: LogEntry[]): void {
  const { breaks } = verifyChain(entries);
  const bySeq = new Map<number, string[]>();
  for (const b of breaks) bySeq.set(b.seq, [...bySeq.get(b.seq) ?? [], b.why]);
  for (const e of entries) report.item(`${log} log entry ${e.seq}`, bySeq.get(e.seq) ?? []);
}

/** A capture the log records but the store lacks was deleted (or moved) behind the log's back.
 *  `skip` holds ads whose rows could not be read: they are reported as such, not as missing. */
export function checkLoggedCaptures(report: Report, index: CustodyIndex, captures: CaptureEvidence[],
  only: { adId: string } | undefined, skip: Set<string>): void {
  const expected = (ad: string) => (!only || ad === only.adId) && !skip.has(ad);
  const stored = new Set(captures.map((c) => c.captureId));
  for (const [id, logged] of index.captures) {
    if (!expected(logged.ad) || stored.has(id)) continue;
    report.item(`capture ${id}`, [`the custody log records capture ${id} of ad ${logged.ad}, but the store has no such capture`]);
  }
  const storedAds = new Set(captures.map((c) => c.ad.id));
  for (const ad of index.seen.keys()) {
    if (!expected(ad) || storedAds.has(ad)) continue;
    report.item(`ad ${ad}`, [`the custody log records ad ${ad}, but the store holds no capture of it`]);
  }
}

export function checkAd(ad: CaptureEvidence['ad'], captures: CaptureEvidence[], index: CustodyIndex,
  sightings: { runId: string; seenAt: string }[]): string[] {
  const problems: string[] = [];
  const latest = captures.reduce((a, b) => (b.version > a.version ? b : a));
  if (ad.latestCaptureId !== latest.captureId) problems.push('latest capture is not its highest version');
  const stored = sightings.map((s) => ({ run: s.runId, seenAt: s.seenAt })).sort(bySighting);
  const logged = index.seen.get(ad.id) ?? [];
  if (canonicalJson(stored.map((s) => s.seenAt)) !== canonicalJson(logged.map((s) => s.seenAt))) {
    problems.push(`sightings (${stored.length}) differ from the custody log (${logged.length})`);
  } else {
    stored.forEach((s, i) => problems.push(...differences('the custody log', [[`run of the sighting at ${s.seenAt}`, logged[i]!.run, s.run]])));
  }
  const first = logged[0]?.seenAt;
  const last = logged.at(-1)?.seenAt;
  if (first !== undefined && (ad.firstSeen !== first || ad.lastSeen !== last)) problems.push('first or last seen differ from the custody log');
  if (ad.goneAt !== (index.gone.get(ad.id) ?? null)) problems.push('gone mark differs from the custody log');
  return problems;
}

/** Runs of the logged themes and of the stored captures. A run's start time and software version
 *  are not in the log; the signed manifests of its captures bound the one and name the other. */
export async function checkRuns(report: Report, store: Store, index: CustodyIndex, captures: CaptureEvidence[]): Promise<void> {
  const rows = new Map<string, StoredRun>();
  for (const theme of new Set([...index.themes, ...captures.map((c) => c.ad.theme)])) {
    for (const run of await store.runs(theme)) rows.set(run.id, run);
  }
  for (const [id, logged] of index.runs) {
    const row = rows.get(id);
    report.item(`run ${id}`, row ? runProblems(row, logged, captures.filter((c) => c.runId === id))
      : [`the custody log records run ${id} of theme ${logged.theme}, but the store has no such run`]);
  }
  for (const row of rows.values()) {
    if (row.finishedAt !== null && !index.runs.has(row.id)) report.item(`run ${row.id}`, ['no custody log entry records this run']);
  }
}

function runProblems(row: StoredRun, logged: LoggedRun, captures: CaptureEvidence[]): string[] {
  const problems = differences('the custody log', [
    ['theme', logged.theme, row.theme], ['source', logged.source, row.source], ['finish time', logged.finishedAt, row.finishedAt],
    ['abandoned', logged.abandoned, row.abandoned],
  ]);
  const counts = { captured: row.captured, kept: row.kept, deleted: row.deleted, failed: row.failed };
  if (canonicalJson(counts) !== canonicalJson(logged.counts)) problems.push('counts differ from the custody log');
  if (captures.some((c) => c.meta.softwareVersion !== row.softwareVersion)) problems.push('software version differs from the signed manifests of its captures');
  if (row.startedAt > logged.finishedAt || captures.some((c) => row.startedAt > c.capturedAt)) {
    problems.push('start time is after its finish or after one of its captures');
  }
  return problems;
}
