// Users, sessions and service tokens in the same SQLite file as the ads.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../accounts/roles.ts';
import { isSealed, openStored, type SecretBox } from '../../accounts/secret-box.ts';
import { lockEnd, type FailureState, type LockoutRules } from '../../accounts/sign-in-rules.ts';
import { BakenError } from '../../domain/errors.ts';
import type {
  AccountStore, NewToken, NewUser, SessionRecord, TokenRecord, UserChange, UserRecord,
} from '../accounts.ts';
import { isUniqueViolation, type Statements } from './statements.sqlite.ts';

interface UserRow {
  id: string; name: string; role: Role; themes: string; password_hash: string; totp_secret: string | null;
  totp_last_counter: number | null; disabled: number; failed_logins: number; locked_until: string | null;
  created_at: string; updated_at: string; requested_by: string; approved_by: string | null; approved_at: string | null;
}
interface SessionRow { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; justification: string | null }
interface TokenRow {
  id: string; name: string; role: Role; themes: string; secret_hash: string; created_by: string;
  created_at: string; expires_at: string | null; revoked_at: string | null; approved_by: string | null; approved_at: string | null;
}

const USER_COLUMNS: Record<keyof UserChange, string> = {
  role: 'role', themes: 'themes', passwordHash: 'password_hash', totpSecret: 'totp_secret',
  totpLastCounter: 'totp_last_counter', disabled: 'disabled', failedLogins: 'failed_logins', lockedUntil: 'locked_until',
  requestedBy: 'requested_by', approvedBy: 'approved_by', approvedAt: 'approved_at',
};

export class SqliteAccounts implements AccountStore {
  readonly #s: Statements;
  readonly #box: SecretBox;

  /** TOTP secrets are sealed with `box` on the way in and opened on the way out. */
  constructor(statements: Statements, box: SecretBox) {
    this.#s = statements;
    this.#box = box;
  }

