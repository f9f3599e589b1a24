// Schemas shared by several routes: identifiers, paging, dates, the problem document, ad summaries.
// Every query string is a strict object, so a misspelt parameter is refused instead of ignored.
import { z } from 'zod';
import { ROLES } from '../accounts/roles.ts';
import { JUSTIFICATION_HINT, JUSTIFICATION_LENGTH } from '../domain/justification.ts';

export const themeId = z.string().max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a theme id (lower-case letters, digits, dashes)');
export const configId = z.string().max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (letters, digits, dashes)');
export const adId = z.string().regex(/^[0-9a-f]{24}$/, 'expected an ad id (24 lower-case hex characters)');
export const uuid = z.uuid({ error: 'expected a UUID' });
export const phoneNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number, e.g. +31612345678');
export const pictureHash = z.string().regex(/^[0-9a-f]{16}$/, 'expected a perceptual hash (16 lower-case hex characters)');
export const role = z.enum(ROLES);
/** A whole number in a query string or path: digits only, so '', ' ' or '1e3' never pass as numbers. */
export function wholeNumber(min: number, max: number) {
  return z.string().regex(/^\d{1,9}$/, 'expected a whole number').transform(Number).pipe(z.number().min(min).max(max));
}
export const decimal = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, 'expected a number').transform(Number);
export const page = wholeNumber(1, 10_000).default(1);
export const pageSize = wholeNumber(1, 100).default(20);

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/;
const realDate = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString().slice(0, 10) === s.slice(0, 10);
const date = z.string().regex(DATE, 'expected a UTC date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM:SSZ)').refine(realDate, 'expected a real calendar date');
/** A bare date starts the day when it is a lower bound and ends it when it is an upper bound. */
export const fromDate = date.transform((s) => new Date(s.length === 10 ? `${s}T00:00:00.000Z` : s).toISOString());
export const toDate = date.transform((s) => new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s).toISOString());

/** DESIGN §2a.5: searches ask why — a case number or "signal research". */
export const justification = z.string().trim()
  .min(JUSTIFICATION_LENGTH.min, `expected a justification of at least ${JUSTIFICATION_LENGTH.min} characters: ${JUSTIFICATION_HINT}`)
  .max(JUSTIFICATION_LENGTH.max, `expected a justification of at most ${JUSTIFICATION_LENGTH.max} characters`);

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ in: z.string(), path: z.string(), message: z.string() })).optional(),
  rows: z.array(z.object({ row: z.number().int(), field: z.string().optional(), reason: z.string() })).optional()
    .describe('an imported file\'s bad rows, numbered as in the file (the header is row 1)'),
}).meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const adSummary = z.object({
  id: adId,
  theme: z.string(),
  source: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  city: z.string().nullable(),
  score: z.number(),
  indicatorCount: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  age: z.number().nullable().describe('the age the ad states, where the theme stores it; else null'),
  picture: z.boolean().describe('whether the latest capture holds an image or a screenshot, so GET /api/ads/{id}/thumbnail has a picture to show'),
}).meta({ id: 'AdSummary' });

export const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const userView = z.object({
  id: z.string(), name: z.string(), role, themes: z.array(z.string()), disabled: z.boolean(), totp: z.boolean(),
  lockedUntil: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  approved: z.boolean().describe('false while an account that reads ad content waits for a second admin\'s approval; it cannot sign in until then'),
  requestedBy: z.array(z.string()).describe('who made the account, or let it read more (role, themes, password) since it was last approved: none of them may approve it'),
  approvedBy: z.string().nullable(), approvedAt: z.string().nullable(),
}).meta({ id: 'User' });

export const password = z.string().min(12, 'expected a password of at least 12 characters').max(1024);
