import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchNumber, englishNumber, phoneDigits, phonePairs } from './number-words.ts';

test('writes Dutch numbers unit first, with a trema after an e', () => {
  assert.deepEqual([0, 12, 19, 21, 22, 23, 34, 80, 99].map(dutchNumber), [
    'nul', 'twaalf', 'negentien', 'eenentwintig', 'tweeëntwintig', 'drieëntwintig', 'vierendertig', 'tachtig', 'negenennegentig',
  ]);
});

test('writes English numbers tens first, hyphenated', () => {
  assert.deepEqual([0, 13, 20, 45, 99].map(englishNumber), ['zero', 'thirteen', 'twenty', 'forty-five', 'ninety-nine']);
});

test('refuses numbers it cannot write', () => {
  assert.throws(() => dutchNumber(100), /0–99, got 100/);
  assert.throws(() => englishNumber(-1), /0–99, got -1/);
  assert.throws(() => englishNumber(1.5), /0–99, got 1.5/);
});

test('reads a phone in pairs, keeping a pair with a leading zero as two digits', () => {
  assert.deepEqual(phoneDigits('06-12 34'), [0, 6, 1, 2, 3, 4]);
  assert.deepEqual(phonePairs('06 12 05 7'), [0, 6, 12, 0, 5, 7]);
});
