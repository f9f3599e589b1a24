// Users, sessions and service tokens in the same PostgreSQL database as the ads.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../accounts/roles.ts';
import { isSealed, openStored, type SecretBox } from '../../accounts/secret-box.ts';
import { lockEnd, type FailureState, type LockoutRules } from '../../accounts/sign-in-rules.ts';
import { BakenError } from '../../domain/errors.ts';
import type {
  AccountStore, NewToken, NewUser, SessionRecord, TokenRecord, UserChange, UserRecord,
} from '../accounts.ts';
import { isUniqueViolation, type Queryable } from './database.postgres.ts';

interface UserRow {
  id: string; name: string; role: Role; themes: string[]; password_hash: string; totp_secret: string | null;
  totp_last_counter: number | null; disabled: boolean; failed_logins: number; locked_until: string | null;
  created_at: string; updated_at: string; requested_by: string[]; approved_by: string | null; approved_at: string | null;
}
interface SessionRow { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; justification: string | null }
interface TokenRow {
  id: string; name: string; role: Role; themes: string[]; secret_hash: string; created_by: string;
  created_at: string; expires_at: string | null; revoked_at: string | null; approved_by: string | null; approved_at: string | null;
}

const USER_COLUMNS: Record<keyof UserChange, string> = {
  role: 'role', themes: 'themes', passwordHash: 'password_hash', totpSecret: 'totp_secret',
  totpLastCounter: 'totp_last_counter', disabled: 'disabled', failedLogins: 'failed_logins', lockedUntil: 'locked_until',
  requestedBy: 'requested_by', approvedBy: 'approved_by', approvedAt: 'approved_at',
};

export class PostgresAccounts implements AccountStore {
  readonly #db: Queryable;
  readonly #box: SecretBox;

  /** TOTP secrets are sealed with `box` on the way in and opened on the way out. */
  constructor(db: Queryable, box: SecretBox) {
    this.#db = db;
    this.#box = box;
  }

