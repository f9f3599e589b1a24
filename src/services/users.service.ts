// User accounts, for admins through the API and for operators through `baken user`. An admin
// manages only users whose themes all lie within the admin's own; every change is audited first and
// ends the user's sessions, so a new role or a disabled account takes effect at once.
//
// Four-eyes (pentest finding 8): an admin's own role reads no ad content, but one who makes an
// expert, analyst or supervisor with a password of their choosing — or promotes one, gives one more
// themes, or resets one's password — could sign in as that account and read content alone. So
// such a change through the API clears the account's approval in the same write and ends its
// sessions; it cannot sign in until a second admin approves (`approve`). The operator at the
// machine (`baken user`) acts approved at once, as for tokens: whoever runs commands on the server
// already holds the database and the keys, and is the second pair of eyes by being there.
import { randomInt } from 'node:crypto';
import type { Who } from '../accounts/actor.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { loginName } from '../accounts/user-names.ts';
import { awaitsApproval, grantsMore, needsTotp, readsContent, type Role } from '../accounts/roles.ts';
import { newTotpSecret, totpUri } from '../accounts/totp.ts';
import { BakenError } from '../domain/errors.ts';
import type { UserChange, UserRecord } from '../store/accounts.ts';
import { themesFor, type ServiceContext } from './context.ts';

export interface UserView {
  id: string; name: string; role: Role; themes: string[]; disabled: boolean; totp: boolean;
  lockedUntil: string | null; createdAt: string; updatedAt: string;
  /** False while the account waits for a second admin's approval, and cannot sign in. */
  approved: boolean; requestedBy: string[]; approvedBy: string | null; approvedAt: string | null;
}

export interface NewUserInput { name: string; role: Role; themes: string[]; password: string; totp?: boolean }
export interface UserPatch { role?: Role; themes?: string[]; disabled?: boolean; password?: string }

export class UsersService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async all(who: Who): Promise<UserView[]> {
    const mine = new Set(themesFor(who, 'users.read', this.#c.config.current));
    const users = (await this.#c.accounts.users()).filter((u) => u.themes.every((t) => mine.has(t)));
    await this.#c.trail.record(who, 'users.read', { themes: [...mine], resources: users.map((u) => u.id), count: users.length });
    return users.map(view);
  }

  /** Enrols a second factor when asked for or when the role needs one: an expert or admin made
   *  without one could not sign in while codes are required. The enrolment URI is returned only to
   *  the operator at the machine (see `forOperator`). */
  async add(who: Who, input: NewUserInput): Promise<{ user: UserView; totpUri: string | null }> {
    this.#assertGrantable(who, input.themes);
    const asked = loginName(input.name);
    // Checked against the name asked for: the suffix an admin's new name gets says nothing of it.
    const passwordHash = await hashPassword(input.password, asked);
    const name = await this.#freeName(who, asked);
    const enrol = input.totp === true || needsTotp(input.role, this.#c.settings.auth.requireTotp);
    const totpSecret = enrol ? newTotpSecret() : null;
    const pending = waits(who, readsContent(input.role));
    await this.#c.trail.record(who, 'users.change', {
      themes: input.themes, resources: [`user:${name}`], query: { op: 'add', role: input.role, totp: enrol, pending: pending || undefined }, count: 1,
    });
    const user = await this.#c.accounts.addUser({
      name, role: input.role, themes: input.themes, passwordHash, totpSecret, requestedBy: [who.actor.name], approvedBy: pending ? null : who.actor.name,
    }, this.#now());
    return { user: view(user), totpUri: forOperator(who, totpSecret, user.name) };
  }

