// anchorProblems on logs and checkpoints made by hand: which entry a cut or rewritten log can no
// longer be trusted from, and why a log has no anchor at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEntry, LogName } from '../domain/hash-chain.ts';
import type { CheckpointFile } from './checkpoints.ts';
import { anchorProblems, type Anchors } from './verify-anchors.ts';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const entries = (count: number, log: LogName = 'custody'): LogEntry[] => Array.from({ length: count }, (_, i) => ({
  log, seq: i + 1, at: `2026-03-0${(i % 9) + 1}T00:00:00.000Z`, prevHash: hash(i), hash: hash(i + 1), body: { action: 'test' },
}));
const checkpoint = (seq: number, at: string, log: LogName = 'custody', h = hash(seq)): CheckpointFile['checkpoints'][number] => ({
  v: 1, log, seq, hash: h, entryAt: at, at, prev: '', keyId: 'k', sig: 's', line: seq,
});
const anchors = (...checkpoints: CheckpointFile['checkpoints']): Anchors => ({ file: { checkpoints, problems: [] }, problems: [] });

describe('anchorProblems', () => {
  it('finds nothing wrong with a log that matches every checkpoint, in whatever order the file lists them', () => {
    assert.deepEqual(anchorProblems('custody', entries(5), anchors(checkpoint(4, 'b'), checkpoint(2, 'a'))), []);
  });

  it('says from which entry a rewritten log cannot be trusted: one past the last checkpoint that still matches', () => {
    const log = entries(6);
    log[4] = { ...log[4]!, hash: hash(99) };
    assert.deepEqual(anchorProblems('custody', log, anchors(checkpoint(5, 'late'), checkpoint(3, 'early'))), [
      'custody log: entry #4 onward differ from the signed checkpoint of late (entry #5 has another hash): the log cannot be trusted from entry #4',
    ]);
  });

  it('names an entry missing before the end, and a log cut before its furthest checkpoint', () => {
    const gap = entries(6).filter((e) => e.seq !== 3);
    assert.deepEqual(anchorProblems('custody', gap, anchors(checkpoint(3, 'a'), checkpoint(6, 'b'))), [
      'custody log: entry #1 onward differ from the signed checkpoint of a (entry #3 is missing): the log cannot be trusted from entry #1',
    ]);
    assert.deepEqual(anchorProblems('custody', entries(4), anchors(checkpoint(2, 'a'), checkpoint(6, 'b'))), [
      'custody log: entries after #4 are missing (the signed checkpoint of b records 6)',
    ]);
  });

  it('reads only the checkpoints of its own log', () => {
    assert.deepEqual(anchorProblems('custody', entries(3), anchors(checkpoint(3, 'a'), checkpoint(2, 'b', 'audit', hash(77)))), []);
    assert.deepEqual(anchorProblems('audit', entries(3, 'audit'), anchors(checkpoint(2, 'b', 'audit', hash(77)))), [
      'audit log: entry #1 onward differ from the signed checkpoint of b (entry #2 has another hash): the log cannot be trusted from entry #1',
    ]);
  });

  it('says why a log with entries has no anchor: the file holds none for it, cannot be checked, or is missing', () => {
    const tail = 'a cut or rewritten log cannot be told from an intact one';
    assert.deepEqual(anchorProblems('audit', entries(2, 'audit'), anchors(checkpoint(2, 'a'))),
      [`audit log: no signed checkpoint anchors its 2 entries (anchors/checkpoints.jsonl holds none for this log): ${tail}`]);
    assert.deepEqual(anchorProblems('audit', entries(2, 'audit'), { file: null, problems: ['no key'] }),
      [`audit log: no signed checkpoint anchors its 2 entries (anchors/checkpoints.jsonl cannot be checked): ${tail}`]);
    assert.deepEqual(anchorProblems('audit', entries(2, 'audit'), { file: null, problems: [] }),
      [`audit log: no signed checkpoint anchors its 2 entries (anchors/checkpoints.jsonl is missing): ${tail}`]);
  });

  it('asks nothing of an empty log without checkpoints', () => {
    assert.deepEqual(anchorProblems('audit', [], { file: null, problems: [] }), []);
  });
});
