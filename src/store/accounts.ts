// The accounts port: users, their sessions and service tokens. Secrets are stored only as hashes
// (session ids, token secrets) or as argon2id (passwords); see src/accounts/.
import type { Role } from '../accounts/roles.ts';
import type { FailureState, LockoutRules } from '../accounts/sign-in-rules.ts';

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  themes: string[];
  passwordHash: string;
  /** Base32 TOTP secret, or null when the user has no second factor. Adapters store it sealed
   *  (AES-256-GCM, src/accounts/secret-box.ts) with a key kept outside the database. */
  totpSecret: string | null;
  /** The last time step a TOTP code was accepted for, so a code works only once. */
  totpLastCounter: number | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who made the account, or made it read more ad content (role, themes, password) since it was
   *  last approved: none of them may approve it (four-eyes, see UsersService). */
  requestedBy: string[];
  /** Who approved the account as it now is, and when; null while a content-reading account waits
   *  for a second admin — it cannot sign in until approved. */
  approvedBy: string | null;
  approvedAt: string | null;
}

/** `approvedBy` is the maker for an account that needs no second admin, null for one that waits. */
export type NewUser = Pick<UserRecord, 'name' | 'role' | 'themes' | 'passwordHash' | 'totpSecret' | 'requestedBy' | 'approvedBy'>;
/** A change that makes the account wait sets `requestedBy` and clears the approval in the same write. */
export type UserChange = Partial<Pick<UserRecord,
  'role' | 'themes' | 'passwordHash' | 'totpSecret' | 'totpLastCounter' | 'disabled' | 'failedLogins' | 'lockedUntil'
  | 'requestedBy' | 'approvedBy' | 'approvedAt'>>;

export interface SessionRecord {
  /** SHA-256 of the cookie's secret; the secret itself is never stored. */
  idHash: string;
  userId: string;
  /** Sent back in `x-csrf-token` on every state-changing call; useless without the cookie. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** Why the person reads ad content in this session (DESIGN §2a.5), or null until they say. */
  justification: string | null;
}

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  themes: string[];
  secretHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Who approved it, and when; null while it waits for a second admin (a token that reads ad
   *  content, see TokensService) — a token authenticates only once approved. */
  approvedBy: string | null;
  approvedAt: string | null;
}

/** `approvedBy` is the creator for a token that needs no second admin, null for one that waits. */
export type NewToken = Pick<TokenRecord, 'name' | 'role' | 'themes' | 'secretHash' | 'createdBy' | 'expiresAt' | 'approvedBy'>;

export interface AccountStore {
  /** CONFLICT when the name is taken (names compare case-insensitively). */
  addUser(user: NewUser, at: string): Promise<UserRecord>;
  userByName(name: string): Promise<UserRecord | null>;
  user(id: string): Promise<UserRecord | null>;
  users(): Promise<UserRecord[]>;
  /** NOT_FOUND when there is no such user. */
  updateUser(id: string, change: UserChange, at: string): Promise<UserRecord>;
  /** Approves the account as it was when `seen` (its `updatedAt`) was read, by one not in its
   *  `requestedBy`; false when nothing awaits approval, it changed meanwhile, or `by` asked for it. */
  approveUser(id: string, by: string, at: string, seen: string): Promise<boolean>;
  /** Counts one failed sign-in in a single statement, so concurrent failures all count: at
   *  `rules.maxFailures` the account locks until `lockEnd(now, rules)` and the count starts afresh. */
  recordFailedLogin(id: string, now: Date, rules: LockoutRules): Promise<FailureState>;
  /** Clears the failure count after a good sign-in; false (and nothing changed) when a concurrent
   *  failure locked the account meanwhile. */
  recordSuccessfulLogin(id: string, now: Date): Promise<boolean>;
  /** Marks a TOTP time step used, in a single statement; false when it or a later one already was:
   *  of concurrent sign-ins with one code, exactly one gets true. */
  consumeTotpCounter(id: string, counter: number): Promise<boolean>;

  createSession(session: SessionRecord): Promise<void>;
  session(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, at: string): Promise<void>;
  /** Records why the session reads ad content; a later call replaces it. */
  justifySession(idHash: string, justification: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (after a password, role, theme or status change). */
  deleteSessionsOf(userId: string): Promise<number>;

  addToken(token: NewToken, at: string): Promise<TokenRecord>;
  tokenBySecretHash(secretHash: string): Promise<TokenRecord | null>;
  tokens(): Promise<TokenRecord[]>;
  /** False when there is no such token or it was already revoked. */
  revokeToken(id: string, at: string): Promise<boolean>;
  /** False when there is no such token, or it was revoked or approved already. */
  approveToken(id: string, by: string, at: string): Promise<boolean>;
}
