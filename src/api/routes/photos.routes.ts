// Search by photo (issue 16): the picture arrives as the raw request body and stays in memory; the
// answer lists the kept ads with a picture near it, nearest first, each with its distance.
import { z } from 'zod';
import { MAX_INDEXED_DISTANCE } from '../../analyse/image-matches.ts';
import { PHOTO_LIMITS } from '../../services/photo-search.service.ts';
import { defineJustifiedRoute } from '../route-spec.ts';
import { adId, adSummary, themeId, wholeNumber } from '../schemas.ts';

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff', 'application/octet-stream'];

const photoMatch = z.object({
  id: adId, theme: z.string(), distance: z.number().int().describe('bits (of 64) between the two perceptual hashes'),
  image: z.number().int().nullable().describe('the matching picture as GET /api/ads/{id}/images/{n}; null when it is in an earlier version of the ad'),
  summary: adSummary.nullable(),
}).meta({ id: 'PhotoMatch' });

export const photosRoutes = [
  defineJustifiedRoute({
    method: 'POST', url: '/api/images/search', access: 'ads.search', tag: 'ads', status: 200, audit: 'ads.image-search',
    summary: 'Search the kept ads of your themes that store pictures for a picture (sent as the body): those with a picture within maxDistance bits of its perceptual hash, nearest first. The picture is never stored; the audit trail records its hash',
    querystring: z.strictObject({
      theme: themeId.optional(),
      maxDistance: wholeNumber(0, MAX_INDEXED_DISTANCE).optional().describe('at most photoSearch.maxDistance of api.yaml (its default when left out)'),
    }),
    upload: { types: PICTURE_TYPES, limit: PHOTO_LIMITS.bytes },
    response: z.object({
      hash: z.string().describe('the picture\'s perceptual hash (16 hex digits)'), maxDistance: z.number().int(), themes: z.array(z.string()),
      total: z.number().int(), truncated: z.boolean().describe(`true when more than ${PHOTO_LIMITS.hits} ads matched and only the nearest are listed`),
      hits: z.array(photoMatch),
    }),
    handle: async ({ query, request, who, justification }, s) => s.photos.search(who, {
      image: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), theme: query.theme, maxDistance: query.maxDistance, justification,
    }),
  }),
];
