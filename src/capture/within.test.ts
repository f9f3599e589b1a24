import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithin, within } from './within.ts';

describe('within', () => {
  it('answers what the work answers, and fails as the work fails, before the time is up', async () => {
    assert.equal(await within(Promise.resolve(7), 1_000, () => new Error('late')), 7);
    await assert.rejects(within(Promise.reject(new Error('broke')), 1_000, () => new Error('late')), { message: 'broke' });
  });

  it('fails with the late error once the time is up, for work that never settles', async () => {
    await assert.rejects(within(new Promise(() => {}), 20, () => new Error('late')), { message: 'late' });
  });

  it('leaves a rejection that comes after the time is up unreported, not unhandled', async () => {
    let fail!: (e: Error) => void;
    const work = new Promise<never>((_, f) => { fail = f; });
    await assert.rejects(within(work, 10, () => new Error('late')), { message: 'late' });
    fail(new Error('too late'));
    await new Promise((done) => setImmediate(done));
  });
});

describe('closeWithin', () => {
  it('resolves when the close succeeds, fails or throws at once', async () => {
    let closed = false;
    await closeWithin(async () => { closed = true; });
    assert.ok(closed);
    await closeWithin(() => Promise.reject(new Error('already closed')));
    await closeWithin(() => { throw new Error('thrown'); });
  });

  it('gives up on a close that never answers', async () => {
    await closeWithin(() => new Promise(() => {}), 20);
  });
});
