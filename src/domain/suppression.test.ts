import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suppressedCells, type SumRule } from './suppression.ts';

/** The stats table of two sources and a total: [captured, kept, deleted, failed] per line. */
const LINES = 3;
const at = (line: number, c: number) => line * 4 + c;
const RULES: SumRule[] = [
  ...[0, 1, 2].map((l) => ({ total: at(l, 0), parts: [at(l, 1), at(l, 2)] })),
  ...[0, 1, 2, 3].map((c) => ({ total: at(2, c), parts: [at(0, c), at(1, c)] })),
];

/** Cells some change of the hidden counts can alter while every shown count and every sum stays the same. */
function ambiguousCells(hidden: boolean[]): Set<number> {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const free = new Set<number>();
  const delta = new Array<number>(hidden.length).fill(0);
  const walk = (k: number): void => {
    if (k === unknowns.length) {
      const balanced = RULES.every((r) => delta[r.total] === r.parts.reduce((s, p) => s + delta[p]!, 0));
      if (balanced) for (const i of unknowns) if (delta[i] !== 0) free.add(i);
      return;
    }
    for (const d of [-1, 0, 1]) { delta[unknowns[k]!] = d; walk(k + 1); }
    delta[unknowns[k]!] = 0;
  };
  walk(0);
  return free;
}

/** A deterministic pseudo-random table: a mix of small and large counts that adds up. */
function table(seed: number): number[] {
  let s = seed;
  const rand = (n: number) => { s = (s * 1_103_515_245 + 12_345) % 2 ** 31; return s % n; };
  const pick = () => (rand(3) === 0 ? rand(5) : 5 + rand(40));
  const counts: number[] = [];
  for (let l = 0; l < 2; l++) {
    const [kept, deleted, failed] = [pick(), pick(), pick()];
    counts.push(kept + deleted, kept, deleted, failed);
  }
  for (let c = 0; c < 4; c++) counts.push(counts[at(0, c)]! + counts[at(1, c)]!);
  return counts;
}

describe('small-count suppression', () => {
  it('hides every count below the threshold, zero included', () => {
    const hidden = suppressedCells([40, 3, 37, 0, 40, 3, 37, 0, 80, 6, 74, 0], RULES, 5);
    for (const i of [1, 3, 5, 7, 11]) assert.equal(hidden[i], true, `cell ${i}`);
  });

  it('hides a second count in a row whose one small count the row sum would give back', () => {
    // Source A: 12 captured = 2 kept + 10 deleted; source B and the totals are large.
    const counts = [12, 2, 10, 6, 100, 50, 50, 6, 112, 52, 60, 12];
    const hidden = suppressedCells(counts, RULES, 5);
    assert.equal(hidden[at(0, 1)], true, 'the small kept count');
    assert.ok(hidden[at(0, 0)] || hidden[at(0, 2)], 'captured or deleted of the same row, or kept = captured − deleted');
    assert.ok(hidden[at(1, 1)] || hidden[at(2, 1)], 'another kept count, or kept = total − the other sources');
  });

  it('leaves a table without small counts whole', () => {
    assert.deepEqual(suppressedCells([20, 10, 10, 5, 30, 15, 15, 6, 50, 25, 25, 11], RULES, 5), new Array(12).fill(false));
  });

  it('hides more when a chain of sums fixes a hidden count, though every sum has two hidden members', () => {
    // e1..e4 go round a cycle of sums, so z = sP − sQ + sR − sS.
    const [e1, e2, e3, e4, z, e5, e6, sP, sQ, sR, sS, sU] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const rules: SumRule[] = [
      { total: sP, parts: [e1, e2] }, { total: sQ, parts: [e2, e3] }, { total: sR, parts: [e3, e4, z] },
      { total: sS, parts: [e4, e1] }, { total: sU, parts: [z, e5, e6] },
    ];
    const counts = [3, 4, 3, 3, 2, 2, 2, 7, 7, 8, 6, 6];
    const hidden = suppressedCells(counts, rules, 5);
    assert.ok([sP, sQ, sR, sS].some((i) => hidden[i]), `one of the cycle's sums must be hidden too, got ${hidden.map(Number).join('')}`);
  });

  it('never leaves a hidden count that the shown counts and sums fix exactly, over many tables', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const counts = table(seed);
      const hidden = suppressedCells(counts, RULES, 5);
      for (const r of RULES) {
        const n = [r.total, ...r.parts].filter((i) => hidden[i]).length;
        assert.notEqual(n, 1, `table ${seed} (${counts.join(',')}): a sum with one hidden member`);
      }
      const free = ambiguousCells(hidden);
      const fixed = hidden.flatMap((h, i) => (h && !free.has(i) ? [i] : []));
      assert.deepEqual(fixed, [], `table ${seed} (${counts.join(',')}): hidden cells that can be worked out`);
      assert.equal(hidden.length, LINES * 4);
    }
  });
});
