// Security headers on every answer. The API answers JSON, so its policy forbids everything; a route
// that serves something else (the docs page, captured artefacts) sets its own, stricter-fitting CSP.
import type { FastifyInstance } from 'fastify';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function installSecurityHeaders(app: FastifyInstance, opts: { tls: boolean }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    // Police data must not linger in browser or proxy caches; only the dashboard's own files say otherwise.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Only over TLS: a browser ignores HSTS on plain HTTP, and a wrong one can lock a host out.
    if (opts.tls) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
