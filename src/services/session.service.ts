// Signing in and out, and recognising the caller of every request: a session cookie (people) or a
// bearer token (services). Failed logins count towards a lock; every outcome is audited.
import type { Actor, Who } from '../accounts/actor.ts';
import { passwordMatches } from '../accounts/passwords.ts';
import { needsTotp } from '../accounts/roles.ts';
import { newSecret, secretHash } from '../accounts/secrets.ts';
import { afterFailedLogin, isLocked, sessionExpired } from '../accounts/sign-in-rules.ts';
import { matchTotp } from '../accounts/totp.ts';
import { BakenError } from '../domain/errors.ts';
import type { SessionRecord, UserRecord } from '../store/accounts.ts';
import type { ServiceContext } from './context.ts';

export interface LoginInput { name: string; password: string; totp?: string }
export interface SessionView {
  user: { id: string; name: string; role: Actor['role']; themes: readonly string[] };
  /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: string | null;
  expiresAt: string | null;
}
export interface Caller { actor: Actor; session: SessionRecord | null }

/** Refreshing the idle timer at most once a minute spares a database write on every request. */
const TOUCH_EVERY_MS = 60_000;

export class SessionService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async login(client: string, input: LoginInput): Promise<{ secret: string; view: SessionView; maxAgeSeconds: number }> {
    const now = this.#c.now();
    const user = await this.#c.accounts.userByName(input.name);
    // The password is checked even for an unknown or locked account, so timing tells nothing.
    const passwordOk = await passwordMatches(user?.passwordHash ?? null, input.password);
    if (!user) return this.#refuse(client, null, 'unknown-user');
    if (user.disabled) return this.#refuse(client, user, 'disabled');
    if (isLocked(user, now)) return this.#refuse(client, user, 'locked');
    if (!passwordOk) return this.#refuse(client, user, 'wrong-password', true);
    const totpCounter = await this.#secondFactor(client, user, input.totp);

    const secret = newSecret();
    const session: SessionRecord = {
      idHash: secretHash(secret), userId: user.id, csrfToken: newSecret(), createdAt: now.toISOString(), lastSeenAt: now.toISOString(),
    };
    await this.#c.trail.record({ actor: actorOf(user), client }, 'session.login', { count: 1 });
    await this.#c.accounts.updateUser(user.id, { failedLogins: 0, lockedUntil: null, totpLastCounter: totpCounter ?? undefined }, now.toISOString());
    await this.#c.accounts.createSession(session);
    const { absoluteHours } = this.#c.settings.auth;
    return { secret, view: this.view(actorOf(user), session), maxAgeSeconds: absoluteHours * 3600 };
  }

  async logout(who: Who, session: SessionRecord | null): Promise<void> {
    await this.#c.trail.record(who, 'session.logout', { count: 1 });
    if (session) await this.#c.accounts.deleteSession(session.idHash);
  }

  view(actor: Actor, session: SessionRecord | null): SessionView {
    const expiresAt = session
      ? new Date(Date.parse(session.createdAt) + this.#c.settings.auth.absoluteHours * 3_600_000).toISOString()
      : null;
    return { user: { id: actor.id, name: actor.name, role: actor.role, themes: actor.themes }, csrfToken: session?.csrfToken ?? null, expiresAt };
  }

  /** The caller behind a bearer token or a session cookie, or null when neither is (still) valid. */
  async authenticate(credentials: { bearer: string | null; cookie: string | null }): Promise<Caller | null> {
    const now = this.#c.now();
    if (credentials.bearer !== null) {
      // A token waiting for a second admin's approval does not authenticate yet (tokens.service.ts).
      const token = await this.#c.accounts.tokenBySecretHash(secretHash(credentials.bearer));
      if (!token || token.revokedAt !== null || token.approvedAt === null || (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime())) return null;
      return { actor: { kind: 'token', id: token.id, name: token.name, role: token.role, themes: token.themes }, session: null };
    }
    if (credentials.cookie === null) return null;
    const session = await this.#c.accounts.session(secretHash(credentials.cookie));
    if (!session) return null;
    const user = await this.#c.accounts.user(session.userId);
    if (!user || user.disabled || sessionExpired(session, now, this.#c.settings.auth)) {
      await this.#c.accounts.deleteSession(session.idHash);
      return null;
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await this.#c.accounts.touchSession(session.idHash, now.toISOString());
    return { actor: actorOf(user), session };
  }

  /** The accepted TOTP counter, or undefined when no second factor applies. */
  async #secondFactor(client: string, user: UserRecord, code: string | undefined): Promise<number | undefined> {
    const required = needsTotp(user.role, this.#c.settings.auth.requireTotp);
    if (user.totpSecret === null) {
      if (required) await this.#refuse(client, user, 'totp-not-enrolled', false, new BakenError('UNAUTHENTICATED',
        `the role ${user.role} must sign in with a one-time code, and this account has none enrolled; ask an admin to run "baken user totp --name ${user.name}"`));
      return undefined;
    }
    if (code === undefined || code === '') {
      return this.#refuse(client, user, 'totp-missing', false, new BakenError('TOTP_REQUIRED', 'a one-time code (totp) is required'));
    }
    const counter = matchTotp(user.totpSecret, code, this.#c.now());
    // A code is good once: a counter at or below the last accepted one is a replay.
    if (counter === null || (user.totpLastCounter !== null && counter <= user.totpLastCounter)) {
      return this.#refuse(client, user, 'totp-wrong', true);
    }
    return counter;
  }

  async #refuse(client: string, user: UserRecord | null, outcome: string, countsAsFailure = false, error?: BakenError): Promise<never> {
    const now = this.#c.now();
    await this.#c.trail.write({
      action: 'session.login-failed', user: user?.name ?? null, actor: 'user', role: user?.role ?? null, themes: [],
      resources: user ? [user.id] : [], query: {}, count: 0, client, justification: null, outcome,
    });
    if (user && countsAsFailure) {
      await this.#c.accounts.updateUser(user.id, afterFailedLogin(user, now, lockoutRules(this.#c)), now.toISOString());
    }
    // One message for every credential failure: it must not tell which part was wrong, or whether the name exists.
    throw error ?? new BakenError('UNAUTHENTICATED', 'sign-in failed: wrong name, password or code, or the account is locked or disabled');
  }
}

function actorOf(user: UserRecord): Actor {
  return { kind: 'user', id: user.id, name: user.name, role: user.role, themes: user.themes };
}

function lockoutRules(c: ServiceContext) {
  return { maxFailures: c.settings.auth.maxFailedLogins, lockMinutes: c.settings.auth.lockMinutes };
}
