// Signing in and out, and recognising the caller of every request: a session cookie (people) or a
// bearer token (services). Failed logins count towards a lock; every outcome is audited.
import type { Actor, Who } from '../accounts/actor.ts';
import { passwordMatches } from '../accounts/passwords.ts';
import { awaitsApproval, needsTotp } from '../accounts/roles.ts';
import { newSecret, secretHash } from '../accounts/secrets.ts';
import { isLocked, sessionExpired } from '../accounts/sign-in-rules.ts';
import { matchTotp } from '../accounts/totp.ts';
import { BakenError } from '../domain/errors.ts';
import type { SessionRecord, TokenRecord, UserRecord } from '../store/accounts.ts';
import type { ServiceContext } from './context.ts';

export interface LoginInput { name: string; password: string; totp?: string }
export interface SessionView {
  user: { id: string; name: string; role: Actor['role']; themes: readonly string[] };
  /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: string | null;
  expiresAt: string | null;
  /** Why this session reads ad content, where a request gives none; null until set (and for tokens). */
  justification: string | null;
}
export interface Caller { actor: Actor; session: SessionRecord | null }

export const SIGN_IN_FAILED = 'sign-in failed: wrong name, password or one-time code (give the code if your account has one), '
  + 'or the account is locked, disabled, awaits a second admin\'s approval, or still needs a one-time code enrolled by an admin';

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
    // An account an admin made or widened alone reads no content until a second admin approves.
    if (awaitsApproval(user)) return this.#refuse(client, user, 'awaiting-approval');
    if (!passwordOk) return this.#refuse(client, user, 'wrong-password', true);
    await this.#secondFactor(client, user, input.totp);
    // A concurrent failure may have locked the account since it was read.
    if (!await this.#c.accounts.recordSuccessfulLogin(user.id, now)) return this.#refuse(client, user, 'locked');

    const secret = newSecret();
    const session: SessionRecord = {
      idHash: secretHash(secret), userId: user.id, csrfToken: newSecret(), createdAt: now.toISOString(), lastSeenAt: now.toISOString(),
      justification: null,
    };
    await this.#c.trail.record({ actor: actorOf(user), client }, 'session.login', { count: 1 });
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
    return {
      user: { id: actor.id, name: actor.name, role: actor.role, themes: actor.themes }, csrfToken: session?.csrfToken ?? null, expiresAt,
      justification: session?.justification ?? null,
    };
  }

  /** Sets why this session reads ad content (DESIGN §2a.5); every later read records it. */
  async justify(who: Who, session: SessionRecord | null, justification: string): Promise<SessionView> {
    // A token has no session to keep it in: each of its requests says why itself.
    if (!session) throw new BakenError('INPUT_INVALID', 'a service token has no session: send the x-baken-justification header with each request that reads ad content');
    await this.#c.trail.record(who, 'session.justify', { count: 1, justification });
    await this.#c.accounts.justifySession(session.idHash, justification);
    return this.view(who.actor, { ...session, justification });
  }

  /** The caller behind a bearer token or a session cookie, or null when neither is (still) valid. */
  async authenticate(credentials: { bearer: string | null; cookie: string | null }): Promise<Caller | null> {
    const now = this.#c.now();
    if (credentials.bearer !== null) {
      // A token waiting for a second admin's approval does not authenticate yet (tokens.service.ts).
      const token = await this.#c.accounts.tokenBySecretHash(secretHash(credentials.bearer));
      if (!token || token.revokedAt !== null || token.approvedAt === null || (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime())) return null;
      if (!await this.#creatorStillGrants(token)) return null;
      return { actor: { kind: 'token', id: token.id, name: token.name, role: token.role, themes: token.themes }, session: null };
    }
    if (credentials.cookie === null) return null;
    const session = await this.#c.accounts.session(secretHash(credentials.cookie));
    if (!session) return null;
    const user = await this.#c.accounts.user(session.userId);
    if (!user || user.disabled || awaitsApproval(user) || sessionExpired(session, now, this.#c.settings.auth)) {
      await this.#c.accounts.deleteSession(session.idHash);
      return null;
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await this.#c.accounts.touchSession(session.idHash, now.toISOString());
    return { actor: actorOf(user), session };
  }

  /** A token's power is lent by the admin who made it: it lapses once that admin is disabled or
   *  gone, is no longer an admin, or no longer holds every theme the token acts in. */
  async #creatorStillGrants(token: TokenRecord): Promise<boolean> {
    const creator = await this.#c.accounts.userByName(token.createdBy);
    return creator !== null && !creator.disabled && creator.role === 'admin' && token.themes.every((t) => creator.themes.includes(t));
  }

  /** Refuses unless the second factor, where one applies, is a fresh right code; uses the code up. */
  async #secondFactor(client: string, user: UserRecord, code: string | undefined): Promise<void> {
    // A missing code, or a code the account cannot give, is refused like a wrong password: a
    // distinct answer would come only after a right password, and so confirm it.
    if (user.totpSecret === null) {
      if (needsTotp(user.role, this.#c.settings.auth.requireTotp)) await this.#refuse(client, user, 'totp-not-enrolled', true);
      return;
    }
    if (code === undefined || code === '') return this.#refuse(client, user, 'totp-missing', true);
    const counter = matchTotp(user.totpSecret, code, this.#c.now());
    if (counter === null) return this.#refuse(client, user, 'totp-wrong', true);
    // A code is good once: the store takes the counter only if it is above the last one used, in
    // one statement, so of concurrent sign-ins with one code exactly one gets through.
    if (!await this.#c.accounts.consumeTotpCounter(user.id, counter)) return this.#refuse(client, user, 'totp-replayed', true);
  }

  async #refuse(client: string, user: UserRecord | null, outcome: string, countsAsFailure = false): Promise<never> {
    const now = this.#c.now();
    await this.#c.trail.write({
      action: 'session.login-failed', user: user?.name ?? null, actor: 'user', role: user?.role ?? null, themes: [], actorThemes: user ? [...user.themes] : null,
      resources: user ? [user.id] : [], query: {}, count: 0, client, justification: null, outcome,
    });
    if (user && countsAsFailure) {
      await this.#c.accounts.recordFailedLogin(user.id, now, lockoutRules(this.#c));
    }
    // One answer for every failure: it must not tell which part was wrong, whether the name exists,
    // or whether the account has a second factor. The trail records which it was.
    throw new BakenError('UNAUTHENTICATED', SIGN_IN_FAILED);
  }
}

/** The actor a person acts as: also who a standing search's hits are found for. */
export function actorOf(user: UserRecord): Actor {
  return { kind: 'user', id: user.id, name: user.name, role: user.role, themes: user.themes };
}

function lockoutRules(c: ServiceContext) {
  return { maxFailures: c.settings.auth.maxFailedLogins, lockMinutes: c.settings.auth.lockMinutes };
}
