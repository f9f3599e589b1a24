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

  it('names its key by the first 16 hex digits of its SHA-256', () => {
    assert.equal(secretBox(Buffer.alloc(32, 7)).keyId, '4bb06f8e4e3a7715');
  });

  it('writes the format name, the key id, a 12-byte IV, the ciphertext and a 16-byte tag', () => {
    const box = secretBox(randomBytes(32));
    const parts = box.seal(SECRET, 'user-1').split(':');
    assert.equal(parts.length, 5);
    const [format, keyId, iv, body, tag] = parts as [string, string, string, string, string];
    assert.equal(format, 'aes256gcm');
    assert.equal(keyId, box.keyId);
    assert.equal(Buffer.from(iv, 'base64url').length, 12);
    assert.equal(Buffer.from(body, 'base64url').length, SECRET.length);
    assert.equal(Buffer.from(tag, 'base64url').length, 16);
  });

  it('refuses a value sealed with another key, naming both keys', () => {
    const sealed = secretBox(randomBytes(32)).seal(SECRET, 'user-1');
    assert.throws(() => secretBox(randomBytes(32)).open(sealed, 'user-1'), isSecretKeyError(/sealed with key [0-9a-f]{16}, but this installation's secret key is [0-9a-f]{16}/));
  });

  it('tells the operator where the key a value was sealed with is kept', () => {
    const sealed = secretBox(randomBytes(32)).seal(SECRET, 'user-1');
    assert.throws(() => secretBox(randomBytes(32)).open(sealed, 'user-1'),
      isSecretKeyError(/: use the key it was sealed with \(keys\/secret\.key in the data directory, or BAKEN_SECRET_KEY\)$/));
  });

  it('refuses a value under another format name or missing a part, naming its owner', () => {
    const box = secretBox(randomBytes(32));
    const parts = box.seal(SECRET, 'user-1').split(':');
    const formatError = { name: 'BakenError', code: 'SECRET_KEY', message: 'the sealed secret of user-1 is not in the aes256gcm format' };
    assert.throws(() => box.open(['aes128gcm', ...parts.slice(1)].join(':'), 'user-1'), formatError);
    for (const missing of [2, 3, 4]) {
      assert.throws(() => box.open(parts.filter((_, i) => i !== missing).join(':'), 'user-1'), formatError, `without part ${missing}`);
    }
  });

  it('refuses a value altered or moved to another owner', () => {
    const box = secretBox(randomBytes(32));
    const sealed = box.seal(SECRET, 'user-1');
    assert.throws(() => box.open(sealed, 'user-2'), isSecretKeyError(/fails its integrity check/));
    const parts = sealed.split(':');
    parts[3] = Buffer.from('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').toString('base64url');
    assert.throws(() => box.open(parts.join(':'), 'user-1'), isSecretKeyError(/fails its integrity check/));
  });

  it("keeps the cipher's own error as the cause of an integrity failure", () => {
    const box = secretBox(randomBytes(32));
    assert.throws(() => box.open(box.seal(SECRET, 'user-1'), 'user-2'), (err: unknown) => {
      assert.ok(err instanceof BakenError && err.cause instanceof Error, `expected a cause, got ${String((err as Error).cause)}`);
      return true;
    });
  });

  it('reads a secret stored in plain text before sealing existed as it is', () => {
    assert.equal(openStored(secretBox(randomBytes(32)), SECRET, 'user-1'), SECRET);
  });

  it('refuses a key that is not 32 bytes', () => {
    assert.throws(() => secretBox(randomBytes(16)), isSecretKeyError(/32 bytes/));
  });
});
