// Administration: sources, profiles and schedules (validated YAML in the configuration directory),
// users and service tokens. Every read and change is audited.
import { z } from 'zod';
import { profileSchema, scheduleSchema, sourceSchema } from '../../config/schema.ts';
import { defineRoute, type RouteSpec } from '../route-spec.ts';
import { configId, password, role, themeId, userView, uuid, wholeNumber } from '../schemas.ts';
import { SINGULAR, type ConfigKind } from '../../services/config.service.ts';
import { NAME_SUFFIX_LENGTH } from '../../services/users.service.ts';

const CONFIG_SCHEMAS = { sources: sourceSchema, profiles: profileSchema, schedules: scheduleSchema } as const;

/** The themes a user or token is given: at least one, and (checked by the service) only the admin's own. */
const grantedThemes = z.array(themeId).min(1).max(50);

const tokenView = z.object({
  id: z.string(), name: z.string(), role, themes: z.array(z.string()), createdBy: z.string(), createdAt: z.string(),
  expiresAt: z.string().nullable(), revokedAt: z.string().nullable(),
  approvedBy: z.string().nullable().describe('null while a token that reads ad content waits for a second admin; it authenticates only once approved'),
  approvedAt: z.string().nullable(),
}).meta({ id: 'Token' });

const jobView = z.object({
  id: z.string(), kind: z.enum(['crawl', 'purge']), theme: z.string(), source: z.string().nullable(),
  schedule: z.string().describe('the schedule\'s id, or retention:<theme> for the daily purge'), slot: z.string().describe('the scheduled time this job is for'),
  state: z.enum(['queued', 'running', 'done', 'failed']), attempts: z.number().int(), queuedAt: z.string(),
  notBefore: z.string().describe('a queued job does not start before this time (a retry waits)'), worker: z.string().nullable(),
  startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
  result: z.record(z.string(), z.union([z.string(), z.number()])).nullable().describe('counts only: a crawl\'s summary, a purge\'s totals'),
  error: z.string().nullable().describe('the last failure\'s reason'),
}).meta({ id: 'Job' });

function configRoutes(kind: ConfigKind): RouteSpec[] {
  const schema = CONFIG_SCHEMAS[kind];
  const params = z.strictObject({ id: configId });
  return [
    defineRoute({
      method: 'GET', url: `/api/admin/${kind}`, access: 'config.read', tag: 'admin', status: 200, audit: 'config.read',
      summary: `The ${kind} of your themes`,
      querystring: z.strictObject({ theme: themeId.optional() }),
      response: z.array(schema),
      handle: async ({ query, who }, s) => s.config.all(who, kind, query.theme),
    }),
    defineRoute({
      method: 'GET', url: `/api/admin/${kind}/:id`, access: 'config.read', tag: 'admin', status: 200, audit: 'config.read',
      summary: `One ${SINGULAR[kind]}`,
      params, response: schema,
      handle: async ({ params, who }, s) => s.config.get(who, kind, params.id),
    }),
    defineRoute({
      method: 'PUT', url: `/api/admin/${kind}/:id`, access: 'config.write', tag: 'admin', status: 200, audit: 'config.change',
      summary: `Add or replace a ${SINGULAR[kind]}; refused with the loader's message if the configuration would not load`,
      params, body: schema, response: schema,
      handle: async ({ params, body, who }, s) => (await s.config.put(who, kind, params.id, body)).item,
    }),
  ];
}

