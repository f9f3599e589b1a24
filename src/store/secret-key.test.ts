import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { loadOrCreateSecretKey } from './secret-key.ts';

const refusal = (pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === 'SECRET_KEY' && pattern.test(err.message);

function withDataDir(test: (dataDir: string) => void): void {
  const dataDir = mkdtempSync(join(tmpdir(), 'baken-secret-key-'));
  try { test(dataDir); } finally { rmSync(dataDir, { recursive: true, force: true }); }
}

describe('the secret key', () => {
  it('is made once in keys/, readable by its owner only, and read back the same', () => withDataDir((dataDir) => {
    const key = loadOrCreateSecretKey(dataDir, {});
    assert.equal(key.length, 32);
    assert.equal(statSync(join(dataDir, 'keys', 'secret.key')).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateSecretKey(dataDir, {}), key);
    assert.deepEqual(readdirSync(join(dataDir, 'keys')), ['secret.key'], 'no temporary file is left behind');
  }));

  it('comes from BAKEN_SECRET_KEY when set, and then no file is made', () => withDataDir((dataDir) => {
    const text = Buffer.alloc(32, 7).toString('base64');
    assert.deepEqual(loadOrCreateSecretKey(dataDir, { BAKEN_SECRET_KEY: text }), Buffer.alloc(32, 7));
    assert.throws(() => statSync(join(dataDir, 'keys')));
  }));

  it('refuses a BAKEN_SECRET_KEY that is not 32 bytes in base64, saying how to make one', () => withDataDir((dataDir) => {
    assert.throws(() => loadOrCreateSecretKey(dataDir, { BAKEN_SECRET_KEY: 'hunter2' }), refusal(/BAKEN_SECRET_KEY: expected 32 random bytes in base64 \(make them with: openssl rand -base64 32\)/));
  }));

  it('refuses a key file others can read, and leaves it as it was', () => withDataDir((dataDir) => {
    const key = loadOrCreateSecretKey(dataDir, {});
    const file = join(dataDir, 'keys', 'secret.key');
    chmodSync(file, 0o644);
    assert.throws(() => loadOrCreateSecretKey(dataDir, {}), refusal(/can be read by others \(mode 644\); run chmod 600/));
    chmodSync(file, 0o600);
    assert.deepEqual(loadOrCreateSecretKey(dataDir, {}), key);
  }));

  it('refuses a damaged key file rather than making a new key', () => withDataDir((dataDir) => {
    loadOrCreateSecretKey(dataDir, {});
    writeFileSync(join(dataDir, 'keys', 'secret.key'), 'not a key\n');
    assert.throws(() => loadOrCreateSecretKey(dataDir, {}), refusal(/secret\.key: expected 32 random bytes/));
  }));
});
