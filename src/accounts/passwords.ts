// Passwords are stored only as argon2id hashes (OWASP's parameters: 19 MiB, 2 passes, 1 lane).
import { hash, verify } from '@node-rs/argon2';
import { assertPasswordAcceptable, MAX_PASSWORD_LENGTH } from './password-rules.ts';

// `Algorithm` is a const enum, which type stripping cannot read; 2 is its Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Refuses a password that is too short, too long or guessable for the account named `owner`. */
export async function hashPassword(password: string, owner: string): Promise<string> {
  await assertPasswordAcceptable(password, owner);
  return hash(password, OPTIONS);
}

/** Compares against a fixed dummy hash when there is no account, so an unknown name costs the same
 *  time as a wrong password and timing does not tell which names exist. */
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const ok = await verify(storedHash ?? await dummyHash(), password).catch(() => false);
  return storedHash !== null && ok;
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hash('no account has this password', OPTIONS);
  return dummy;
}
