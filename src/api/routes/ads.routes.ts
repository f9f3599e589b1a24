// Searching and reading ads, their artefacts and their network.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { LINK_SIGNALS } from '../../domain/indicator-hit.ts';
import { NETWORK_REASONS } from '../../domain/network.ts';
import { defineJustifiedRoute, defineRoute } from '../route-spec.ts';
import { adId, adSummary, configId, decimal, facetCounts, fromDate, page, pageSize, phoneNumber, themeId, toDate, wholeNumber } from '../schemas.ts';
import type { ArtefactBytes } from '../../services/ads.service.ts';
import { SCORE_BANDS } from '../../store/search-facets.ts';
import { SEARCH_SORTS } from '../../store/store.ts';

const searchQuery = z.strictObject({
  q: z.string().max(200).optional().describe('words, all of which must occur (title, text, alias, city); no query syntax'),
  theme: themeId.optional(),
  source: configId.optional(),
  city: z.string().max(100).optional(),
  minScore: decimal.optional(),
  scoreBand: z.enum(SCORE_BANDS.map((b) => b.label)).optional().describe('only ads in this score band, as the scoreBand facet names it'),
  minIndicators: wholeNumber(0, 1000).optional().describe('at least this many indicators hit'),
  indicator: configId.optional().describe('an indicator id; experts only'),
  phone: phoneNumber.optional(),
  from: fromDate.optional().describe('seen in the period from (UTC date or time): last seen on or after it'),
  to: toDate.optional().describe('seen in the period up to (UTC date or time): first seen on or before it'),
  sort: z.enum(SEARCH_SORTS).default('score')
    .describe('score: highest score first; lastSeen: seen most recently first; newest: first seen most recently first; oldest: first seen longest ago first'),
  page,
  pageSize,
});

const legalHold = z.object({ adId, theme: z.string(), caseNumber: z.string(), by: z.string(), at: z.string() }).meta({ id: 'LegalHold' });
const adParams = z.strictObject({ id: adId });

const facets = z.object({
  city: facetCounts, source: facetCounts, indicatorCount: facetCounts, scoreBand: facetCounts, month: facetCounts,
});

// Mirrors the domain's Evidence union (src/domain/indicator-hit.ts): a kind missing here made the
// serializer refuse every ad with a cross-ad hit.
const evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('span'), field: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }),
  z.object({ kind: z.literal('field'), field: z.string(), value: z.union([z.string(), z.number(), z.null()]) }),
  z.object({ kind: z.literal('linked'), reason: z.enum(LINK_SIGNALS), value: z.string(), ads: z.array(adId) }),
]).meta({ id: 'Evidence' });

const hit = z.object({ id: z.string(), weight: z.number(), evidence: z.array(evidence) });

const adVersion = z.object({ captureId: z.string(), version: z.number().int(), capturedAt: z.string(), contentHash: z.string() });

const adView = z.object({
  id: adId, theme: z.string(), source: z.string(), url: z.string(), firstSeen: z.string(), lastSeen: z.string(),
  goneAt: z.string().nullable(), version: z.number().int(), captureId: z.string(),
  meta: z.looseObject({ requestedUrl: z.string(), finalUrl: z.string(), capturedAt: z.string(), status: z.number(), softwareVersion: z.string(), method: z.string() }),
  fields: z.looseObject({}).describe('the fields the theme stores (its allow-list)'),
  score: z.number(),
  indicatorCount: z.number().int(),
  hits: z.array(hit).optional().describe('experts only: which indicators hit, with their evidence'),
  hold: z.object({ caseNumber: z.string(), by: z.string(), at: z.string() }).nullable().optional()
    .describe('experts only: the case the ad is on legal hold for, or null'),
  artefacts: z.array(z.object({ kind: z.string(), mime: z.string(), bytes: z.number().int(), n: z.number().int(), sha256: z.string().describe('SHA-256 of the bytes, as stored and signed') })),
  versions: z.array(adVersion),
  sightings: z.array(z.object({ runId: z.string(), seenAt: z.string() })),
  pictures: z.array(z.string()).describe('the perceptual hashes of the latest capture\'s pictures, each the key of GET /api/entities/picture/{hash}; empty in a theme that keeps no pictures'),
}).meta({ id: 'Ad' });

const fieldDiff = z.object({
  field: z.string(),
  change: z.enum(['same', 'changed', 'added', 'removed']),
  parts: z.array(z.object({ op: z.enum(['keep', 'remove', 'add']), text: z.string() }))
    .describe('the field as text in runs: kept, only in the older version (remove), only in the newer (add)'),
});

const versionPair = z.strictObject({
  from: wholeNumber(1, 1_000_000).optional().describe('compare this version…'),
  to: wholeNumber(1, 1_000_000).optional().describe('…with this one (both or neither)'),
}).refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'expected both from and to, or neither', path: ['to'] });

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif']);

/** Captured bytes are hostile until proven otherwise: never rendered as a live page of this origin. */
function sendArtefact(reply: FastifyReply, id: string, artefact: ArtefactBytes): Buffer {
  const html = artefact.kind === 'html';
  // SVG and anything unknown could carry script; only plain raster images are shown inline.
  const type = html ? 'text/html; charset=utf-8' : IMAGE_TYPES.has(artefact.mime) ? artefact.mime : 'application/octet-stream';
  reply
    .header('content-type', type)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', html || type === 'application/octet-stream' ? `attachment; filename="${id}.${html ? 'html' : 'bin'}"` : 'inline');
  return artefact.bytes;
}

const IMAGE_MEDIA = [...IMAGE_TYPES, 'application/octet-stream'];

