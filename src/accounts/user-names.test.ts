import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from '../domain/errors.ts';
import { loginName } from './user-names.ts';

const refusal = (pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === 'INPUT_INVALID' && pattern.test(err.message);

describe('login names', () => {
  it('keeps a plain name as it is', () => {
    assert.equal(loginName('j.de-vries_2@gemeente'), 'j.de-vries_2@gemeente');
  });

  it('normalises full-width and compatibility characters to the plain name they stand for', () => {
    assert.equal(loginName('ａｄｍｉｎ'), 'admin');
    assert.equal(loginName('ﬁona'), 'fiona');
  });

  it('refuses a look-alike name with a Cyrillic letter, naming the letter', () => {
    assert.throws(() => loginName('\u0430dmin'), refusal(/"а" \(U\+0430\) not allowed/));
  });

  it('refuses names mixing in Greek, accented or invisible characters', () => {
    assert.throws(() => loginName('\u03bfperator'), refusal(/U\+03BF/));
    assert.throws(() => loginName('émile'), refusal(/U\+00E9.*no accents/));
    assert.throws(() => loginName('ad\u200bmin'), refusal(/U\+200B/));
    assert.throws(() => loginName('anna bakker'), refusal(/U\+0020/));
  });

  it('lists each character not allowed once, in the order they first appear', () => {
    assert.throws(() => loginName('anna bakker é'), {
      name: 'BakenError',
      code: 'INPUT_INVALID',
      message: 'name: " " (U+0020), "é" (U+00E9) not allowed; a login name holds only plain Latin letters a–z (no accents), digits and . _ @ -, so that no name can pass for another',
    });
  });

  it('keeps a name of 100 characters', () => {
    assert.equal(loginName('a'.repeat(100)), 'a'.repeat(100));
  });

  it('refuses an empty or overlong name', () => {
    assert.throws(() => loginName('  '), refusal(/1 to 100 characters/));
    assert.throws(() => loginName('a'.repeat(101)), refusal(/1 to 100 characters/));
  });
});
