import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newSecret, sameSecret, secretHash } from './secrets.ts';

describe('bearer secrets', () => {
  it('makes a secret of 32 random bytes in base64url, after the prefix asked for and nothing else', () => {
    const plain = newSecret();
    assert.match(plain, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(plain, 'base64url').length, 32);
    assert.match(newSecret('bkt_'), /^bkt_[A-Za-z0-9_-]{43}$/);
  });

  it('never makes the same secret twice', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => newSecret()));
    assert.equal(secrets.size, 100);
  });

  it('stores a secret as the hex SHA-256 of its text', () => {
    assert.equal(secretHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(secretHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('tells the same secret from a different one of the same length', () => {
    assert.equal(sameSecret('csrf-token-1', 'csrf-token-1'), true);
    assert.equal(sameSecret('csrf-token-1', 'csrf-token-2'), false);
  });

  it('refuses a secret of another length, shorter, longer or empty, without throwing', () => {
    assert.equal(sameSecret('csrf-token-1', 'csrf-token-'), false);
    assert.equal(sameSecret('csrf-token-1', 'csrf-token-12'), false);
    assert.equal(sameSecret('', 'csrf-token-1'), false);
    // The same number of characters, but not of bytes: é is two bytes in UTF-8.
    assert.equal(sameSecret('é', 'e'), false);
  });
});
