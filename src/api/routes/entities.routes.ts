// Entity pages (issue 16): a phone number, a picture or a template text, and every kept ad of one
// theme that carries it.
import { z } from 'zod';
import { NETWORK_REASONS } from '../../domain/network.ts';
import type { EntityKind } from '../../analyse/entities.ts';
import { defineJustifiedRoute } from '../route-spec.ts';
import { adId, adSummary, phoneNumber, pictureHash, themeId } from '../schemas.ts';

const named = z.object({ value: z.string(), ads: z.number().int(), firstSeen: z.string(), lastSeen: z.string() });

const entity = z.object({
  kind: z.enum(['phone', 'picture', 'template']),
  value: z.string(),
  theme: z.string(),
  ads: z.array(z.object({
    id: adId, summary: adSummary.nullable(),
    versions: z.array(z.object({ version: z.number().int(), capturedAt: z.string() })),
  })).describe('every kept ad of the theme that carries it, first seen first, with its versions'),
  aliases: z.array(named).describe('the names the ads went under (where the theme keeps them), most ads first'),
  cities: z.array(named).describe('the cities the ads were placed in, most ads first'),
  movement: z.array(z.object({ city: z.string(), at: z.string(), adId })).describe('the cities in the order the versions were captured, each when the city changed'),
  networks: z.array(z.object({ ad: adId, size: z.number().int(), reasons: z.array(z.enum(NETWORK_REASONS)) })).optional()
    .describe('roles that see networks only: the networks the ads belong to, each named by its first ad, largest first'),
  truncated: z.boolean().describe('true when more than 200 ads carry it; the first 200 are shown'),
}).meta({ id: 'Entity' });

const inTheme = z.strictObject({ theme: themeId.describe('the theme whose ads to show (entity pages never cross themes)') });

function entityRoute(kind: EntityKind, key: string, value: z.ZodString, summary: string) {
  return defineJustifiedRoute({
    method: 'GET', url: `/api/entities/${kind}/:${key}`, access: 'ads.entities', tag: 'entities', status: 200, audit: 'entities.read', summary,
    params: z.strictObject({ [key]: value }), querystring: inTheme, response: entity,
    handle: async ({ params, query, who, justification }, s) => s.entities.get(who, kind, (params as Record<string, string>)[key]!, query.theme, justification),
  });
}

export const entitiesRoutes = [
  entityRoute('phone', 'value', phoneNumber,
    'The page of a phone number: every kept ad of the theme that shows it (in its phones or its words), its timeline, aliases, cities, movement and networks'),
  entityRoute('picture', 'hash', pictureHash,
    'The page of a picture: every kept ad of the theme with a picture of exactly this perceptual hash; 404 in a theme that keeps no pictures'),
  entityRoute('template', 'id', adId,
    'The page of the template text of an ad: the ads of the theme whose text is the same template, linked to it by template-text links; 404 in a theme that keeps no ad text'),
];
