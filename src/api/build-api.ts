// The REST API as a Fastify instance, not yet listening: `baken serve` listens, tests use inject().
// Every route comes from the route table and declares its access; one hook authenticates, checks
// CSRF and asks the policy before any handler runs, and the services check each resource's theme.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { z } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { decide } from '../accounts/policy.ts';
import { GRANTS, KIND_ONLY, needsTotp, ROLES } from '../accounts/roles.ts';
import { sameSecret } from '../accounts/secrets.ts';
import type { ApiSettings } from '../config/api-settings.ts';
import { BakenError } from '../domain/errors.ts';
import { silentLog, type Log } from '../log.ts';
import { SOFTWARE_VERSION } from '../version.ts';
import { AuditTrail } from '../services/audit-trail.ts';
import { installProblems, problem } from './problem.ts';
import type { Access, RouteSpec } from './route-spec.ts';
import { ROUTES } from './route-table.ts';
import { problem as problemSchema } from './schemas.ts';
import { installSecurityHeaders } from './security-headers.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Caller } from '../services/session.service.ts';
import { createServices, type Services } from '../services/services.ts';
import { tokenTooStrong } from '../services/tokens.service.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';
import { installDashboard } from './dashboard-files.ts';

declare module 'fastify' {
  interface FastifyRequest { caller: Caller | null }
  interface FastifyContextConfig { access?: Access }
}

