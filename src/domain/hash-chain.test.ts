import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entryHash, GENESIS_HASH, verifyChain, type LogEntry } from './hash-chain.ts';

function chain(n: number): LogEntry[] {
  const out: LogEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { log: 'audit' as const, seq, at: `2026-01-0${seq}T00:00:00.000Z`, prevHash: prev, body: { action: 'view', n: seq } };
    prev = entryHash(e);
    out.push({ ...e, hash: prev });
  }
  return out;
}

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    assert.deepEqual(verifyChain(chain(4)), { checked: 4, breaks: [] });
  });
  it('finds an entry whose content was changed', () => {
    const c = chain(4);
    c[1] = { ...c[1]!, body: { action: 'view', n: 99 } };
    assert.deepEqual(verifyChain(c).breaks, [{ seq: 2, why: 'its content does not match its hash (changed after writing)' }]);
  });
  it('finds a removed entry', () => {
    const c = chain(4);
    c.splice(2, 1);
    assert.deepEqual(verifyChain(c).breaks, [
      { seq: 4, why: 'expected entry 3, found 4 (entries missing or reordered)' },
      { seq: 4, why: 'does not point at the hash of the entry before it' },
    ]);
  });
  it('accepts a log whose first entry points at 64 zeros, as every log written so far does', () => {
    const first = { log: 'custody' as const, seq: 1, at: '2026-01-01T00:00:00.000Z', prevHash: '0'.repeat(64), body: { action: 'capture' } };
    assert.deepEqual(verifyChain([{ ...first, hash: entryHash(first) }]), { checked: 1, breaks: [] });
  });
  it('finds a rewritten chain tail that does not link to what came before', () => {
    const c = chain(3);
    const forged = { ...c[2]!, prevHash: GENESIS_HASH };
    c[2] = { ...forged, hash: entryHash(forged) };
    assert.deepEqual(verifyChain(c).breaks, [{ seq: 3, why: 'does not point at the hash of the entry before it' }]);
  });
});
