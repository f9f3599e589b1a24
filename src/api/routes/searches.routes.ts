// Standing searches (issue 16): a search an expert or analyst leaves standing over the ads new in
// each crawl run; its hits wait in that person's inbox.
import { z } from 'zod';
import { SCORE_BANDS } from '../../store/search-facets.ts';
import { defineJustifiedRoute, defineRoute } from '../route-spec.ts';
import { adId, adSummary, configId, phoneNumber, themeId, uuid } from '../schemas.ts';

const query = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('words, all of which must occur (title, text, alias, city)'),
  source: configId.optional(),
  city: z.string().trim().min(1).max(100).optional(),
  minScore: z.number().min(0).max(1_000_000).optional(),
  scoreBand: z.enum(SCORE_BANDS.map((b) => b.label)).optional(),
  minIndicators: z.number().int().min(0).max(1000).optional(),
  indicator: configId.optional().describe('an indicator id; experts only'),
  phone: phoneNumber.optional(),
}).describe('the filters of GET /api/ads, without period, order or page: each run\'s new ads are the period').meta({ id: 'StandingQuery' });

const standingSearch = z.object({
  id: z.string(), theme: z.string(), name: z.string(), query, justification: z.string(), createdAt: z.string(),
  expiresAt: z.string().describe('it matches no run closed after this, unless renewed'), expired: z.boolean(),
  hits: z.number().int(), unseen: z.number().int().describe('hits not yet read'),
}).meta({ id: 'StandingSearch' });

const searchParams = z.strictObject({ id: uuid });

export const searchesRoutes = [
  defineRoute({
    method: 'GET', url: '/api/searches', access: 'searches.standing', tag: 'searches', status: 200, audit: 'searches.read',
    summary: 'Your standing searches, and how many of their hits you have not read (the dashboard\'s badge)',
    response: z.object({ searches: z.array(standingSearch), unseen: z.number().int() }),
    handle: async ({ who }, s) => s.standing.inbox(who),
  }),
  defineJustifiedRoute({
    method: 'POST', url: '/api/searches', access: 'searches.standing', tag: 'searches', status: 201, audit: 'searches.save',
    summary: 'Leave a search standing in one of your themes: from the next crawl run on, the run\'s new ads that match are your hits; it expires unless renewed (standingSearches.expiryDays in api.yaml)',
    body: z.strictObject({ theme: themeId, name: z.string().trim().min(1).max(200), query }),
    response: standingSearch,
    handle: async ({ body, who, justification }, s) => s.standing.save(who, { ...body, justification }),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/searches/:id/hits', access: 'searches.standing', tag: 'searches', status: 200, audit: 'searches.read',
    summary: 'The hits of one of your standing searches with their ads, newest first; reading them marks them read',
    params: searchParams,
    response: z.object({
      search: standingSearch,
      hits: z.array(z.object({ adId, runId: z.string(), foundAt: z.string(), seenAt: z.string().nullable(), summary: adSummary.nullable() })),
    }),
    handle: async ({ params, who, justification }, s) => s.standing.hits(who, params.id, justification),
  }),
  defineRoute({
    method: 'POST', url: '/api/searches/:id/renewal', access: 'searches.standing', tag: 'searches', status: 200, audit: 'searches.renew',
    summary: 'Let one of your standing searches stand for another expiry period from now',
    params: searchParams,
    response: standingSearch,
    handle: async ({ params, who }, s) => s.standing.renew(who, params.id),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/searches/:id', access: 'searches.standing', tag: 'searches', status: 204, audit: 'searches.delete',
    summary: 'Delete one of your standing searches with its hits (the ads stay)',
    params: searchParams,
    handle: async ({ params, who }, s) => s.standing.delete(who, params.id),
  }),
];
