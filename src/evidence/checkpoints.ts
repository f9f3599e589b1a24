// Signed checkpoints of the log heads, kept outside the database in <data>/anchors/checkpoints.jsonl:
// whoever can rewrite the database (drop the append-only triggers, cut or re-chain a log) cannot
// also forge a line here without the installation's private key. Each line is signed and names the
// hash of the line before it, so a line removed from the middle breaks the next one. Lines are only
// ever appended (O_APPEND, one write per line), by one writer at a time (Store.withLogHeads).
import { sign, verify } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import { GENESIS_HASH, LOG_NAMES, type LogHead, type LogName } from '../domain/hash-chain.ts';
import type { PublicKey, SigningKey } from './signing-key.ts';

export const CHECKPOINTS_FILE = join('anchors', 'checkpoints.jsonl');

/** `seq`, `hash` and `entryAt` are the log's head; `at` is when it was anchored; `prev` is the
 *  SHA-256 of the line before (GENESIS_HASH on the first line). */
export interface Checkpoint { v: 1; log: LogName; seq: number; hash: string; entryAt: string; at: string; prev: string; keyId: string }
export interface SignedCheckpoint extends Checkpoint { sig: string }

export interface CheckpointFile {
  /** The lines whose signature holds, with their line number: genuine statements of the key holder. */
  checkpoints: (SignedCheckpoint & { line: number })[];
  problems: { line: number; why: string }[];
}

export const checkpointsPath = (dataDir: string) => join(dataDir, CHECKPOINTS_FILE);

/** Appends one signed line per head, each chained to the line before; synchronous, so it can run
 *  inside the store's lock. */
export function appendCheckpoints(dataDir: string, key: SigningKey, heads: LogHead[], at: string): SignedCheckpoint[] {
  mkdirSync(join(dataDir, 'anchors'), { recursive: true, mode: 0o700 });
  const fd = openSync(checkpointsPath(dataDir), 'a+', 0o600);
  try {
    const last = lastLine(fd);
    // A line cut short by a crash stays a line of its own, for verify to name.
    if (last.open) writeSync(fd, '\n');
    let prev = last.hash;
    const written: SignedCheckpoint[] = [];
    for (const head of heads) {
      const checkpoint: Checkpoint = { v: 1, log: head.log, seq: head.seq, hash: head.hash, entryAt: head.at, at, prev, keyId: key.keyId };
      const signed = { ...checkpoint, sig: sign(null, Buffer.from(canonicalJson(checkpoint)), key.privateKey).toString('base64') };
      const line = JSON.stringify(signed);
      writeSync(fd, `${line}\n`);
      prev = sha256Hex(line);
      written.push(signed);
    }
    fsyncSync(fd);
    return written;
  } finally {
    closeSync(fd);
  }
}

/** Every line checked: its form, its signature and its link to the line before. null when there is no file. */
export function readCheckpoints(dataDir: string, key: PublicKey): CheckpointFile | null {
  let text: string;
  try {
    text = readFileSync(checkpointsPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const result: CheckpointFile = { checkpoints: [], problems: [] };
  let prev = GENESIS_HASH;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    const n = i + 1;
    const problem = (why: string) => result.problems.push({ line: n, why });
    const parsed = parseCheckpoint(line);
    if (!parsed) problem('not a signed checkpoint (cut short or changed)');
    else {
      const { sig, ...checkpoint } = parsed;
      if (parsed.keyId !== key.keyId) problem(`signed by another key (${parsed.keyId.slice(0, 12)}…), not this installation's`);
      else if (!verify(null, Buffer.from(canonicalJson(checkpoint)), key.publicKey, Buffer.from(sig, 'base64'))) {
        problem('its signature does not match (changed after signing)');
      } else result.checkpoints.push({ ...parsed, line: n });
      if (parsed.prev !== prev) {
        problem(n === 1 ? 'is not the first checkpoint written (lines before it were removed)'
          : `does not follow line ${n - 1} (a checkpoint was removed, inserted or changed there)`);
      }
    }
    prev = sha256Hex(line);
  });
  return result;
}

function parseCheckpoint(line: string): SignedCheckpoint | null {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const text = (k: string) => typeof v[k] === 'string';
  const ok = v !== null && typeof v === 'object' && v['v'] === 1 && LOG_NAMES.includes(v['log'] as LogName)
    && Number.isSafeInteger(v['seq']) && ['hash', 'entryAt', 'at', 'prev', 'keyId', 'sig'].every(text);
  if (!ok) return null;
  const { v: version, log, seq, hash, entryAt, at, prev, keyId, sig } = v as unknown as SignedCheckpoint;
  return { v: version, log, seq, hash, entryAt, at, prev, keyId, sig };
}

/** The hash of the file's last line, read from its end (the file only grows); `open` when that
 *  line has no newline yet. */
function lastLine(fd: number): { hash: string; open: boolean } {
  const size = fstatSync(fd).size;
  if (size === 0) return { hash: GENESIS_HASH, open: false };
  for (let span = Math.min(size, 4096); ; span = Math.min(size, span * 2)) {
    const buf = Buffer.alloc(span);
    readSync(fd, buf, 0, span, size - span);
    const open = buf.at(-1) !== 0x0a;
    const text = buf.toString('utf8', 0, open ? span : span - 1);
    const cut = text.lastIndexOf('\n');
    if (cut >= 0 || span === size) return { hash: sha256Hex(text.slice(cut + 1)), open };
  }
}