  /** Seals the TOTP secrets stored in plain text before sealing existed, and opens every sealed
   *  one, so a wrong key fails at start-up with SECRET_KEY rather than at someone's sign-in. */
  async sealSecretsAtRest(): Promise<number> {
    let sealed = 0;
    const { rows } = await this.#db.query<{ id: string; totp_secret: string }>('SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL');
    for (const { id, totp_secret: stored } of rows) {
      if (isSealed(stored)) this.#box.open(stored, id);
      // Only if unchanged meanwhile: another process may have sealed it, or enrolled a new secret.
      else sealed += (await this.#db.query('UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3', [this.#box.seal(stored, id), id, stored])).rowCount ?? 0;
    }
    return sealed;
  }

  async addUser(user: NewUser, at: string): Promise<UserRecord> {
    const id = randomUUID();
    try {
      const { rows } = await this.#db.query<UserRow>(`
        INSERT INTO users (id, name, role, themes, password_hash, totp_secret, created_at, updated_at, requested_by, approved_by, approved_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10) RETURNING *`,
      [id, user.name, user.role, JSON.stringify(user.themes), user.passwordHash, this.#sealed(user.totpSecret, id), at,
        JSON.stringify(user.requestedBy), user.approvedBy, user.approvedBy === null ? null : at]);
      return this.#toUser(rows[0]!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', `a user named "${user.name}" already exists`, { cause: err });
      throw err;
    }
  }

  async userByName(name: string): Promise<UserRecord | null> {
    // lower(name) on both sides, so the lookup uses the unique index users_by_name.
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE lower(name) = lower($1)', [name]);
    return rows[0] ? this.#toUser(rows[0]) : null;
  }

  async user(id: string): Promise<UserRecord | null> {
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? this.#toUser(rows[0]) : null;
  }

  async users(): Promise<UserRecord[]> {
    // SQLite sorts the COLLATE NOCASE column without regard to case; so does lower().
    return (await this.#db.query<UserRow>('SELECT * FROM users ORDER BY lower(name)')).rows.map((r) => this.#toUser(r));
  }

  async updateUser(id: string, change: UserChange, at: string): Promise<UserRecord> {
    // Column names come from the fixed map above, never from the caller.
    const keys = (Object.keys(change) as (keyof UserChange)[]).filter((k) => change[k] !== undefined);
    const values = keys.map((k) => (k === 'themes' || k === 'requestedBy' ? JSON.stringify(change[k]) : k === 'totpSecret' ? this.#sealed(change.totpSecret ?? null, id) : change[k]));
    const sets = [...keys.map((k, i) => `${USER_COLUMNS[k]} = $${i + 1}`), `updated_at = $${keys.length + 1}`];
    const { rows } = await this.#db.query<UserRow>(
      `UPDATE users SET ${sets.join(', ')} WHERE id = $${keys.length + 2} RETURNING *`, [...values, at, id]);
    if (!rows[0]) throw new BakenError('NOT_FOUND', `no user with id ${id}`);
    return this.#toUser(rows[0]);
  }

  async approveUser(id: string, by: string, at: string, seen: string): Promise<boolean> {
    const { rowCount } = await this.#db.query(`
      UPDATE users SET approved_by = $1, approved_at = $2, updated_at = $2
      WHERE id = $3 AND approved_at IS NULL AND updated_at = $4
        AND NOT EXISTS (SELECT 1 FROM json_array_elements_text(requested_by) AS r (name) WHERE r.name = $1)`, [by, at, id, seen]);
    return (rowCount ?? 0) > 0;
  }

  async recordFailedLogin(id: string, now: Date, rules: LockoutRules): Promise<FailureState> {
    // Every right-hand side reads the row as it was before this statement; a concurrent UPDATE
    // waits for the row lock and then re-reads the row, so no failure is lost.
    const { rows } = await this.#db.query<Pick<UserRow, 'failed_logins' | 'locked_until'>>(`
      UPDATE users SET
        failed_logins = CASE WHEN failed_logins + 1 >= $1 THEN 0 ELSE failed_logins + 1 END,
        locked_until = CASE WHEN failed_logins + 1 >= $1 THEN $2 ELSE locked_until END,
        updated_at = $3
      WHERE id = $4 RETURNING failed_logins, locked_until`,
    [rules.maxFailures, lockEnd(now, rules), now.toISOString(), id]);
    if (!rows[0]) throw new BakenError('NOT_FOUND', `no user with id ${id}`);
    return { failedLogins: rows[0].failed_logins, lockedUntil: rows[0].locked_until };
  }

  async recordSuccessfulLogin(id: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.#db.query(`
      UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = $1
      WHERE id = $2 AND (locked_until IS NULL OR locked_until <= $1)`, [now.toISOString(), id]);
    return (rowCount ?? 0) > 0;
  }

  async consumeTotpCounter(id: string, counter: number): Promise<boolean> {
    const { rowCount } = await this.#db.query(`
      UPDATE users SET totp_last_counter = $1
      WHERE id = $2 AND (totp_last_counter IS NULL OR totp_last_counter < $1)`, [counter, id]);
    return (rowCount ?? 0) > 0;
  }

  #sealed(secret: string | null, owner: string): string | null {
    return secret === null ? null : this.#box.seal(secret, owner);
  }

  #toUser(r: UserRow): UserRecord {
    return { ...toUser(r), totpSecret: r.totp_secret === null ? null : openStored(this.#box, r.totp_secret, r.id) };
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.#db.query('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, justification) VALUES ($1, $2, $3, $4, $5, $6)',
      [session.idHash, session.userId, session.csrfToken, session.createdAt, session.lastSeenAt, session.justification]);
  }

  async session(idHash: string): Promise<SessionRecord | null> {
    const row = (await this.#db.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash])).rows[0];
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
        justification: row.justification }
      : null;
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    await this.#db.query('UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2', [at, idHash]);
  }

  async justifySession(idHash: string, justification: string): Promise<void> {
    await this.#db.query('UPDATE sessions SET justification = $1 WHERE id_hash = $2', [justification, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return (await this.#db.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount ?? 0;
  }

  async addToken(token: NewToken, at: string): Promise<TokenRecord> {
    const { rows } = await this.#db.query<TokenRow>(`
      INSERT INTO api_tokens (id, name, role, themes, secret_hash, created_by, created_at, expires_at, approved_by, approved_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [randomUUID(), token.name, token.role, JSON.stringify(token.themes), token.secretHash, token.createdBy, at, token.expiresAt,
      token.approvedBy, token.approvedBy === null ? null : at]);
    return toToken(rows[0]!);
  }

  async tokenBySecretHash(secretHash: string): Promise<TokenRecord | null> {
    const row = (await this.#db.query<TokenRow>('SELECT * FROM api_tokens WHERE secret_hash = $1', [secretHash])).rows[0];
    return row ? toToken(row) : null;
  }

  async tokens(): Promise<TokenRecord[]> {
    return (await this.#db.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id')).rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const { rowCount } = await this.#db.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return (rowCount ?? 0) > 0;
  }

  async approveToken(id: string, by: string, at: string): Promise<boolean> {
    const { rowCount } = await this.#db.query(
      'UPDATE api_tokens SET approved_by = $1, approved_at = $2 WHERE id = $3 AND approved_at IS NULL AND revoked_at IS NULL', [by, at, id]);
    return (rowCount ?? 0) > 0;
  }
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id, name: r.name, role: r.role, themes: r.themes, passwordHash: r.password_hash,
    totpSecret: r.totp_secret, totpLastCounter: r.totp_last_counter, disabled: r.disabled,
    failedLogins: r.failed_logins, lockedUntil: r.locked_until, createdAt: r.created_at, updatedAt: r.updated_at,
    requestedBy: r.requested_by, approvedBy: r.approved_by, approvedAt: r.approved_at,
  };
}

function toToken(r: TokenRow): TokenRecord {
  return {
    id: r.id, name: r.name, role: r.role, themes: r.themes, secretHash: r.secret_hash,
    createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
    approvedBy: r.approved_by, approvedAt: r.approved_at,
  };
}
