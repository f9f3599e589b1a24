// Control lists ("controlelijsten"): named selections of ads, shared within a theme.
import { z } from 'zod';
import { defineJustifiedRoute, defineRoute } from '../route-spec.ts';
import { adId, adSummary, themeId, uuid } from '../schemas.ts';

const list = z.object({
  id: z.string(), theme: z.string(), name: z.string(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  size: z.number().int(),
}).meta({ id: 'List' });
const note = z.object({ text: z.string(), by: z.string(), at: z.string() }).meta({ id: 'ListNote' });
const listParams = z.strictObject({ id: uuid });
const entryParams = z.strictObject({ id: uuid, adId });

export const listsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/lists', access: 'lists.read', tag: 'lists', status: 200, audit: 'lists.read',
    summary: 'The lists of your themes',
    querystring: z.strictObject({ theme: themeId.optional() }),
    response: z.array(list),
    handle: async ({ query, who }, s) => s.lists.all(who, query.theme),
  }),
  defineRoute({
    method: 'POST', url: '/api/lists', access: 'lists.write', tag: 'lists', status: 201, audit: 'lists.create',
    summary: 'Create a list in one of your themes',
    body: z.strictObject({ theme: themeId, name: z.string().trim().min(1).max(200) }),
    response: list,
    handle: async ({ body, who }, s) => s.lists.create(who, body),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/lists/:id', access: 'lists.read', tag: 'lists', status: 200, audit: 'lists.read',
    summary: 'A list with its ads',
    params: listParams,
    response: list.extend({
      entries: z.array(z.object({
        adId, addedBy: z.string(), addedAt: z.string(), note: note.nullable().describe('the note on this ad, with who wrote it and when'), ad: adSummary.nullable(),
      })),
    }),
    handle: async ({ params, who, justification }, s) => s.lists.get(who, params.id, justification),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/lists/:id', access: 'lists.write', tag: 'lists', status: 204, audit: 'lists.delete',
    summary: 'Delete a list (the ads stay)',
    params: listParams,
    handle: async ({ params, who }, s) => s.lists.delete(who, params.id),
  }),
  defineRoute({
    method: 'PUT', url: '/api/lists/:id/ads/:adId', access: 'lists.write', tag: 'lists', status: 200, audit: 'lists.add',
    summary: 'Put an ad of the list\'s theme on the list',
    params: entryParams,
    response: z.object({ added: z.boolean().describe('false when it was already on the list') }),
    handle: async ({ params, who }, s) => s.lists.add(who, params.id, params.adId),
  }),
  defineRoute({
    method: 'PUT', url: '/api/lists/:id/ads/:adId/note', access: 'lists.write', tag: 'lists', status: 200, audit: 'lists.note',
    summary: 'Write the note on an ad of the list (an empty note clears it)',
    params: entryParams,
    body: z.strictObject({ note: z.string().max(2000) }),
    response: z.object({ note: note.nullable() }),
    handle: async ({ params, body, who }, s) => s.lists.note(who, params.id, params.adId, body.note),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/lists/:id/ads/:adId', access: 'lists.write', tag: 'lists', status: 204, audit: 'lists.remove',
    summary: 'Take an ad off the list',
    params: entryParams,
    handle: async ({ params, who }, s) => s.lists.remove(who, params.id, params.adId),
  }),
];
