import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { assertPasswordAcceptable } from './password-rules.ts';

const refusal = (code: string, pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === code && pattern.test(err.message);

describe('password rules', () => {
  it('accepts a long passphrase of unrelated words', async () => {
    await assertPasswordAcceptable('correct horse battery staple', 'anna');
    await assertPasswordAcceptable('tulpen fietsen langs de gracht', 'anna');
  });

  it('refuses a password shorter than 12 characters or longer than 1024, saying so', async () => {
    await assert.rejects(assertPasswordAcceptable('Tr0ub4dor&3', 'anna'), refusal('INPUT_INVALID', /at least 12 characters/));
    await assert.rejects(assertPasswordAcceptable('x'.repeat(1025), 'anna'), refusal('INPUT_INVALID', /at most 1024 characters/));
  });

  it('accepts a password of exactly 12 or exactly 1024 characters', async () => {
    await assertPasswordAcceptable('tulpen langs', 'anna');
    await assertPasswordAcceptable('correct horse battery staple '.repeat(40).slice(0, 1024), 'anna');
  });

  // "aaaaaabcdefffff": repeats joined by a sequence, one run; "abcdefqwerty1234": three runs, the most
  // refused. Each of the last five is one run along one row, and would be four or more without it.
  for (const password of [
    'aaaaaaaaaaaa', 'abcdefghijkl', '123456789012', 'zyxwvutsrqpo', 'qwertyuiop12', 'asdfasdfasdf', 'abab abab abab',
    'aaaaaabcdefffff', 'abcdefqwerty1234',
    '0123456789010', '`1234567890-=', '+_)(*&^%$#@!', "';lkjhgfdsasdfg", 'bvcxzxcvbnm,./',
  ]) {
    it(`refuses "${password}" as repeated or sequential characters`, async () => {
      await assert.rejects(assertPasswordAcceptable(password, 'anna'), refusal('PASSWORD_WEAK', /repeated or sequential characters/));
    });
  }

  for (const password of ['dragon-1234567', 'Password2026!', 'iloveyou1234', '!!Sunshine2025', 'superman12345']) {
    it(`refuses "${password}" as a common password, also with digits or symbols added`, async () => {
      await assert.rejects(assertPasswordAcceptable(password, 'anna'), refusal('PASSWORD_WEAK', /one of the most common passwords/));
    });
  }

  it('accepts four runs of neighbouring characters, and five different characters', async () => {
    await assertPasswordAcceptable('abcdefqwerty1234zxcv', 'anna');
    await assertPasswordAcceptable('admgjadmgjam', 'anna');
  });

  it('refuses a password of four different characters, however mixed', async () => {
    await assert.rejects(assertPasswordAcceptable('admgadmgadmg', 'anna'), refusal('PASSWORD_WEAK', /repeated or sequential characters/));
  });

  it('looks up a common word of four letters or more with digits around it, but not a shorter one or one broken up', async () => {
    await assert.rejects(assertPasswordAcceptable('59 love 7264 81', 'anna'), refusal('PASSWORD_WEAK', /one of the most common passwords/));
    await assertPasswordAcceptable('59 sex 7264 81', 'anna');
    await assertPasswordAcceptable('sun-2-0-9-shine', 'anna');
  });

  it('looks for a user name of three characters or more, not a shorter one', async () => {
    await assert.rejects(assertPasswordAcceptable('bob walks the long dike', 'bob'), refusal('PASSWORD_WEAK', /contains the user name "bob"/));
    await assertPasswordAcceptable('jo walks the long dike', 'jo');
  });

  it("refuses a password holding the user's own name, in any case, or the service's name", async () => {
    await assert.rejects(assertPasswordAcceptable('Marieke loves tulips', 'marieke'), refusal('PASSWORD_WEAK', /contains the user name "marieke"/));
    await assert.rejects(assertPasswordAcceptable('my baken password please', 'anna'), refusal('PASSWORD_WEAK', /"baken"/));
  });
});
