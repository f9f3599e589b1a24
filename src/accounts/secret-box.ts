// Secrets Baken must read back (TOTP seeds) are sealed with AES-256-GCM under a key kept apart
// from the database, so a copy of the database alone cannot mint one-time codes. Each sealed value
// names its key and is bound to its owner, so it cannot be moved to another user's row.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { BakenError } from '../domain/errors.ts';

const PREFIX = 'aes256gcm';

export interface SecretBox {
  /** The first 16 hex digits of the key's SHA-256: names the key without revealing it. */
  readonly keyId: string;
  seal(plain: string, owner: string): string;
  /** The plain secret; SECRET_KEY when the value was sealed with another key or was altered. */
  open(sealed: string, owner: string): string;
}

/** True for a value `seal` made; false for a secret stored in plain text before sealing existed. */
export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new BakenError('SECRET_KEY', `the secret key must be 32 bytes (AES-256), got ${key.length}`);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return {
    keyId,
    seal(plain, owner) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(owner));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [PREFIX, keyId, iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
    },
    open(sealed, owner) {
      const [prefix, sealedBy, iv, body, tag] = sealed.split(':');
      if (prefix !== PREFIX || !iv || !body || !tag) throw new BakenError('SECRET_KEY', `the sealed secret of ${owner} is not in the ${PREFIX} format`);
      if (sealedBy !== keyId) {
        throw new BakenError('SECRET_KEY', `the secret of ${owner} was sealed with key ${sealedBy}, but this installation's secret key is ${keyId}: `
          + 'use the key it was sealed with (keys/secret.key in the data directory, or BAKEN_SECRET_KEY)');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(owner));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new BakenError('SECRET_KEY', `the sealed secret of ${owner} fails its integrity check: it was altered or belongs to another user`, { cause });
      }
    },
  };
}

/** A stored secret in the clear: opened when sealed, as it is when stored before sealing existed. */
export function openStored(box: SecretBox, stored: string, owner: string): string {
  return isSealed(stored) ? box.open(stored, owner) : stored;
}
