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

/** Which cells of a small table are hidden, as a string of 0 (shown) and 1 (hidden), with minCount 5. */
const hiddenOf = (counts: number[], rules: SumRule[]) => suppressedCells(counts, rules, 5).map(Number).join('');
/** `total` = Σ `parts`. */
const sum = (total: number, ...parts: number[]): SumRule => ({ total, parts });

describe('which count small-count suppression hides next', () => {
  it('hides the smallest other count of the sum that gives a small one away, and no more', () => {
    // 18 = 15 + 3: hiding 15 leaves 18 = ? + ?, which fixes neither.
    assert.equal(hiddenOf([3, 15, 18], [sum(2, 1, 0)]), '110');
  });

  it('of two equal counts, hides the one the sum names first, its total before its parts', () => {
    assert.equal(hiddenOf([22, 0, 22], [sum(2, 1, 0)]), '011');
  });

  it('protects each of two separate sums within that sum', () => {
    assert.equal(hiddenOf([2, 18, 2, 24, 20, 26], [sum(4, 1, 0), sum(5, 2, 3)]), '111100');
  });

  it('first protects a count one sum gives away on its own, before one that two sums give away together', () => {
    // 4 is the one hidden member of 20 = 16 + 4, and then with 0 the two hidden members of 24 = 4 + 20 + 0:
    // hiding 16 protects 4, and 0 with it; protecting 0 first would hide 20 as well.
    assert.equal(hiddenOf([0, 4, 16, 20, 24], [sum(3, 2, 1), sum(4, 1, 3, 0)]), '11100');
  });

  it('hides next the smallest shown count of the sums the exposed count is in', () => {
    // 3 in 23 = 9 + 3 + 11 and 14 = 11 + 3: 9 and then 11 are hidden; then 9 = 23 − 14, so 23 goes too, not 14.
    assert.equal(hiddenOf([9, 11, 3, 23, 14], [sum(3, 0, 2, 1), sum(4, 1, 2)]), '11110');
  });

  it('when every sum of the exposed count is hidden, hides next in another sum with hidden counts, not in a sum that gives nothing away', () => {
    // 8 = 3 + 5 and 13 = 8 + 5 are hidden whole, yet 3 + 13 = 16 shown with them gives 8 + 8 = 16: only 16 is left to hide.
    assert.equal(hiddenOf([3, 5, 8, 13, 16], [sum(2, 0, 1), sum(3, 2, 1), sum(4, 0, 3)]), '11111');
    // 1 is given away by 25 = 16 + 9, 17 = 1 + 16 and 51 = 9 + 25 + 17 together, whose sum 17 is hidden whole:
    // 25 is hidden next, not a 5 of the separate 10 = 5 + 5.
    assert.equal(hiddenOf([1, 16, 9, 25, 17, 51, 5, 5, 10], [sum(3, 1, 2), sum(4, 0, 1), sum(5, 2, 3, 4), sum(8, 6, 7)]), '111110000');
  });

  it('works out a count that is a total in one sum and a part in another', () => {
    // 21 = 0 + 21 and 42 = 21 + 21 with all but 42 hidden: a = c + b and 42 = a + b leave a, b and c open.
    assert.equal(hiddenOf([21, 0, 21, 42], [sum(2, 1, 0), sum(3, 2, 0)]), '1110');
    // 18 = 0 + 18 and 36 = 18 + 18 + 0 with all but 36 hidden: the 18 that is a total is half of 36.
    assert.equal(hiddenOf([18, 0, 18, 36], [sum(2, 1, 0), sum(3, 2, 0, 1)]), '1111');
  });

  it('works out counts through a chain of three sums, every column of them', () => {
    assert.equal(hiddenOf([0, 10, 10, 20, 30], [sum(2, 1, 0), sum(3, 0, 1, 2), sum(4, 1, 3)]), '11110');
    assert.equal(hiddenOf([22, 3, 25, 50, 28], [sum(2, 0, 1), sum(3, 1, 0, 2), sum(4, 1, 2)]), '11110');
  });
});

