import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intersection, WordIndex } from './word-index.ts';

const sorted = (rids: Int32Array) => [...rids].sort((a, b) => a - b);

describe('word index', () => {
  it('find the ads holding every word, and none for a word no ad holds or for no words', () => {
    const index = new WordIndex();
    index.set(1, ['zonnig', 'utrecht']);
    index.set(2, ['zonnig', 'amsterdam']);
    index.set(3, ['regen', 'utrecht', 'utrecht']);
    assert.deepEqual(sorted(index.holdingAll(['zonnig'])), [1, 2]);
    assert.deepEqual(sorted(index.holdingAll(['utrecht', 'zonnig'])), [1]);
    assert.deepEqual(sorted(index.holdingAll(['utrecht', 'utrecht'])), [1, 3]);
    assert.deepEqual(sorted(index.holdingAll(['zonnig', 'onbekend'])), []);
    assert.deepEqual(sorted(index.holdingAll([])), []);
  });

  it('follow an ad whose words change: its old words no longer find it', () => {
    const index = new WordIndex();
    index.set(7, ['oud', 'woord']);
    index.set(7, ['nieuw', 'woord']);
    assert.deepEqual(sorted(index.holdingAll(['oud'])), []);
    assert.deepEqual(sorted(index.holdingAll(['nieuw', 'woord'])), [7]);
    index.set(7, []);
    assert.deepEqual(sorted(index.holdingAll(['woord'])), []);
  });

  it('keep answering exactly through many changes, as a plain scan of every ad’s words would', () => {
    const index = new WordIndex();
    const words = new Map<number, string[]>();
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let step = 0; step < 20_000; step++) {
      const rid = 1 + Math.floor(next() * 3000);
      const own = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `w${Math.floor(next() * 40)}`);
      index.set(rid, own);
      words.set(rid, own);
    }
    for (const query of [['w1'], ['w2', 'w3'], ['w4', 'w5', 'w6'], ['w39', 'w0']]) {
      const expected = [...words].filter(([, own]) => query.every((w) => own.includes(w))).map(([rid]) => rid).sort((a, b) => a - b);
      assert.deepEqual(sorted(index.holdingAll(query)), expected, query.join(' '));
      // Asked again after the first answer dropped the stale entries: the same.
      assert.deepEqual(sorted(index.holdingAll(query)), expected, `${query.join(' ')}, again`);
    }
  });

  it('intersect two lists of rids in the order of the first, ignoring rids past the capacity', () => {
    assert.deepEqual([...intersection(Int32Array.of(5, 1, 9, 3), [3, 9, 4, 5000], 10)], [9, 3]);
    assert.deepEqual([...intersection(Int32Array.of(), [1], 10)], []);
  });
});