  /** Seals the TOTP secrets stored in plain text before sealing existed, and opens every sealed
   *  one, so a wrong key fails at start-up with SECRET_KEY rather than at someone's sign-in. */
  async sealSecretsAtRest(): Promise<number> {
    const rows = this.#s.sql('SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL').all() as { id: string; totp_secret: string }[];
    let sealed = 0;
    for (const { id, totp_secret: stored } of rows) {
      if (isSealed(stored)) this.#box.open(stored, id);
      // Only if unchanged meanwhile: another process may have sealed it, or enrolled a new secret.
      else sealed += Number(this.#s.sql('UPDATE users SET totp_secret = ? WHERE id = ? AND totp_secret = ?').run(this.#box.seal(stored, id), id, stored).changes);
    }
    return sealed;
  }

  async addUser(user: NewUser, at: string): Promise<UserRecord> {
    const id = randomUUID();
    try {
      this.#s.sql(`
        INSERT INTO users (id, name, role, themes, password_hash, totp_secret, created_at, updated_at, requested_by, approved_by, approved_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, user.name, user.role, JSON.stringify(user.themes), user.passwordHash, this.#sealed(user.totpSecret, id), at, at,
          JSON.stringify(user.requestedBy), user.approvedBy, user.approvedBy === null ? null : at);
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', `a user named "${user.name}" already exists`, { cause: err });
      throw err;
    }
    return (await this.user(id))!;
  }

  async userByName(name: string): Promise<UserRecord | null> {
    const row = this.#s.sql('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row ? this.#toUser(row) : null;
  }

  async user(id: string): Promise<UserRecord | null> {
    const row = this.#s.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? this.#toUser(row) : null;
  }

  async users(): Promise<UserRecord[]> {
    return (this.#s.sql('SELECT * FROM users ORDER BY name').all() as unknown as UserRow[]).map((r) => this.#toUser(r));
  }

  async updateUser(id: string, change: UserChange, at: string): Promise<UserRecord> {
    // Column names come from the fixed map above, never from the caller.
    const keys = (Object.keys(change) as (keyof UserChange)[]).filter((k) => change[k] !== undefined);
    const values = keys.map((k) => {
      const v = change[k];
      if (k === 'totpSecret') return this.#sealed(change.totpSecret ?? null, id);
      return k === 'themes' || k === 'requestedBy' ? JSON.stringify(v) : typeof v === 'boolean' ? Number(v) : (v as string | number | null);
    });
    const sets = [...keys.map((k) => `${USER_COLUMNS[k]} = ?`), 'updated_at = ?'];
    const { changes } = this.#s.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, at, id);
    if (changes === 0) throw new BakenError('NOT_FOUND', `no user with id ${id}`);
    return (await this.user(id))!;
  }

  async approveUser(id: string, by: string, at: string, seen: string): Promise<boolean> {
    return this.#s.sql(`
      UPDATE users SET approved_by = ?, approved_at = ?, updated_at = ?
      WHERE id = ? AND approved_at IS NULL AND updated_at = ?
        AND NOT EXISTS (SELECT 1 FROM json_each(requested_by) WHERE value = ?)`).run(by, at, at, id, seen, by).changes > 0;
  }

  async recordFailedLogin(id: string, now: Date, rules: LockoutRules): Promise<FailureState> {
    // Every right-hand side reads the row as it was before this statement.
    const row = this.#s.sql(`
      UPDATE users SET
        failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,
        locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END,
        updated_at = ?
      WHERE id = ? RETURNING failed_logins, locked_until`)
      .get(rules.maxFailures, rules.maxFailures, lockEnd(now, rules), now.toISOString(), id) as Pick<UserRow, 'failed_logins' | 'locked_until'> | undefined;
    if (!row) throw new BakenError('NOT_FOUND', `no user with id ${id}`);
    return { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  async recordSuccessfulLogin(id: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.#s.sql(`
      UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = ?
      WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)`).run(at, id, at).changes > 0;
  }

  async consumeTotpCounter(id: string, counter: number): Promise<boolean> {
    return this.#s.sql(`
      UPDATE users SET totp_last_counter = ?
      WHERE id = ? AND (totp_last_counter IS NULL OR totp_last_counter < ?)`).run(counter, id, counter).changes > 0;
  }

  #sealed(secret: string | null, owner: string): string | null {
    return secret === null ? null : this.#box.seal(secret, owner);
  }

  #toUser(r: UserRow): UserRecord {
    return { ...toUser(r), totpSecret: r.totp_secret === null ? null : openStored(this.#box, r.totp_secret, r.id) };
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#s.sql('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, justification) VALUES (?, ?, ?, ?, ?, ?)')
      .run(session.idHash, session.userId, session.csrfToken, session.createdAt, session.lastSeenAt, session.justification);
  }

  async session(idHash: string): Promise<SessionRecord | null> {
    const row = this.#s.sql('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
        justification: row.justification }
      : null;
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    this.#s.sql('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
  }

  async justifySession(idHash: string, justification: string): Promise<void> {
    this.#s.sql('UPDATE sessions SET justification = ? WHERE id_hash = ?').run(justification, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.#s.sql('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return Number(this.#s.sql('DELETE FROM sessions WHERE user_id = ?').run(userId).changes);
  }

  async addToken(token: NewToken, at: string): Promise<TokenRecord> {
    const id = randomUUID();
    this.#s.sql(`
      INSERT INTO api_tokens (id, name, role, themes, secret_hash, created_by, created_at, expires_at, approved_by, approved_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, token.name, token.role, JSON.stringify(token.themes), token.secretHash, token.createdBy, at, token.expiresAt,
        token.approvedBy, token.approvedBy === null ? null : at);
    return toToken(this.#s.sql('SELECT * FROM api_tokens WHERE id = ?').get(id) as unknown as TokenRow);
  }

  async tokenBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    const row = this.#s.sql('SELECT * FROM api_tokens WHERE secret_hash = ?').get(secretHash) as TokenRow | undefined;
    return row ? toToken(row) : null;
  }

  async tokens(): Promise<TokenRecord[]> {
    return (this.#s.sql('SELECT * FROM api_tokens ORDER BY created_at, id').all() as unknown as TokenRow[]).map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return this.#s.sql('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes > 0;
  }

  async approveToken(id: string, by: string, at: string): Promise<boolean> {
    return this.#s.sql('UPDATE api_tokens SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_at IS NULL AND revoked_at IS NULL')
      .run(by, at, id).changes > 0;
  }
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id, name: r.name, role: r.role, themes: JSON.parse(r.themes) as string[], passwordHash: r.password_hash,
    totpSecret: r.totp_secret, totpLastCounter: r.totp_last_counter, disabled: r.disabled === 1,
    failedLogins: r.failed_logins, lockedUntil: r.locked_until, createdAt: r.created_at, updatedAt: r.updated_at,
    requestedBy: JSON.parse(r.requested_by) as string[], approvedBy: r.approved_by, approvedAt: r.approved_at,
  };
}

function toToken(r: TokenRow): TokenRecord {
  return {
    id: r.id, name: r.name, role: r.role, themes: JSON.parse(r.themes) as string[], secretHash: r.secret_hash,
    createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
    approvedBy: r.approved_by, approvedAt: r.approved_at,
  };
}
