// Figures and the audit trail: what supervisors, admins and the oversight committee look at.
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../domain/audit-event.ts';
import { FIGURES } from '../../reports/transparency-figures.ts';
import { PERIOD_RULE as REPORT_PERIOD_RULE } from '../../reports/transparency-period.ts';
import { defineRoute } from '../route-spec.ts';
import { fromDate, page, themeId, toDate, wholeNumber } from '../schemas.ts';

const count = z.number().int().nullable().describe('null when suppressed (a small count, or one that would give a small count away; municipal mode)');
const PERIOD_RULE = 'figures come per calendar month only: month=YYYY-MM (periods that overlap could be subtracted to reveal a suppressed count)';
const month = z.string({ error: (issue) => (issue.input === undefined ? `month is required; ${PERIOD_RULE}` : undefined) }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `expected a calendar month as YYYY-MM; ${PERIOD_RULE}`)
  .describe('the calendar month (UTC), YYYY-MM; runs count in the month they finished');
/** from/to (the old day ranges) are refused with the reason, not just as unknown keys. */
function periodError(issue: { code?: string; keys?: string[] }): string | undefined {
  return issue.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys?.join(', ')}; ${PERIOD_RULE}` : undefined;
}
const counts = { captured: count, kept: count, deleted: count, failed: count };
const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, `expected a calendar month as YYYY-MM; ${REPORT_PERIOD_RULE}`);
const figures = z.object(Object.fromEntries(FIGURES.map((f) => [f, z.number().int().nullable()])))
  .describe('null when suppressed: below the threshold, or giving a suppressed count away; a period total is null when any of its months is');

export const oversightRoutes = [
  defineRoute({
    method: 'GET', url: '/api/stats', access: 'stats.read', tag: 'oversight', status: 200, audit: 'stats.read',
    summary: 'Ads captured, kept and deleted per theme and source in one calendar month',
    querystring: z.strictObject({ theme: themeId.optional(), month }, { error: periodError }),
    response: z.object({
      month: z.string(),
      rows: z.array(z.object({ theme: z.string(), source: z.string().nullable(), runs: z.number().int(), ...counts })),
      totals: z.array(z.object({ theme: z.string(), ...counts })),
      suppressedBelow: z.number().int().nullable(),
    }),
    handle: async ({ query, who }, s) => s.stats.stats(who, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/transparency', access: 'audit.read', tag: 'oversight', status: 200, audit: 'transparency.read',
    summary: 'The transparency report for the oversight committee: figures per theme and ended calendar month, small counts suppressed',
    querystring: z.strictObject({
      from: reportMonth.describe('first month of the period (UTC), YYYY-MM'),
      to: reportMonth.describe('last month of the period (UTC), YYYY-MM; it must have ended'),
      theme: themeId.optional(),
    }),
    response: z.object({
      from: z.string(), to: z.string(), months: z.array(z.string()), suppressedBelow: z.number().int(),
      themes: z.array(z.object({ theme: z.string(), months: z.array(z.object({ month: z.string(), figures })), period: figures })),
      auditChain: z.object({ checked: z.number().int(), ok: z.boolean(), breaks: z.number().int(), checkpointProblems: z.number().int() }),
      generatedAt: z.string(),
    }),
    handle: async ({ query, who }, s) => s.transparency.report(who, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/audit', access: 'audit.read', tag: 'oversight', status: 200, audit: 'audit.read',
    summary: 'The audit trail of your themes, filtered',
    querystring: z.strictObject({
      user: z.string().max(100).optional(),
      action: z.enum(AUDIT_ACTIONS).optional(),
      outcome: z.string().max(100).optional().describe('the event\'s outcome as recorded: ok, or a refusal\'s, failed call\'s or failed sign-in\'s code (FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL, wrong-password, awaiting-approval, …)'),
      theme: themeId.optional(),
      from: fromDate.optional(),
      to: toDate.optional(),
      order: z.enum(['asc', 'desc']).default('asc').describe('asc: oldest first; desc: newest first (page 1 holds the newest events)'),
      page,
      pageSize: wholeNumber(1, 500).default(100),
    }),
    response: z.object({
      total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
      entries: z.array(z.object({
        seq: z.number().int(), at: z.string(), prevHash: z.string(), hash: z.string(), body: z.looseObject({ action: z.string() }),
      })),
    }),
    handle: async ({ query, who }, s) => s.audit.trail(who, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/audit/verify', access: 'audit.read', tag: 'oversight', status: 200, audit: 'audit.verify',
    summary: 'Check the whole hash chain of the audit trail, and the chain against its signed checkpoints',
    response: z.object({
      checked: z.number().int(), ok: z.boolean(), breaks: z.array(z.object({ seq: z.number().int(), why: z.string() })),
      checkpoints: z.array(z.string()).describe('where the trail disagrees with its signed checkpoints (cut, rewritten or re-chained), or the checkpoint file was changed'),
    }),
    handle: async ({ who }, s) => s.audit.verify(who),
  }),
];