export const adminRoutes: RouteSpec[] = [
  ...configRoutes('sources'),
  ...configRoutes('profiles'),
  ...configRoutes('schedules'),
  defineRoute({
    method: 'GET', url: '/api/admin/users', access: 'users.read', tag: 'admin', status: 200, audit: 'users.read',
    summary: 'The users whose themes all lie within yours',
    response: z.array(userView),
    handle: async ({ who }, s) => s.users.all(who),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/users', access: 'users.write', tag: 'admin', status: 201, audit: 'users.change',
    summary: 'Add a user with a role and themes you hold; enrols a one-time code when asked or when the role needs one, whose secret only the operator shows the user (baken user totp). A user of a role that reads ad content (expert, analyst, supervisor) waits for a second admin\'s approval',
    body: z.strictObject({
      // The server adds "." and a suffix (users.service.ts), and a login name is at most 100 characters.
      name: z.string().trim().min(1).max(99 - NAME_SUFFIX_LENGTH).regex(/^[\p{L}\p{N}._@-]+$/u, 'expected a login name (letters, digits, . _ @ -)')
        .describe('the start of the login name; the server adds a dot and a random suffix, see the answer\'s name'),
      role, themes: grantedThemes, password,
      totp: z.boolean().optional().describe('enrol a one-time code; always done for experts and admins while auth.requireTotp is on'),
    }),
    response: userView,
    handle: async ({ body, who }, s) => (await s.users.add(who, body)).user,
  }),
  defineRoute({
    method: 'PATCH', url: '/api/admin/users/:id', access: 'users.write', tag: 'admin', status: 200, audit: 'users.change',
    summary: 'Change role, themes, password or disable; ends the user\'s sessions; enrols a one-time code when the new role needs one. A new content-reading role, an added theme or a new password of a user who reads ad content makes the user wait for a second admin\'s approval',
    params: z.strictObject({ id: uuid }),
    body: z.strictObject({ role: role.optional(), themes: grantedThemes.optional(), disabled: z.boolean().optional(), password: password.optional() }),
    response: userView,
    handle: async ({ params, body, who }, s) => (await s.users.change(who, params.id, body)).user,
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/users/:id/approve', access: 'users.write', tag: 'admin', status: 200, audit: 'users.change',
    summary: 'Approve a user waiting for a second admin: only a signed-in admin other than the one who made the change, holding all the user\'s themes',
    params: z.strictObject({ id: uuid }),
    response: userView,
    handle: async ({ params, who }, s) => s.users.approve(who, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/tokens', access: 'tokens.read', tag: 'admin', status: 200, audit: 'tokens.read',
    summary: 'Service tokens of your themes',
    response: z.array(tokenView),
    handle: async ({ who }, s) => s.tokens.all(who),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/tokens', access: 'tokens.write', tag: 'admin', status: 201, audit: 'tokens.change',
    summary: 'Create a service token for a role and themes; the secret is shown only in this response. A token of a role that reads ad content (expert, analyst, supervisor) waits for a second admin\'s approval',
    body: z.strictObject({
      name: z.string().trim().min(1).max(100), role, themes: grantedThemes,
      expiresAt: z.iso.datetime({ error: 'expected an ISO 8601 UTC time' }).optional(),
    }),
    response: z.object({ token: tokenView, secret: z.string().describe('send as "Authorization: Bearer <secret>"') }),
    handle: async ({ body, who }, s) => s.tokens.create(who, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/tokens/:id/approve', access: 'tokens.write', tag: 'admin', status: 200, audit: 'tokens.change',
    summary: 'Approve a pending token: only a signed-in admin other than the one who asked for it, holding all its themes',
    params: z.strictObject({ id: uuid }),
    response: tokenView,
    handle: async ({ params, who }, s) => s.tokens.approve(who, params.id),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/admin/tokens/:id', access: 'tokens.write', tag: 'admin', status: 204, audit: 'tokens.change',
    summary: 'Revoke a service token',
    params: z.strictObject({ id: uuid }),
    handle: async ({ params, who }, s) => s.tokens.revoke(who, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/jobs', access: 'jobs.read', tag: 'admin', status: 200, audit: 'jobs.read',
    summary: 'The newest scheduled jobs of your themes (crawls and retention purges): what ran, what waits, what failed and why',
    querystring: z.strictObject({ theme: themeId.optional(), limit: wholeNumber(1, 500).default(50) }),
    response: z.array(jobView),
    handle: async ({ query, who }, s) => s.jobs.recent(who, query),
  }),
];
