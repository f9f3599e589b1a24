// The installation's Ed25519 key. Created on first use; the private key never leaves the data
// directory and must be readable by its owner only. Signing fails closed: no key, no capture.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';

export interface SigningKey { keyId: string; privateKey: KeyObject; publicKey: KeyObject }
export interface PublicKey { keyId: string; publicKey: KeyObject; pem: string }

const keyDir = (dataDir: string) => join(dataDir, 'keys');
const PRIVATE = 'ed25519-private.pem';
const PUBLIC = 'ed25519-public.pem';

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const dir = keyDir(dataDir);
  const privateFile = join(dir, PRIVATE);
  const publicFile = join(dir, PUBLIC);
  if (!existsSync(privateFile)) {
    if (existsSync(publicFile)) {
      throw new BakenError('SIGNING_KEY', `${privateFile} is missing while its public key exists; restore it from backup — Baken will not capture without it`);
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    // Another process starting at the same moment may win; then its key is the installation's.
    createOnce(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), 0o600);
  }
  // Written after the private key, so a process that lost the race may find it missing: it is
  // derived from the private key, so whichever process gets there first writes the same file.
  if (!existsSync(publicFile)) createOnce(publicFile, createPublicKey(readFileSync(privateFile)).export({ type: 'spki', format: 'pem' }), 0o644);
  const mode = statSync(privateFile).mode & 0o777;
  if (mode & 0o077) {
    throw new BakenError('SIGNING_KEY', `${privateFile} can be read by others (mode ${mode.toString(8)}); run chmod 600 on it`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(privateFile));
  } catch (cause) {
    throw new BakenError('SIGNING_KEY', `${privateFile} is not a readable Ed25519 private key`, { cause });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new BakenError('SIGNING_KEY', `${privateFile} holds a ${privateKey.asymmetricKeyType} key, expected Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  const stored = loadPublicKey(dataDir);
  if (stored.keyId !== keyIdOf(publicKey)) {
    throw new BakenError('SIGNING_KEY', `${publicFile} does not belong to ${privateFile}`);
  }
  return { keyId: stored.keyId, privateKey, publicKey };
}

/** Writes `file` whole or not at all, unless it exists: written to a file of its own first, then
 *  linked in place, which fails when another process linked its file there first. */
function createOnce(file: string, content: string | Buffer, mode: number): void {
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, content, { mode, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new BakenError('SIGNING_KEY', `${file} could not be created`, { cause: e });
  } finally {
    unlinkSync(temp);
  }
}

/** What anyone needs to check signatures; `verify` uses only this. */
export function loadPublicKey(dataDir: string): PublicKey {
  const file = join(keyDir(dataDir), PUBLIC);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new BakenError('SIGNING_KEY', `${file} cannot be read: no signatures can be checked`, { cause });
  }
  const publicKey = createPublicKey(pem);
  return { keyId: keyIdOf(publicKey), publicKey, pem };
}

/** SHA-256 of the key's DER encoding: names the key in every manifest it signed. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}
