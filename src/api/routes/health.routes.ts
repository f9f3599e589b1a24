// Health and metrics: liveness for load balancers (no sign-in, no data), Prometheus metrics for the
// operator's scraper (its own bearer secret, see MetricsService), and per-source health for admins.
import { z } from 'zod';
import { definePublicRoute, defineRoute } from '../route-spec.ts';
import { themeId } from '../schemas.ts';
import { METRICS_CONTENT_TYPE } from '../../services/metrics.service.ts';

const share = z.number().min(0).max(1);

const sourceAlert = z.object({
  theme: z.string(), source: z.string(), runId: z.string(), kind: z.enum(['yield-drop']),
  yield: share.describe('share of the run\'s ad pages on which the extractor found every core field (title, text)'),
  baseline: share.nullable().describe('the source\'s usual yield (median of its recent runs); null on its first run'),
  floor: share.describe('the extractor\'s minYield, or 0.5'), raisedAt: z.string(),
}).meta({ id: 'SourceAlert' });

const sourceHealth = z.object({
  theme: z.string(), source: z.string(), name: z.string(),
  lastRun: z.string().nullable().describe('when the newest run that crawled the source started'),
  lastSuccess: z.string().nullable().describe('when the newest finished run that captured any of its ad pages finished'),
  runs: z.number().int().describe('finished runs the counts below are taken over (at most 10)'),
  captured: z.number().int(), failed: z.number().int(),
  abandoned: z.number().int().describe('of those runs, how many were given up because their owner was gone (a killed crawl, a job whose workers all died); their counts are what was known then'),
  failureRate: share.nullable().describe('failed / (captured + failed); null when nothing was tried'),
  yield: share.nullable().describe('share of complete ad pages in the newest run that captured any'),
  usualYield: share.nullable().describe('median yield of the runs before it'),
  alert: sourceAlert.nullable().describe('the yield alert of that newest run, if it raised one'),
}).meta({ id: 'SourceHealth' });

export const healthRoutes = [
  definePublicRoute({
    method: 'GET', url: '/api/health', tag: 'health', status: 200, audit: null,
    summary: 'Liveness and readiness: this process answers and reaches its store; 503 (STORE_UNAVAILABLE) when the store does not answer. No counts, no themes',
    response: z.object({ status: z.enum(['ok']), version: z.string(), store: z.enum(['ok']) }),
    handle: async (_call, s) => s.health.liveness(),
  }),
  definePublicRoute({
    method: 'GET', url: '/api/metrics', tag: 'health', status: 200, audit: null,
    summary: 'Prometheus metrics (counts only): pages captured, failures by cause, gate decisions, staging, purges, queue depth and lease age, '
      + 'extractor yield and yield alerts per source. Needs "Authorization: Bearer <BAKEN_METRICS_TOKEN>", no session; not audited per scrape',
    produces: [METRICS_CONTENT_TYPE],
    handle: async ({ request, reply }, s) => {
      const auth = request.headers.authorization;
      const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
      const text = await s.metrics.scrape(bearer);
      reply.type(METRICS_CONTENT_TYPE);
      return text;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/source-health', access: 'health.read', tag: 'admin', status: 200, audit: 'health.read',
    summary: 'Per source of your themes: last success, failure rate over its last runs, extractor yield and the yield alert of its newest run',
    querystring: z.strictObject({ theme: themeId.optional() }),
    response: z.array(sourceHealth),
    handle: async ({ query, who }, s) => s.health.sources(who, query),
  }),
];
