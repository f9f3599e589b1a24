// The OpenAPI document and a plain docs page generated from it (no script, so the page keeps a strict CSP).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { definePublicRoute } from '../route-spec.ts';

export const docsRoutes = [
  definePublicRoute({
    method: 'GET', url: '/api/openapi.json', tag: 'docs', status: 200, audit: null,
    summary: 'This API described as OpenAPI 3.1',
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
    handle: async ({ request }) => (request.server as FastifyInstance).swagger(),
  }),
  definePublicRoute({
    method: 'GET', url: '/api/docs', tag: 'docs', status: 200, audit: null,
    summary: 'A readable page of every route, from the OpenAPI document',
    produces: ['text/html'],
    handle: async ({ request, reply }) => {
      reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      return docsPage((request.server as FastifyInstance).swagger() as unknown as OpenApiDocument);
    },
  }),
];

interface Operation { summary?: string; tags?: string[]; security?: unknown[]; description?: string }
interface OpenApiDocument { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>> }

export function docsPage(doc: OpenApiDocument): string {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) =>
    `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td><td>${escape(op.description ?? '')}</td></tr>`));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)} ${escape(doc.info.version)}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:2rem;max-width:80rem}td{padding:.3rem .6rem;vertical-align:top;border-bottom:1px solid #ddd}</style>
</head><body><h1>${escape(doc.info.title)} ${escape(doc.info.version)}</h1>
<p>${escape(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>
<table><thead><tr><th>method</th><th>path</th><th>what</th><th>who</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