  /** Enrols a one-time code when the new role needs one and the user has none: a promoted expert or
   *  admin could not sign in otherwise. The URI goes only to the operator (see `forOperator`). */
  async change(who: Who, id: string, patch: UserPatch): Promise<{ user: UserView; totpUri: string | null }> {
    const user = await this.#visible(who, id);
    if (patch.themes) this.#assertGrantable(who, patch.themes);
    if (user.id === who.actor.id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
      throw new BakenError('CONFLICT', 'an admin cannot disable or demote their own account; ask another admin');
    }
    const totpSecret = patch.role !== undefined && needsTotp(patch.role, this.#c.settings.auth.requireTotp) && user.totpSecret === null
      ? newTotpSecret() : null;
    const pending = waits(who, widens(user, patch));
    const change: UserChange = {
      role: patch.role, themes: patch.themes, disabled: patch.disabled,
      ...(patch.password === undefined ? {} : { passwordHash: await hashPassword(patch.password, user.name), failedLogins: 0, lockedUntil: null }),
      ...(totpSecret === null ? {} : { totpSecret, totpLastCounter: null }),
      ...(pending ? { requestedBy: requesters(user, who), approvedBy: null, approvedAt: null } : {}),
    };
    // The password itself is never audited; only that it changed.
    const { password, ...fields } = patch;
    await this.#c.trail.record(who, 'users.change', {
      themes: [...new Set([...user.themes, ...(patch.themes ?? [])])], resources: [user.id],
      query: { op: 'change', ...fields, password: password === undefined ? undefined : 'changed', totp: totpSecret === null ? undefined : true,
        pending: pending || undefined }, count: 1,
    });
    const changed = await this.#c.accounts.updateUser(id, change, this.#now());
    await this.#c.accounts.deleteSessionsOf(id);
    return { user: view(changed), totpUri: forOperator(who, totpSecret, changed.name) };
  }

  /** The second admin's approval of an account waiting for one: a signed-in admin (not a token,
   *  which would let one admin be both asker and approver) other than the one who asked, holding
   *  all the account's themes. It approves the account as the approver saw it: CONFLICT if it
   *  changed meanwhile. */
  async approve(who: Who, id: string): Promise<UserView> {
    if (who.actor.kind !== 'user') {
      throw new BakenError('FORBIDDEN', `only a signed-in admin may approve an account that reads ad content, not a ${who.actor.kind === 'token' ? 'service token' : 'command-line operator'}`);
    }
    const user = await this.#visible(who, id);
    if (!awaitsApproval(user)) throw new BakenError('CONFLICT', `user ${id} awaits no approval`);
    if (user.requestedBy.includes(who.actor.name)) {
      throw new BakenError('FORBIDDEN', 'an account that reads ad content needs a second admin: another admin than those who made the changes awaiting approval must approve them');
    }
    await this.#c.trail.record(who, 'users.change', { themes: user.themes, resources: [user.id], query: { op: 'approve', role: user.role }, count: 1 });
    if (!await this.#c.accounts.approveUser(id, who.actor.name, this.#now(), user.updatedAt)) {
      throw new BakenError('CONFLICT', `user ${id} changed while being approved; look at it again`);
    }
    return view((await this.#c.accounts.user(id))!);
  }

  /** A new TOTP secret replaces any old one; the URI is shown once, on the operator's terminal, to be
   *  scanned by the user. This is how a user gets the code an admin enrolled for them. */
  async enrolTotp(who: Who, id: string): Promise<string> {
    if (who.actor.kind !== 'cli') throw new BakenError('FORBIDDEN', 'only the operator at the machine (baken user totp) may show a one-time-code secret');
    const user = await this.#visible(who, id);
    const secret = newTotpSecret();
    await this.#c.trail.record(who, 'users.change', { themes: user.themes, resources: [user.id], query: { op: 'totp' }, count: 1 });
    await this.#c.accounts.updateUser(id, { totpSecret: secret, totpLastCounter: null }, this.#now());
    await this.#c.accounts.deleteSessionsOf(id);
    return totpUri(secret, user.name);
  }

  /** Login names are global, and an admin sees only the users of their own themes: were the name
   *  an admin asked for refused when taken, the refusal would tell them that someone of another theme
   *  (a police user) is called that (pentest finding 9). So a name made through the API always ends in
   *  a random suffix the server picks, taken or not. The operator at the machine, who sees everyone,
   *  gets the name asked for or a refusal. */
  async #freeName(who: Who, asked: string): Promise<string> {
    if (who.actor.kind === 'cli') {
      if (await this.#c.accounts.userByName(asked)) throw new BakenError('CONFLICT', `a user named "${asked}" already exists`);
      return asked;
    }
    for (;;) {
      const name = `${asked}.${nameSuffix()}`;
      if (!(await this.#c.accounts.userByName(name))) return name;
    }
  }

  async #visible(who: Who, id: string): Promise<UserRecord> {
    const mine = new Set(themesFor(who, 'users.write', this.#c.config.current));
    const user = await this.#c.accounts.user(id);
    if (!user || !user.themes.every((t) => mine.has(t))) throw new BakenError('NOT_FOUND', `no user ${id}`);
    return user;
  }

  #assertGrantable(who: Who, themes: string[]): void {
    const mine = themesFor(who, 'users.write', this.#c.config.current);
    const foreign = themes.filter((t) => !mine.includes(t));
    if (foreign.length > 0) throw new BakenError('NOT_FOUND', `no theme ${foreign.map((t) => `"${t}"`).join(', ')}`);
  }

  #now(): string {
    return this.#c.now().toISOString();
  }
}

/** A change lets the account read more content when it leaves it a content reader and gives it a
 *  role that may do more, a theme it lacked, or a password someone else now knows. */
function widens(user: UserRecord, patch: UserPatch): boolean {
  if (!readsContent(patch.role ?? user.role)) return false;
  return (patch.role !== undefined && grantsMore(user.role, patch.role))
    || (patch.themes ?? []).some((t) => !user.themes.includes(t))
    || patch.password !== undefined;
}

/** Everyone who changed the account since it was last approved: each may know or have chosen
 *  something (a password) the approval must not leave to them alone. */
function requesters(user: UserRecord, who: Who): string[] {
  return user.approvedAt === null ? [...new Set([...user.requestedBy, who.actor.name])] : [who.actor.name];
}

/** Through the API such a change waits for a second admin; the operator at the machine is one. */
function waits(who: Who, widening: boolean): boolean {
  return widening && who.actor.kind !== 'cli';
}

const SUFFIX_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';
export const NAME_SUFFIX_LENGTH = 5;

/** Letters and digits that are hard to mistake for one another when a name is read out or typed. */
function nameSuffix(): string {
  return Array.from({ length: NAME_SUFFIX_LENGTH }, () => SUFFIX_LETTERS[randomInt(SUFFIX_LETTERS.length)]).join('');
}

/** The enrolment URI holds the second factor's secret: an admin who saw it could sign in as the
 *  expert they made or promoted (pentest finding 8). Only the operator at the machine, who hands it
 *  to the user, ever gets it; through the API the user gets it from the operator (`baken user totp`). */
function forOperator(who: Who, secret: string | null, name: string): string | null {
  return secret !== null && who.actor.kind === 'cli' ? totpUri(secret, name) : null;
}

export function view(u: UserRecord): UserView {
  return {
    id: u.id, name: u.name, role: u.role, themes: u.themes, disabled: u.disabled, totp: u.totpSecret !== null,
    lockedUntil: u.lockedUntil, createdAt: u.createdAt, updatedAt: u.updatedAt,
    approved: !awaitsApproval(u), requestedBy: u.requestedBy, approvedBy: u.approvedBy, approvedAt: u.approvedAt,
  };
}
