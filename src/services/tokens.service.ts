// Service tokens: a role and themes for a machine caller, shown once at creation, revocable. A token
// that reads ad content is created pending and authenticates only once a second admin approves it:
// an admin's own role never reads content, and one admin alone must not be able to change that.
import type { Who } from '../accounts/actor.ts';
import { needsTotp, readsContent, type Role } from '../accounts/roles.ts';
import { newSecret, secretHash } from '../accounts/secrets.ts';
import { BakenError } from '../domain/errors.ts';
import type { TokenRecord } from '../store/accounts.ts';
import { themesFor, type ServiceContext } from './context.ts';

export type TokenView = Omit<TokenRecord, 'secretHash'>;
/** Recognisable in a leaked log or repository, so secret scanners can find it. */
const TOKEN_PREFIX = 'baken_';

export class TokensService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async all(who: Who): Promise<TokenView[]> {
    const mine = new Set(themesFor(who, 'tokens.read', this.#c.config.current));
    const tokens = (await this.#c.accounts.tokens()).filter((t) => t.themes.every((th) => mine.has(th)));
    await this.#c.trail.record(who, 'tokens.read', { themes: [...mine], resources: tokens.map((t) => t.id), count: tokens.length });
    return tokens.map(view);
  }

  async create(who: Who, input: { name: string; role: Role; themes: string[]; expiresAt?: string }): Promise<{ token: TokenView; secret: string }> {
    const mine = themesFor(who, 'tokens.write', this.#c.config.current);
    const foreign = input.themes.filter((t) => !mine.includes(t));
    if (foreign.length > 0) throw new BakenError('NOT_FOUND', `no theme ${foreign.map((t) => `"${t}"`).join(', ')}`);
    if (needsTotp(input.role, this.#c.settings.auth.requireTotp)) throw tokenTooStrong(input.role);
    const pending = readsContent(input.role);
    if (pending) assertPerson(who, 'ask for');
    const secret = newSecret(TOKEN_PREFIX);
    await this.#c.trail.record(who, 'tokens.change', {
      themes: input.themes, resources: [`token:${input.name}`], query: { op: 'create', role: input.role, expiresAt: input.expiresAt, pending }, count: 1,
    });
    const token = await this.#c.accounts.addToken({
      name: input.name, role: input.role, themes: input.themes, secretHash: secretHash(secret), createdBy: who.actor.name,
      expiresAt: input.expiresAt ?? null, approvedBy: pending ? null : who.actor.name,
    }, this.#c.now().toISOString());
    return { token: view(token), secret };
  }

  async revoke(who: Who, id: string): Promise<void> {
    const token = await this.#active(who, id);
    await this.#c.trail.record(who, 'tokens.change', { themes: token.themes, resources: [id], query: { op: 'revoke' }, count: 1 });
    await this.#c.accounts.revokeToken(id, this.#c.now().toISOString());
  }

  /** The second admin's approval of a pending token: another person than its creator, holding all its themes. */
  async approve(who: Who, id: string): Promise<TokenView> {
    assertPerson(who, 'approve');
    const token = await this.#active(who, id);
    if (token.approvedAt !== null) throw new BakenError('CONFLICT', `token ${id} is already approved`);
    if (token.createdBy === who.actor.name) {
      throw new BakenError('FORBIDDEN', 'a token that reads ad content needs a second admin: another admin than the one who asked for it must approve it');
    }
    await this.#c.trail.record(who, 'tokens.change', { themes: token.themes, resources: [id], query: { op: 'approve', role: token.role }, count: 1 });
    await this.#c.accounts.approveToken(id, who.actor.name, this.#c.now().toISOString());
    return view(await this.#active(who, id));
  }

  async #active(who: Who, id: string): Promise<TokenRecord> {
    const mine = new Set(themesFor(who, 'tokens.write', this.#c.config.current));
    const token = (await this.#c.accounts.tokens()).find((t) => t.id === id && t.revokedAt === null);
    if (!token || !token.themes.every((t) => mine.has(t))) throw new BakenError('NOT_FOUND', `no active token ${id}`);
    return token;
  }
}

/** Only people ask for and approve a content-reading token: a token acting for an admin would let
 *  one admin be both the asker and the approver. */
function assertPerson(who: Who, verb: string): void {
  if (who.actor.kind !== 'user') {
    throw new BakenError('FORBIDDEN', `only a signed-in admin may ${verb} a token that reads ad content, not a ${who.actor.kind === 'token' ? 'service token' : 'command-line operator'}`);
  }
}

/** A token cannot give a second factor, so it may not carry a role that needs one: it would be
 *  stronger than a person of that role, who cannot sign in on a password alone. */
export function tokenTooStrong(role: Role): BakenError {
  return new BakenError('FORBIDDEN',
    `a service token cannot act as ${role} while auth.requireTotp is on: that role must sign in with a one-time code, which a token cannot give; choose another role`);
}

function view({ secretHash: _, ...token }: TokenRecord): TokenView {
  return token;
}
