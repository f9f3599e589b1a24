// The logs against their signed checkpoints (checkpoints.ts). A checkpoint is the key holder's word
// that the log had reached entry #seq with this hash at that time, so a log that now ends before it
// was cut, and one whose entry #seq has another hash was rewritten (entries removed, changed or
// re-chained) somewhere after the last checkpoint that still matches. Read only: never writes one.
import { existsSync } from 'node:fs';
import type { LogEntry, LogName } from '../domain/hash-chain.ts';
import { CHECKPOINTS_FILE, checkpointsPath, readCheckpoints, type CheckpointFile } from './checkpoints.ts';
import { loadPublicKey } from './signing-key.ts';

export interface Anchors { file: CheckpointFile | null; problems: string[] }

/** The checkpoint file with its own problems (a line changed, removed or unsigned; no key to check it). */
export function readAnchors(dataDir: string): Anchors {
  if (!existsSync(checkpointsPath(dataDir))) return { file: null, problems: [] };
  try {
    const file = readCheckpoints(dataDir, loadPublicKey(dataDir));
    return { file, problems: (file?.problems ?? []).map((p) => `${CHECKPOINTS_FILE} line ${p.line}: ${p.why}`) };
  } catch (e) {
    return { file: null, problems: [`${CHECKPOINTS_FILE} cannot be checked: ${(e as Error).message}`] };
  }
}

/** What is wrong with one log as its checkpoints see it; each problem says from which entry on the log can no longer be trusted. */
export function anchorProblems(log: LogName, entries: LogEntry[], anchors: Anchors): string[] {
  const checkpoints = (anchors.file?.checkpoints ?? []).filter((c) => c.log === log).sort((a, b) => a.seq - b.seq);
  const last = entries.at(-1)?.seq ?? 0;
  if (checkpoints.length === 0) {
    return entries.length === 0 ? [] : [`${log} log: no signed checkpoint anchors its ${entries.length} entries (${CHECKPOINTS_FILE} `
      + `${anchors.file ? 'holds none for this log' : anchors.problems.length > 0 ? 'cannot be checked' : 'is missing'}): `
      + 'a cut or rewritten log cannot be told from an intact one'];
  }
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const problems: string[] = [];
  let trusted = 0;
  for (const c of checkpoints) {
    const entry = bySeq.get(c.seq);
    if (entry?.hash === c.hash) {
      trusted = c.seq;
      continue;
    }
    if (entry === undefined && c.seq > last) continue;
    problems.push(`${log} log: entry #${trusted + 1} onward differ from the signed checkpoint of ${c.at} `
      + `(entry #${c.seq} ${entry ? 'has another hash' : 'is missing'}): the log cannot be trusted from entry #${trusted + 1}`);
    break;
  }
  const furthest = checkpoints.at(-1)!;
  if (furthest.seq > last) {
    problems.push(`${log} log: entries after #${last} are missing (the signed checkpoint of ${furthest.at} records ${furthest.seq})`);
  }
  return problems;
}
