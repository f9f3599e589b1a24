// Every error leaves the API as an RFC 9457 problem document (application/problem+json) with a
// stable code from the one error catalogue, and never with a stack trace.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BakenError, type ErrorCode, type RowError } from '../domain/errors.ts';
import type { Log } from '../log.ts';

export interface Problem { type: string; title: string; status: number; detail: string; code: string; errors?: { in: string; path: string; message: string }[];
  /** An imported file's bad rows (reference data), each with its row number and reason. */
  rows?: RowError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function problem(status: number, code: ErrorCode | 'INTERNAL', detail: string): Problem {
  return { type: `urn:baken:problem:${code.toLowerCase().replaceAll('_', '-')}`, title: TITLES[status] ?? 'Error', status, detail, code };
}

export function problemOf(err: unknown): Problem {
  if (err instanceof BakenError) {
    // Server-side failures keep their reason in the server log, not in the answer.
    if (err.httpStatus >= 500) return problem(err.httpStatus, err.code, 'the server could not complete the request');
    const p = problem(err.httpStatus, err.code, err.message);
    return err.rows ? { ...p, rows: [...err.rows] } : p;
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({
      in: err.validationContext ?? 'request',
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(whole)',
      message: v.message ?? 'invalid',
    }));
    return { ...problem(400, 'INPUT_INVALID', errors.map((e) => `${e.in} ${e.path}: ${e.message}`).join('; ')), errors };
  }
  const status = (err as FastifyError).statusCode;
  // Fastify's own refusals (bad JSON, wrong media type, body too large) are the caller's to fix.
  if (typeof status === 'number' && status >= 400 && status < 500) return problem(status, 'INPUT_INVALID', (err as Error).message);
  return problem(500, 'INTERNAL', 'the server could not complete the request');
}

export function installProblems(app: FastifyInstance, log: Log, beforeSend: (request: FastifyRequest, err: unknown) => Promise<void>): void {
  const logError = (request: FastifyRequest, err: unknown) => log('api.error', {
    route: request.routeOptions.url ?? null, method: request.method, error: (err as Error).name,
    code: (err as { code?: string }).code ?? null, message: (err as Error).message,
  });
  app.setErrorHandler(async (err, request, reply) => {
    let p = problemOf(err);
    if (p.status >= 500) logError(request, err);
    try {
      await beforeSend(request, err);
    } catch (auditErr) {
      // The refusal could not be recorded: answer as any failed audit write, and say nothing more.
      logError(request, auditErr);
      p = problem(500, 'INTERNAL', 'the server could not complete the request');
    }
    return reply.code(p.status).type('application/problem+json').send(p);
  });
  app.setNotFoundHandler(async (request, reply) => {
    reply.code(404).type('application/problem+json');
    return problem(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}
