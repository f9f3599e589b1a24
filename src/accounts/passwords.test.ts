import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import { BakenError } from '../domain/errors.ts';
import { MAX_PASSWORD_LENGTH } from './password-rules.ts';
import { hashPassword, passwordMatches } from './passwords.ts';

// Each hash and each comparison is one argon2id run at the production parameters (19 MiB, 2 passes):
// a few dozen milliseconds, so the tests keep to a handful of them.
const PASSPHRASE = 'tulpen fietsen langs de gracht';
const refusal = (code: string, pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === code && pattern.test(err.message);

describe('passwords', () => {
  it("stores a password as an argon2id hash at OWASP's parameters, salted anew each time", async () => {
    const first = await hashPassword(PASSPHRASE, 'anna');
    const second = await hashPassword(PASSPHRASE, 'anna');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second);
    assert.ok(!first.includes('tulpen'), first);
  });

  it('matches the password it hashed, and not one that differs in a letter or its case', async () => {
    const stored = await hashPassword(PASSPHRASE, 'anna');
    assert.equal(await passwordMatches(stored, PASSPHRASE), true);
    assert.equal(await passwordMatches(stored, 'tulpen fietsen langs de grachT'), false);
    assert.equal(await passwordMatches(stored, 'Tulpen fietsen langs de gracht'), false);
  });

  it('refuses to hash a password the rules refuse, with their error', async () => {
    await assert.rejects(hashPassword('tulpen', 'anna'), refusal('INPUT_INVALID', /at least 12 characters/));
    await assert.rejects(hashPassword('anna fietst langs de gracht', 'anna'), refusal('PASSWORD_WEAK', /contains the user name "anna"/));
  });

  it('matches a password of the greatest length the rules allow', async () => {
    const longest = PASSPHRASE.repeat(40).slice(0, MAX_PASSWORD_LENGTH);
    const stored = await hashPassword(longest, 'anna');
    assert.equal(await passwordMatches(stored, longest), true);
  });

  it('never matches a password longer than the rules allow, even against its own hash', async () => {
    // Such a password cannot be set; a hash of it stands for one set by another means.
    const tooLong = PASSPHRASE.repeat(40).slice(0, MAX_PASSWORD_LENGTH + 1);
    const stored = await hash(tooLong, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    assert.equal(await passwordMatches(stored, tooLong), false);
  });

  it('matches nothing for an account that does not exist, not even the password of its stand-in hash', async () => {
    assert.equal(await passwordMatches(null, PASSPHRASE), false);
    assert.equal(await passwordMatches(null, 'no account has this password'), false);
  });

  it('answers false, not an error, for a stored hash it cannot read', async () => {
    for (const stored of ['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$broken']) {
      assert.equal(await passwordMatches(stored, PASSPHRASE), false, stored);
    }
  });

  it('spends as long on an account that does not exist as on a wrong password', async () => {
    const stored = await hashPassword(PASSPHRASE, 'anna');
    await passwordMatches(null, PASSPHRASE);
    const fastest = async (storedHash: string | null) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await passwordMatches(storedHash, 'a wrong password');
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const [unknown, wrong] = [await fastest(null), await fastest(stored)];
    // Both are one argon2id run; without the stand-in hash an unknown name would answer in microseconds,
    // so a twentieth leaves room for a loaded machine.
    assert.ok(unknown > wrong / 20, `an unknown name took ${unknown.toFixed(1)} ms, a wrong password ${wrong.toFixed(1)} ms`);
  });
});
