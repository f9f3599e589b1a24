// Which new passwords Baken accepts, after NIST SP 800-63B (§3.1.1.2): long enough, and not one an
// attacker tries first — a common or breached password, a run of repeated or sequential characters,
// or the account's own name. No rules about character classes: NIST advises against them.
import { BakenError } from '../domain/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** Throws INPUT_INVALID for a password of the wrong length, PASSWORD_WEAK for a guessable one. */
export async function assertPasswordAcceptable(password: string, owner: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new BakenError('INPUT_INVALID', `password: expected at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new BakenError('INPUT_INVALID', `password: expected at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const reason = await weakness(password.toLowerCase(), owner.toLowerCase());
  if (reason !== null) throw new BakenError('PASSWORD_WEAK', `password: ${reason}; choose a passphrase of several unrelated words`);
}

async function weakness(password: string, owner: string): Promise<string | null> {
  if (owner.length >= 3 && password.includes(owner)) return `it contains the user name "${owner}"`;
  if (password.includes('baken')) return 'it contains the name of this service, "baken"';
  if (runsOf(password) <= 3 || new Set(password).size < 5) {
    return 'it is made of repeated or sequential characters (like "aaaa", "1234" or "qwerty")';
  }
  const common = await commonPasswords();
  // "Password2026!" is "password" with the digits and symbols people add to pass a length rule.
  const core = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (common.has(password) || (core.length >= 4 && common.has(core))) {
    return 'it is one of the most common passwords (or one with digits or symbols added), which attackers try first';
  }
  return null;
}

/** Rows in which a neighbour is an easy next key: the alphabet, digits, the keyboard's rows. */
const ROWS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', '`1234567890-=', '!@#$%^&*()_+', 'qwertyuiop[]', 'asdfghjkl;\'', 'zxcvbnm,./'];

/** How many stretches of repeated or neighbouring characters the password is made of:
 *  "aaaaaaaaaaaa" and "abcdefghijkl" are one, "qwertyuiop12" two. */
function runsOf(password: string): number {
  const chars = [...password];
  let runs = 1;
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    if (a !== b && !ROWS.some((row) => row.includes(a + b) || row.includes(b + a))) runs++;
  }
  return runs;
}

let loaded: Promise<Set<string>> | null = null;

/** The 49,233 most common passwords of public breach corpora, in the order of their frequency, as
 *  zxcvbn-ts ships them (@zxcvbn-ts/language-common); loaded on first use, as it takes ~0.1 s. */
function commonPasswords(): Promise<Set<string>> {
  loaded ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common']));
  return loaded;
}
