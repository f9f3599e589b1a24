// The key that seals secrets at rest (src/accounts/secret-box.ts), kept apart from the rows: in the
// environment (BAKEN_SECRET_KEY, for machines that share a PostgreSQL database) or in the data
// directory's keys/ folder, created on first use and readable by its owner only.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BakenError } from '../domain/errors.ts';

const SECRET_KEY_ENV = 'BAKEN_SECRET_KEY';
const FILE = 'secret.key';

/** 32 bytes: from BAKEN_SECRET_KEY (base64) when set, else from DATA/keys/secret.key, made if absent. */
export function loadOrCreateSecretKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[SECRET_KEY_ENV];
  if (fromEnv !== undefined) return decode(fromEnv, SECRET_KEY_ENV);
  const dir = join(dataDir, 'keys');
  const file = join(dir, FILE);
  if (!existsSync(file)) create(dir, file);
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) throw new BakenError('SECRET_KEY', `${file} can be read by others (mode ${mode.toString(8)}); run chmod 600 on it`);
  return decode(readFileSync(file, 'utf8'), file);
}

/** Written whole under a temporary name, then linked into place: a process starting at the same
 *  moment sees either no key or the whole key, and the first link wins. */
function create(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
}

function decode(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.trim()) {
    throw new BakenError('SECRET_KEY', `${where}: expected 32 random bytes in base64 (make them with: openssl rand -base64 32)`);
  }
  return key;
}
