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

  for (const password of ['aaaaaaaaaaaa', 'abcdefghijkl', '123456789012', 'zyxwvutsrqpo', 'qwertyuiop12', 'asdfasdfasdf', 'abab abab abab']) {
    it(`refuses "${password}" as repeated or sequential characters`, async () => {
      await assert.rejects(assertPasswordAcceptable(password, 'anna'), refusal('PASSWORD_WEAK', /repeated or sequential characters/));
    });
  }

  for (const password of ['dragon-1234567', 'Password2026!', 'iloveyou1234', '!!Sunshine2025', 'superman12345']) {
    it(`refuses "${password}" as a common password, also with digits or symbols added`, async () => {
      await assert.rejects(assertPasswordAcceptable(password, 'anna'), refusal('PASSWORD_WEAK', /one of the most common passwords/));
    });
  }

  it("refuses a password holding the user's own name, in any case, or the service's name", async () => {
    await assert.rejects(assertPasswordAcceptable('Marieke loves tulips', 'marieke'), refusal('PASSWORD_WEAK', /contains the user name "marieke"/));
    await assert.rejects(assertPasswordAcceptable('my baken password please', 'anna'), refusal('PASSWORD_WEAK', /"baken"/));
  });
});
