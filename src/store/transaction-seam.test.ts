import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ask, runAsync, runSync, type Steps } from './transaction-seam.ts';

/** Adds two answers; a failed answer is caught where it was asked for. */
function* sum(first: number | Promise<number>, second: () => number | Promise<number>): Steps<number | string> {
  const a = yield* ask(first);
  try {
    return a + (yield* ask(second()));
  } catch (err) {
    return `caught: ${(err as Error).message}`;
  }
}

describe('transaction seam runners', () => {
  it('runSync runs an algorithm on plain answers to its end before returning, with no await', () => {
    assert.equal(runSync(sum(2, () => 3)), 5);
    assert.equal(runSync(sum(2, () => { throw new Error('busy'); })), 'caught: busy');
  });

  it('runAsync awaits each answer and throws a rejected one into the algorithm where it asked', async () => {
    assert.equal(await runAsync(sum(Promise.resolve(2), async () => 3)), 5);
    assert.equal(await runAsync(sum(Promise.resolve(2), () => Promise.reject(new Error('serialization failure')))), 'caught: serialization failure');
    await assert.rejects(runAsync(sum(Promise.reject(new Error('gone')), () => 1)), /gone/);
  });
});
