// Login names that cannot pass for one another: after NFKC normalisation ("ａｄｍｉｎ" in full width
// becomes "admin"), only plain Latin letters, digits and . _ @ - are allowed. So "аdmin" with a
// Cyrillic а, or a name mixing scripts, is refused rather than shown beside the real "admin".
// Accented letters are refused too: SQLite compares names without regard to case for A–Z only, so
// "Émile" and "émile" would be two users there and one in PostgreSQL.
import { BakenError } from '../domain/errors.ts';

const ALLOWED = /^[A-Za-z0-9._@-]$/;
const MAX_NAME_LENGTH = 100;

/** The name as it is stored, or INPUT_INVALID naming the characters that are not allowed. */
export function loginName(raw: string): string {
  const name = raw.normalize('NFKC').trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new BakenError('INPUT_INVALID', `name: expected 1 to ${MAX_NAME_LENGTH} characters`);
  }
  const foreign = [...new Set(name)].filter((c) => !ALLOWED.test(c));
  if (foreign.length > 0) {
    const listed = foreign.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    throw new BakenError('INPUT_INVALID',
      `name: ${listed} not allowed; a login name holds only plain Latin letters a–z (no accents), digits and . _ @ -, so that no name can pass for another`);
  }
  return name;
}
