// Users, sessions and service tokens in the same PostgreSQL database as the ads.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../accounts/roles.ts';
import { BakenError } from '../../domain/errors.ts';
import type {
  AccountStore, NewToken, NewUser, SessionRecord, TokenRecord, UserChange, UserRecord,
} from '../accounts.ts';
import { isUniqueViolation, type Queryable } from './database.postgres.ts';

interface UserRow {
  id: string; name: string; role: Role; themes: string[]; password_hash: string; totp_secret: string | null;
  totp_last_counter: number | null; disabled: boolean; failed_logins: number; locked_until: string | null;
  created_at: string; updated_at: string;
}
interface SessionRow { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string }
interface TokenRow {
  id: string; name: string; role: Role; themes: string[]; secret_hash: string; created_by: string;
  created_at: string; expires_at: string | null; revoked_at: string | null; approved_by: string | null; approved_at: string | null;
}

const USER_COLUMNS: Record<keyof UserChange, string> = {
  role: 'role', themes: 'themes', passwordHash: 'password_hash', totpSecret: 'totp_secret',
  totpLastCounter: 'totp_last_counter', disabled: 'disabled', failedLogins: 'failed_logins', lockedUntil: 'locked_until',
};

export class PostgresAccounts implements AccountStore {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async addUser(user: NewUser, at: string): Promise<UserRecord> {
    try {
      const { rows } = await this.#db.query<UserRow>(`
        INSERT INTO users (id, name, role, themes, password_hash, totp_secret, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
      [randomUUID(), user.name, user.role, JSON.stringify(user.themes), user.passwordHash, user.totpSecret, at]);
      return toUser(rows[0]!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', `a user named "${user.name}" already exists`, { cause: err });
      throw err;
    }
  }

  async userByName(name: string): Promise<UserRecord | null> {
    // lower(name) on both sides, so the lookup uses the unique index users_by_name.
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE lower(name) = lower($1)', [name]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async user(id: string): Promise<UserRecord | null> {
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async users(): Promise<UserRecord[]> {
    // SQLite sorts the COLLATE NOCASE column without regard to case; so does lower().
    return (await this.#db.query<UserRow>('SELECT * FROM users ORDER BY lower(name)')).rows.map(toUser);
  }

  async updateUser(id: string, change: UserChange, at: string): Promise<UserRecord> {
    // Column names come from the fixed map above, never from the caller.
    const keys = (Object.keys(change) as (keyof UserChange)[]).filter((k) => change[k] !== undefined);
    const values = keys.map((k) => (k === 'themes' ? JSON.stringify(change.themes) : change[k]));
    const sets = [...keys.map((k, i) => `${USER_COLUMNS[k]} = $${i + 1}`), `updated_at = $${keys.length + 1}`];
    const { rows } = await this.#db.query<UserRow>(
      `UPDATE users SET ${sets.join(', ')} WHERE id = $${keys.length + 2} RETURNING *`, [...values, at, id]);
    if (!rows[0]) throw new BakenError('NOT_FOUND', `no user with id ${id}`);
    return toUser(rows[0]);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.#db.query('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)',
      [session.idHash, session.userId, session.csrfToken, session.createdAt, session.lastSeenAt]);
  }

  async session(idHash: string): Promise<SessionRecord | null> {
    const row = (await this.#db.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash])).rows[0];
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at }
      : null;
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    await this.#db.query('UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2', [at, idHash]);
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
  };
}

function toToken(r: TokenRow): TokenRecord {
  return {
    id: r.id, name: r.name, role: r.role, themes: r.themes, secretHash: r.secret_hash,
    createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
    approvedBy: r.approved_by, approvedAt: r.approved_at,
  };
}