export const adsRoutes = [
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads', access: 'ads.search', tag: 'ads', status: 200, audit: 'ads.search',
    summary: 'Search the ads of your themes, with facets (city, source, indicator count, score band, month)',
    querystring: searchQuery,
    response: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), hits: z.array(adSummary), facets }),
    handle: async ({ query, who, justification }, s) => s.ads.search(who, { ...query, justification }),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id', access: 'ads.read', tag: 'ads', status: 200, audit: 'ads.read',
    summary: 'One ad: fields, versions, sightings, and indicator hits (experts) or their count (others)',
    params: adParams,
    response: adView,
    handle: async ({ params, who, justification }, s) => s.ads.get(who, params.id, justification),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/screenshot', access: 'ads.artefacts', tag: 'ads', status: 200, audit: 'ads.artefact',
    summary: 'The screenshot of the latest capture',
    params: adParams, produces: IMAGE_MEDIA,
    handle: async ({ params, who, reply, justification }, s) => sendArtefact(reply, params.id, await s.ads.artefact(who, params.id, { kind: 'screenshot' }, justification)),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/images/:n', access: 'ads.artefacts', tag: 'ads', status: 200, audit: 'ads.artefact',
    summary: 'Image n (from 0) of the latest capture',
    params: z.strictObject({ id: adId, n: wholeNumber(0, 999) }),
    produces: IMAGE_MEDIA,
    handle: async ({ params, who, reply, justification }, s) => sendArtefact(reply, params.id, await s.ads.artefact(who, params.id, { kind: 'image', n: params.n }, justification)),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/thumbnail', access: 'ads.artefacts', tag: 'ads', status: 200, audit: 'ads.artefact',
    summary: 'A small picture (WebP, 96 px wide) of the first image of the latest capture, or of its screenshot when it has no image; 404 when it has neither',
    params: adParams, produces: ['image/webp'],
    handle: async ({ params, who, reply, justification }, s) => sendArtefact(reply, params.id, {
      kind: 'image', mime: 'image/webp', bytes: await s.ads.thumbnail(who, params.id, justification),
    }),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/html', access: 'ads.artefacts', tag: 'ads', status: 200, audit: 'ads.artefact',
    summary: 'The rendered HTML of the latest capture, as a download in a sandbox (never live in this origin)',
    params: adParams, produces: ['text/html'],
    handle: async ({ params, who, reply, justification }, s) => sendArtefact(reply, params.id, await s.ads.artefact(who, params.id, { kind: 'html' }, justification)),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/versions', access: 'ads.read', tag: 'ads', status: 200, audit: 'ads.versions',
    summary: 'Every version of the ad with its fields as stored, oldest first; with from and to, what changed between those two, field by field and word by word',
    params: adParams,
    querystring: versionPair,
    response: z.object({
      ad: adId,
      versions: z.array(adVersion.extend({ fields: z.looseObject({}) })),
      diff: z.object({ from: z.number().int(), to: z.number().int(), fields: z.array(fieldDiff) }).optional(),
    }),
    handle: async ({ params, query, who, justification }, s) => s.ads.compareVersions(who, params.id, justification,
      query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : undefined),
  }),
  defineJustifiedRoute({
    method: 'POST', url: '/api/ads/:id/verify', access: 'ads.read', tag: 'ads', status: 200, audit: 'ads.verify',
    summary: 'Verify the ad\'s captures as `baken verify --ad` does: every artefact against its hash, the signed manifests, and the custody log with its chain and checkpoints; answers each thing checked and every failure',
    params: adParams,
    response: z.object({
      ad: adId, verified: z.boolean(), checked: z.number().int(), ok: z.number().int(),
      items: z.array(z.object({ what: z.string(), ok: z.boolean() })),
      failures: z.array(z.object({ what: z.string(), why: z.string() })),
    }).meta({ id: 'AdVerification' }),
    handle: async ({ params, who, justification }, s) => s.ads.verify(who, params.id, justification),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/ads/:id/network', access: 'ads.network', tag: 'ads', status: 200, audit: 'ads.network',
    summary: 'The network of the ad: the kept ads of its theme linked to it, directly or through others, by a shared phone number, photo or template text, with every link and its reason',
    params: adParams,
    response: z.object({
      ad: adId,
      ads: z.array(z.object({ id: adId, summary: adSummary.nullable() })),
      links: z.array(z.object({ a: adId, b: adId, reason: z.enum(NETWORK_REASONS), value: z.string() })),
      truncated: z.boolean(),
    }),
    handle: async ({ params, who, justification }, s) => s.ads.network(who, params.id, justification),
  }),
  defineRoute({
    method: 'PUT', url: '/api/ads/:id/hold', access: 'ads.hold', tag: 'ads', status: 200, audit: 'holds.change',
    summary: 'Put the ad on legal hold for a case: it is kept past its theme\'s retention until released',
    params: adParams,
    body: z.strictObject({ caseNumber: z.string().trim().min(1).max(100) }),
    response: legalHold,
    handle: async ({ params, body, who }, s) => s.ads.hold(who, params.id, body.caseNumber),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/ads/:id/hold', access: 'ads.hold', tag: 'ads', status: 204, audit: 'holds.change',
    summary: 'Release the ad\'s legal hold; it is purged once past retention',
    params: adParams,
    handle: async ({ params, who }, s) => s.ads.release(who, params.id),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/holds', access: 'ads.hold', tag: 'ads', status: 200, audit: 'holds.read',
    summary: 'The ads on legal hold in your themes, with their cases, oldest hold first',
    querystring: z.strictObject({ theme: themeId.optional() }),
    response: z.array(legalHold),
    handle: async ({ query, who, justification }, s) => s.ads.holds(who, justification, query.theme),
  }),
];
