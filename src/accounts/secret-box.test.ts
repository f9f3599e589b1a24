import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BakenError } from '../domain/errors.ts';
import { isSealed, openStored, secretBox } from './secret-box.ts';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const isSecretKeyError = (pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === 'SECRET_KEY' && pattern.test(err.message);

describe('secret box', () => {
  it('seals a secret into a value that holds none of it, differs each time, and opens to it', () => {
    const box = secretBox(randomBytes(32));
    const [a, b] = [box.seal(SECRET, 'user-1'), box.seal(SECRET, 'user-1')];
    assert.ok(isSealed(a) && !a.includes(SECRET.slice(0, 8)));
    assert.notEqual(a, b);
    assert.equal(box.open(a, 'user-1'), SECRET);
  });

  it('refuses a value sealed with another key, naming both keys', () => {
    const sealed = secretBox(randomBytes(32)).seal(SECRET, 'user-1');
    assert.throws(() => secretBox(randomBytes(32)).open(sealed, 'user-1'), isSecretKeyError(/sealed with key [0-9a-f]{16}, but this installation's secret key is [0-9a-f]{16}/));
  });

  it('refuses a value altered or moved to another owner', () => {
    const box = secretBox(randomBytes(32));
    const sealed = box.seal(SECRET, 'user-1');
    assert.throws(() => box.open(sealed, 'user-2'), isSecretKeyError(/fails its integrity check/));
    const parts = sealed.split(':');
    parts[3] = Buffer.from('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').toString('base64url');
    assert.throws(() => box.open(parts.join(':'), 'user-1'), isSecretKeyError(/fails its integrity check/));
  });

  it('reads a secret stored in plain text before sealing existed as it is', () => {
    assert.equal(openStored(secretBox(randomBytes(32)), SECRET, 'user-1'), SECRET);
  });

  it('refuses a key that is not 32 bytes', () => {
    assert.throws(() => secretBox(randomBytes(16)), isSecretKeyError(/32 bytes/));
  });
});
