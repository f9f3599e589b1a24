// Exports (issue 13): requested with a justification, approved or refused by a second person, then
// downloaded once by the requester. Which kinds a role may handle is each kind's own action; the
// route only lets in the roles that may handle some kind of export.
import { z } from 'zod';
import { EXPORT_STATES } from '../../domain/export-request.ts';
import { DOCUMENT_FORMATS } from '../../reports/render.ts';
import { EXPORT_KIND_IDS } from '../../services/export-kinds.ts';
import { defineJustifiedRoute, defineRoute } from '../route-spec.ts';
import { themeId, uuid } from '../schemas.ts';

const exportRequest = z.object({
  id: z.string(), kind: z.string(), theme: z.string(),
  subject: z.string().nullable().describe('the ad or list exported; null for a WARC of a whole theme'),
  params: z.record(z.string(), z.unknown()), justification: z.string(), requestedBy: z.string(), requestedAt: z.string(),
  state: z.enum(EXPORT_STATES).describe('requested → approved or refused; approved → downloaded (once)'),
  decidedBy: z.string().nullable().describe('who approved or refused; the requester when the theme has four-eyes off'),
  decidedAt: z.string().nullable(), reason: z.string().nullable().describe('why it was refused'),
  downloadedAt: z.string().nullable(), sha256: z.string().nullable().describe('SHA-256 of the downloaded artefact, as the custody log records it'),
}).meta({ id: 'ExportRequest' });
const requestParams = z.strictObject({ id: uuid });

export const exportsRoutes = [
  defineJustifiedRoute({
    method: 'POST', url: '/api/exports', access: 'exports.use', tag: 'exports', status: 201, audit: 'exports.request',
    summary: 'Request an export (WARC or evidence bundle of an ad, WARC of a theme, CSV of a list); it waits for a second person\'s approval unless the theme has four-eyes off',
    body: z.strictObject({
      kind: z.enum(EXPORT_KIND_IDS),
      subject: z.string().min(1).max(100).nullable().describe('the ad id (warc, bundle) or list id (list-csv); null for a WARC of the whole theme'),
      theme: themeId.optional().describe('the theme of a WARC of a whole theme'),
      params: z.record(z.string(), z.unknown()).default({}),
    }),
    response: exportRequest,
    handle: async ({ body, who, justification }, s) => s.exports.request(who, { ...body, justification }),
  }),
  defineRoute({
    method: 'GET', url: '/api/exports', access: 'exports.use', tag: 'exports', status: 200, audit: 'exports.read',
    summary: 'Your export requests, and those of others in your themes that await your decision',
    response: z.object({ mine: z.array(exportRequest), awaiting: z.array(exportRequest) }),
    handle: async ({ who }, s) => s.exports.list(who),
  }),
  defineRoute({
    method: 'POST', url: '/api/exports/:id/approve', access: 'exports.use', tag: 'exports', status: 200, audit: 'exports.approve',
    summary: 'Approve an export request: a signed-in person other than its requester, holding its theme and a role that may do that export',
    params: requestParams,
    response: exportRequest,
    handle: async ({ params, who }, s) => s.exports.approve(who, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/exports/:id/refuse', access: 'exports.use', tag: 'exports', status: 200, audit: 'exports.refuse',
    summary: 'Refuse an export request, with the reason its requester will see',
    params: requestParams,
    body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
    response: exportRequest,
    handle: async ({ params, body, who }, s) => s.exports.refuse(who, params.id, body.reason),
  }),
  defineRoute({
    method: 'GET', url: '/api/exports/:id/download', access: 'exports.use', tag: 'exports', status: 200, audit: 'exports.download',
    summary: 'Download an approved export: its requester only, once; the artefact\'s SHA-256 is in the custody log and the x-baken-sha256 header',
    params: requestParams, produces: ['application/warc', 'application/x-tar', 'text/csv', ...Object.values(DOCUMENT_FORMATS).map((f) => f.contentType)],
    handle: async ({ params, who, reply }, s) => {
      const artefact = await s.exports.download(who, params.id);
      reply.header('content-type', artefact.contentType).header('content-disposition', `attachment; filename="${artefact.filename}"`)
        .header('x-baken-sha256', artefact.request.sha256);
      return artefact.bytes;
    },
  }),
];
