// Inspection lists (issue 14): per municipality, the ads the selection criteria chose, with the
// visits planned and what was found; and, for a police theme, how many ads were referred to it.
import { z } from 'zod';
import { INSPECTION_OUTCOMES } from '../../municipal/types.ts';
import { defineJustifiedRoute, defineRoute } from '../route-spec.ts';
import { adId, adSummary, themeId } from '../schemas.ts';

const municipality = z.string().regex(/^\d{4}$/, 'expected a CBS municipality code (four digits, e.g. 0392)');
const week = z.string().regex(/^\d{4}-W\d{2}$/, 'expected an ISO week as YYYY-Www (e.g. 2026-W05)');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const criterion = z.object({ id: z.string(), label: z.string(), reason: z.string() });
const entry = z.object({
  theme: z.string(), municipality, adId, addedAt: z.string(), criteria: z.array(criterion),
  selected: z.boolean().describe('false once the ad no longer meets the criteria; kept for its plan or outcome'),
  plannedFor: day.nullable(), outcome: z.enum(INSPECTION_OUTCOMES).nullable(), outcomeAt: z.string().nullable(), outcomeBy: z.string().nullable(),
  note: z.string().nullable(), state: z.enum(['open', 'planned', 'done']), ad: adSummary.nullable(),
}).meta({ id: 'InspectionEntry' });
const themeQuery = z.strictObject({ theme: themeId });
const listParams = z.strictObject({ municipality });
const entryParams = z.strictObject({ municipality, adId });

export const inspectionsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/inspections', access: 'inspections.read', tag: 'inspections', status: 200, audit: 'inspections.read',
    summary: 'Per municipality, how many entries of the inspection lists are open, planned and done (figures, no ads)',
    querystring: themeQuery,
    response: z.array(z.object({
      municipality, open: z.number().int(), planned: z.number().int(), done: z.number().int(),
      unselected: z.number().int().describe('entries kept for their plan or outcome whose ad no longer meets the criteria'),
    })),
    handle: async ({ query, who }, s) => s.inspections.lists(who, query.theme),
  }),
  defineJustifiedRoute({
    method: 'GET', url: '/api/inspections/:municipality', access: 'inspections.read', tag: 'inspections', status: 200, audit: 'inspections.read',
    summary: 'The inspection list of one municipality, each ad with the reasons it was selected',
    params: listParams, querystring: themeQuery,
    response: z.object({
      municipality: z.object({ code: municipality, name: z.string().nullable().describe('null for a code the bundled CBS list does not know') }),
      entries: z.array(entry),
    }),
    handle: async ({ params, query, who, justification }, s) => s.inspections.list(who, query.theme, params.municipality, justification),
  }),
  defineRoute({
    method: 'PUT', url: '/api/inspections/:municipality/:adId/plan', access: 'inspections.write', tag: 'inspections', status: 200, audit: 'inspections.plan',
    summary: 'Plan a visit for an ad on the list (null takes the plan back)',
    params: entryParams, querystring: themeQuery,
    body: z.strictObject({ plannedFor: day.nullable() }),
    response: entry,
    handle: async ({ params, query, body, who }, s) => s.inspections.plan(who, query.theme, params.municipality, params.adId, body.plannedFor),
  }),
  defineRoute({
    method: 'PUT', url: '/api/inspections/:municipality/:adId/outcome', access: 'inspections.write', tag: 'inspections', status: 200, audit: 'inspections.outcome',
    summary: 'Record what was found for an ad on the list; referred-to-police reaches the police theme as a count only',
    params: entryParams, querystring: themeQuery,
    body: z.strictObject({ outcome: z.enum(INSPECTION_OUTCOMES), note: z.string().max(2000).optional() }),
    response: entry,
    handle: async ({ params, query, body, who }, s) => s.inspections.record(who, query.theme, params.municipality, params.adId, body.outcome, body.note),
  }),
  defineRoute({
    method: 'GET', url: '/api/referrals', access: 'referrals.read', tag: 'inspections', status: 200, audit: 'inspections.referrals',
    summary: 'For a police theme: how many ads municipal supervisors referred to it, per ISO week and municipality (counts only)',
    querystring: z.strictObject({ theme: themeId, from: week, to: week }),
    response: z.object({
      theme: z.string(), from: week, to: week,
      weeks: z.array(z.object({ week, municipality, count: z.number().int() })),
    }),
    handle: async ({ query, who }, s) => s.inspections.referrals(who, query.theme, query),
  }),
];
