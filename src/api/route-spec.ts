// How a route is declared: method, URL, the policy action it needs, its schemas, what it audits, and
// a thin handler that hands the validated input to a service. The route table (route-table.ts) is
// a list of these; build-api.ts registers exactly that list, and the authorisation-matrix test is
// generated from it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Who } from '../accounts/actor.ts';
import type { Action } from '../accounts/roles.ts';
import type { AuditAction } from '../domain/audit-event.ts';
import { BakenError } from '../domain/errors.ts';
import type { Caller } from '../services/session.service.ts';
import type { Services } from '../services/services.ts';
import { justification } from './schemas.ts';

/** A request's own justification, instead of ?justification=. */
export const JUSTIFICATION_HEADER = 'x-baken-justification';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A policy action, or 'signed-in' (any valid session or token), or 'public' (no sign-in). */
export type Access = Action | 'signed-in' | 'public';

export interface RouteSchemas {
  querystring?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** JSON response of the success status; omitted for binary responses, described by `produces`. */
  response?: z.ZodType;
  /** Media types of a binary success response. */
  produces?: string[];
  /** A file sent as the raw request body (a Buffer), of one of these media types, up to `limit` bytes. */
  upload?: { types: string[]; limit: number };
}

export interface RouteSpec {
  method: Method;
  url: string;
  access: Access;
  tag: string;
  summary: string;
  status: 200 | 201 | 204;
  /** What a successful call writes to the audit trail; null for calls that touch no data. */
  audit: AuditAction | null;
  /** Limited per client address (auth.loginsPerMinute): the sign-in route. */
  rateLimited?: boolean;
  /** Reads ad content, so says why (DESIGN §2a.5): the request's justification, or else the session's. */
  justified?: boolean;
  schemas: RouteSchemas;
  handle(call: RawCall, services: Services): Promise<unknown>;
}

export interface RawCall { query: unknown; params: unknown; body: unknown; request: FastifyRequest; reply: FastifyReply; caller: Caller | null }

export interface Call<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  who: Who;
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}
export type PublicCall<Q, P, B> = Omit<Call<Q, P, B>, 'who' | 'caller'> & { client: string };

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

interface Definition<Q, P, B> extends Omit<RouteSpec, 'handle' | 'schemas' | 'access'> {
  querystring?: Q;
  params?: P;
  body?: B;
  response?: z.ZodType;
  produces?: string[];
  upload?: RouteSchemas['upload'];
}

export function defineRoute<Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: Definition<Q, P, B> & { access: Exclude<Access, 'public'>; handle(call: Call<Out<Q>, Out<P>, Out<B>>, services: Services): Promise<unknown> },
): RouteSpec {
  return spec(def, (raw, services) => {
    // The authentication hook has run: a route that is not public never reaches here without a caller.
    const caller = raw.caller!;
    return def.handle({ ...typed<Q, P, B>(raw), who: { actor: caller.actor, client: raw.request.ip }, caller }, services);
  });
}

/**
 * A route that reads ad content: the handler gets the justification of the request
 * (?justification= or the x-baken-justification header) or else of the session (PUT
 * /api/session/justification); without either it is refused with JUSTIFICATION_REQUIRED.
 */
export function defineJustifiedRoute<Q extends z.ZodObject | undefined = undefined, P extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: Definition<Q, P, B> & { access: Action; handle(call: Call<Out<Q>, Out<P>, Out<B>> & { justification: string }, services: Services): Promise<unknown> },
): RouteSpec {
  const querystring = (def.querystring ?? z.strictObject({})).extend({
    justification: justification.optional().describe(`case number or "signal research"; or send the ${JUSTIFICATION_HEADER} header, or set one for the session with PUT /api/session/justification`),
  });
  return spec({ ...def, querystring, justified: true }, (raw, services) => {
    const caller = raw.caller!;
    const { justification: given, ...query } = raw.query as { justification?: string };
    return def.handle({
      ...typed<Q, P, B>({ ...raw, query }), who: { actor: caller.actor, client: raw.request.ip }, caller,
      justification: justificationOf(given, raw.request, caller),
    }, services);
  });
}

function justificationOf(given: string | undefined, request: FastifyRequest, caller: Caller): string {
  const header = request.headers[JUSTIFICATION_HEADER];
  if (given === undefined && typeof header === 'string') {
    const parsed = justification.safeParse(header);
    if (!parsed.success) throw new BakenError('JUSTIFICATION_REQUIRED', `${JUSTIFICATION_HEADER}: ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  }
  const found = given ?? caller.session?.justification;
  if (found === undefined || found === null) {
    throw new BakenError('JUSTIFICATION_REQUIRED', `reading ad content needs a justification (a case number or "signal research"): send ?justification= or the ${JUSTIFICATION_HEADER} header, or set one for the session with PUT /api/session/justification`);
  }
  return found;
}

export function definePublicRoute<Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: Definition<Q, P, B> & { handle(call: PublicCall<Out<Q>, Out<P>, Out<B>>, services: Services): Promise<unknown> },
): RouteSpec {
  return spec({ ...def, access: 'public' }, (raw, services) => def.handle({ ...typed<Q, P, B>(raw), client: raw.request.ip }, services));
}

type AnySchema = z.ZodType | undefined;

function spec(def: Definition<AnySchema, AnySchema, AnySchema> & { access: Access; justified?: boolean }, handle: RouteSpec['handle']): RouteSpec {
  const schemas: RouteSchemas = {};
  if (def.querystring) schemas.querystring = def.querystring;
  if (def.params) schemas.params = def.params;
  if (def.body) schemas.body = def.body;
  if (def.response) schemas.response = def.response;
  if (def.produces) schemas.produces = def.produces;
  if (def.upload) schemas.upload = def.upload;
  return {
    method: def.method, url: def.url, access: def.access, tag: def.tag, summary: def.summary, status: def.status,
    audit: def.audit, ...(def.rateLimited ? { rateLimited: true } : {}), ...(def.justified ? { justified: true } : {}), schemas, handle,
  };
}

/** The validator compiler has already parsed each part with its schema; this only names the types. */
function typed<Q, P, B>(raw: RawCall) {
  return { query: raw.query as Out<Q>, params: raw.params as Out<P>, body: raw.body as Out<B>, request: raw.request, reply: raw.reply };
}