/** The ports and settings the services need; the clock and the log default to the real ones. */
export interface ApiDeps extends Omit<ServiceContext, 'trail' | 'now'> {
  now?: () => Date;
  log?: Log;
  /** Serve the dashboard's build from this directory at `/`. */
  dashboard?: string;
  /** Serve HTTPS with this key and certificate (and send HSTS). */
  tls?: { key: Buffer; cert: Buffer };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const options = {
    logger: false, exposeHeadRoutes: false, bodyLimit: 1_048_576, trustProxy: deps.settings.trustProxy,
    // Malformed URLs and over-long path parameters are refused by the router itself; answer them as problems too.
    frameworkErrors: (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
      reply.code(400).type('application/problem+json').send(problem(400, 'INPUT_INVALID', err.message)),
  };
  // Fastify's types split on the https option; both servers answer the same routes.
  const app = (deps.tls ? Fastify({ ...options, https: deps.tls }) : Fastify(options)) as unknown as FastifyInstance;
  const log = deps.log ?? silentLog;
  const trail = new AuditTrail(deps.store);
  const services = createServices({ ...deps, trail, now: deps.now ?? (() => new Date()) });

  app.setValidatorCompiler(validatorCompiler);
  // Answers are checked against their schema in the handler, where a misfit can still fail the call.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('caller', null);
  installSecurityHeaders(app, { tls: Boolean(deps.tls) });
  installProblems(app, log, async (request, error) => {
    if (request.caller) {
      // The resource probed (an ad id, a list id) is what shows a pattern; the path names nothing else.
      const params = probed(request.params);
      await services.refusals.record({ actor: request.caller.actor, client: request.ip }, error, {
        resources: Object.values(params), query: { method: request.method, route: request.routeOptions.url ?? null, params },
      });
    }
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new BakenError('RATE_LIMITED', `too many sign-in attempts from this address; try again in ${context.after}`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baken API', version: SOFTWARE_VERSION.replace(/^baken\//, ''),
        description: 'Every call is checked against the caller\'s role and themes, and every call that reads or changes data is written to the hash-chained audit trail.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `from POST /api/session; state-changing calls also need the ${CSRF_HEADER} header` },
          token: { type: 'http', scheme: 'bearer', description: 'a service token from POST /api/admin/tokens' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onRoute', (route) => {
    // No route can skip authorisation: one without a declared access does not even register.
    if (route.config?.access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access`);
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    request.caller = await services.session.authenticate(credentialsOf(request));
    if (!request.caller) throw new BakenError('UNAUTHENTICATED', 'sign in first (POST /api/session) or send a service token');
    const { actor, session } = request.caller;
    // A token made before codes were required must not outlive the rule; refused here, after the
    // caller is known, so the attempt is audited.
    if (actor.kind === 'token' && needsTotp(actor.role, deps.settings.auth.requireTotp)) throw tokenTooStrong(actor.role);
    if (session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new BakenError('CSRF_REJECTED', `a state-changing call needs the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    if (access !== 'signed-in' && decide(actor, access, null) === 'forbidden') {
      throw new BakenError('FORBIDDEN', `the role ${actor.role} may not do ${access}`);
    }
  });

  // Uploaded files (reference data) arrive as they are; the route's own schema and service read them.
  const uploadTypes = [...new Set(ROUTES.flatMap((r) => r.schemas.upload?.types ?? []))];
  if (uploadTypes.length > 0) app.addContentTypeParser(uploadTypes, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  for (const spec of ROUTES) app.route(routeOptions(spec, services, deps.settings, trail));
  if (deps.dashboard !== undefined) installDashboard(app, deps.dashboard);
  return app;
}

function routeOptions(spec: RouteSpec, services: Services, settings: ApiSettings, trail: AuditTrail): RouteOptions {
  const { querystring, params, body, response, produces, upload } = spec.schemas;
  const success = response ?? (produces
    ? { description: 'the bytes', content: Object.fromEntries(produces.map((type) => [type, { schema: binary() }])) }
    : spec.status === 204 ? z.null().describe('no content') : undefined);
  if (!success) throw new Error(`route ${spec.method} ${spec.url} describes no response`);
  return {
    method: spec.method,
    url: spec.url,
    ...(upload ? { bodyLimit: upload.limit } : {}),
    config: {
      access: spec.access,
      ...(spec.rateLimited ? { rateLimit: { max: settings.auth.loginsPerMinute, timeWindow: 60_000 } } : {}),
    },
    schema: {
      summary: spec.summary,
      description: accessText(spec.access),
      tags: [spec.tag],
      ...(spec.access === 'public' ? {} : { security: [{ session: [] }, { token: [] }] }),
      ...(querystring ? { querystring } : {}),
      ...(params ? { params } : {}),
      ...(body ? { body } : {}),
      ...(upload ? { consumes: upload.types, body: uploaded(upload.limit) } : {}),
      response: {
        [spec.status]: success,
        '4XX': { description: 'a problem (RFC 9457): what was wrong and its stable code', content: { 'application/problem+json': { schema: problemSchema } } },
      },
    },
    handler: async (request, reply) => {
      const call = async () => {
        const answer = await spec.handle({ query: request.query, params: request.params, body: request.body, request, reply, caller: request.caller }, services);
        return response ? conforming(response, answer) : answer;
      };
      // A read is recorded once its answer is known good; a change is recorded before it is made,
      // so that no change can happen unrecorded, and followed by its failure if it failed.
      const result = await trail.settled(call, { ahead: !SAFE_METHODS.has(spec.method) });
      reply.code(spec.status);
      return spec.status === 204 ? reply.send() : result;
    },
  };
}

/** The answer as its schema describes it; one that does not fit is the server's fault, and fails
 *  the call before its audit events are written as a success. */
function conforming(schema: z.ZodType, answer: unknown): unknown {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`the answer does not match its response schema at ${where}`);
}

/** Who may call a route, for the OpenAPI description and docs/api.md. */
export function accessText(access: Access): string {
  if (access === 'public') return 'No sign-in needed.';
  if (access === 'signed-in') return 'Any signed-in user or service token.';
  const only = KIND_ONLY[access];
  if (only) return `Needs ${access}: ${[...only.roles].join(', ')}; only within the caller's ${only.kind} themes (anyone else is answered 404).`;
  return `Needs ${access}: ${ROLES.filter((r) => GRANTS[r].has(access)).join(', ')}; only within the caller's themes.`;
}

/** The route's path parameters as sent (a refused request may not have passed validation). */
function probed(params: unknown): Record<string, string> {
  if (typeof params !== 'object' || params === null) return {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}

function credentialsOf(request: FastifyRequest): { bearer: string | null; cookie: string | null } {
  const auth = request.headers.authorization;
  const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  return { bearer, cookie: request.cookies[SESSION_COOKIE] ?? null };
}

/** The raw body as the upload parser leaves it; described as binary in the OpenAPI document. */
function uploaded(limit: number) {
  return z.custom<Buffer>((v) => Buffer.isBuffer(v) && v.length > 0, 'expected the file as the request body')
    .meta({ type: 'string', format: 'binary', description: `the file, at most ${limit / 1024 / 1024} MB` });
}

function binary() {
  return z.string().meta({ format: 'binary' });
}
