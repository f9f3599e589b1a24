import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildAutomaton, findPhrases } from './word-automaton.ts';

describe('word automaton', () => {
  const automaton = buildAutomaton([
    { words: [1, 2, 3], value: 'abc' },
    { words: [2, 3], value: 'bc' },
    { words: [2, 4], value: 'bd' },
    { words: [3], value: 'c' },
  ]);

  it('finds overlapping phrases, also those reached through failure links', () => {
    const found = findPhrases(automaton, [9, 1, 2, 3, 2, 4], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(found.map((o) => [o.value, o.start, o.end]), [['abc', 1, 4], ['bc', 2, 4], ['c', 3, 4], ['bd', 4, 6]]);
  });

  it('never matches a phrase across an unknown word or a clause break', () => {
    assert.deepEqual(findPhrases(automaton, [1, 2, -1, 3], [0, 0, 0, 0]).map((o) => o.value), ['c']);
    assert.deepEqual(findPhrases(automaton, [1, 2, 3], [0, 0, 1]).map((o) => o.value), ['c']);
  });
});
