// POST /api/session signs in (a cookie, and a CSRF token in the body); DELETE signs out.
import { z } from 'zod';
import { definePublicRoute, defineRoute } from '../route-spec.ts';
import { justification, role } from '../schemas.ts';
import { SESSION_COOKIE } from '../session-cookie.ts';

const sessionView = z.object({
  user: z.object({ id: z.string(), name: z.string(), role, themes: z.array(z.string()) }),
  csrfToken: z.string().nullable().describe('send back in x-csrf-token on POST, PUT, PATCH and DELETE'),
  expiresAt: z.string().nullable().describe('when the session ends at the latest (it ends sooner when idle)'),
  justification: z.string().nullable().describe('why this session reads ad content, recorded with every read that gives none itself; null until set'),
}).meta({ id: 'Session' });

export const sessionRoutes = [
  definePublicRoute({
    method: 'POST', url: '/api/session', tag: 'session', status: 201, audit: 'session.login', rateLimited: true,
    summary: 'Sign in with name, password and, where enrolled, a one-time code; sets the session cookie',
    body: z.strictObject({
      name: z.string().min(1).max(100),
      password: z.string().min(1).max(1024),
      totp: z.string().max(10).optional().describe('6-digit code from the authenticator app'),
    }),
    response: sessionView,
    handle: async ({ body, client, reply }, s) => {
      const { secret, view, maxAgeSeconds } = await s.session.login(client, body);
      reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: maxAgeSeconds });
      return view;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/session', access: 'signed-in', tag: 'session', status: 200, audit: null,
    summary: 'Who is signed in, with the CSRF token of the session',
    response: sessionView,
    handle: async ({ caller }, s) => s.session.view(caller.actor, caller.session),
  }),
  defineRoute({
    method: 'PUT', url: '/api/session/justification', access: 'signed-in', tag: 'session', status: 200, audit: 'session.justify',
    summary: 'Say why this session reads ad content (a case number or "signal research"); recorded with every later read that gives no justification of its own',
    body: z.strictObject({ justification }),
    response: sessionView,
    handle: async ({ body, who, caller }, s) => s.session.justify(who, caller.session, body.justification),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/session', access: 'signed-in', tag: 'session', status: 204, audit: 'session.logout',
    summary: 'Sign out: ends the session and clears the cookie',
    handle: async ({ who, caller, reply }, s) => {
      await s.session.logout(who, caller.session);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
    },
  }),
];
