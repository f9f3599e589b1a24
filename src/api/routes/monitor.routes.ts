// The municipal monitor: figures per municipality, province and week for supervisors, and the council
// report of one municipality. Aggregates only, so no justification is asked; small counts are null.
import { z } from 'zod';
import { PROVINCES } from '../../municipal/places.ts';
import { INSPECTION_OUTCOMES } from '../../municipal/types.ts';
import { COUNCIL_LANGS } from '../../reports/council-report.ts';
import { DOCUMENT_FORMATS } from '../../reports/render.ts';
import { defineRoute } from '../route-spec.ts';
import { themeId } from '../schemas.ts';

const count = z.number().int().nullable().describe('null when suppressed (a small count, or one that would give a small count away)');
const week = z.string().regex(/^\d{4}-W\d{2}$/, 'expected an ISO week as YYYY-Www (e.g. 2026-W40)');
const period = {
  theme: themeId,
  from: week.optional().describe('first ISO week of the period (UTC), YYYY-Www; the current week when neither from nor to is given'),
  to: week.optional().describe('last ISO week of the period, included; from when only from is given'),
};
const counts = { active: count, new: count, gone: count, licensed: count, unlicensed: count, unknown: count };
const code = z.strictObject({ code: z.string().regex(/^\d{4}$/, 'expected a CBS municipality code of four digits (e.g. 0392)') });
const place = { code: z.string(), name: z.string(), province: z.string(), lat: z.number(), lng: z.number() };

export const monitorRoutes = [
  defineRoute({
    method: 'GET', url: '/api/monitor', access: 'monitor.read', tag: 'monitor', status: 200, audit: 'monitor.read',
    summary: 'Active, new, gone, licensed, unlicensed and unknown ads per municipality and province over whole ISO weeks',
    querystring: z.strictObject({ ...period, province: z.enum(PROVINCES).optional() }),
    response: z.object({
      theme: z.string(), from: z.string(), to: z.string(), suppressedBelow: z.number().int().nullable(),
      municipalities: z.array(z.object({
        ...place, ...counts,
        platforms: z.record(z.string(), count).describe('active ads per source'),
        inspections: z.record(z.string(), count).describe(`inspection outcomes recorded in the period: ${INSPECTION_OUTCOMES.join(', ')}`),
      })).describe('municipalities with active ads in the period'),
      provinces: z.array(z.object({ province: z.string(), ...counts })),
      unresolved: z.object({ ambiguous: count, unknown: count }).describe('active ads whose place names several municipalities, or none'),
      totals: z.object(counts).describe('the provinces added up; unresolved ads are not in them'),
    }),
    handle: async ({ query, who }, s) => s.monitor.figures(who, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/monitor/municipalities/:code', access: 'monitor.read', tag: 'monitor', status: 200, audit: 'monitor.read',
    summary: 'One municipality week by week, its platforms and how many of its ads each selection criterion picks',
    params: code, querystring: z.strictObject(period),
    response: z.object({
      municipality: z.object(place), theme: z.string(), from: z.string(), to: z.string(), suppressedBelow: z.number().int().nullable(),
      weeks: z.array(z.object({ week: z.string(), ...counts })),
      platforms: z.array(z.object({ source: z.string(), active: count })),
      criteria: z.array(z.object({ id: z.string(), label: z.string(), count })),
      period: z.object(counts).describe('the period\'s figures as GET /api/monitor shows them'),
      inspections: z.record(z.string(), count),
    }),
    handle: async ({ params, query, who }, s) => s.monitor.municipality(who, params.code, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/monitor/municipalities/:code/report', access: 'monitor.read', tag: 'monitor', status: 200, audit: 'reports.council',
    summary: 'The council report of one municipality (PDF/A or DOCX): figures and charts only, no personal data, small counts suppressed',
    params: code,
    querystring: z.strictObject({ ...period, format: z.enum(['pdf', 'docx']).default('pdf'), lang: z.enum(COUNCIL_LANGS).default('nl') }),
    produces: [DOCUMENT_FORMATS.pdf.contentType, DOCUMENT_FORMATS.docx.contentType],
    handle: async ({ params, query, who, reply }, s) => {
      const file = await s.monitor.councilReport(who, params.code, query);
      reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
      return file.bytes;
    },
  }),
];
