// Schemas of the YAML configuration. Validation happens once, at load; the rest of the code trusts
// these types.
import { z } from 'zod';
import { FIELD_NAMES } from '../domain/ad.ts';
import { isNetwork } from '../domain/private-addresses.ts';
import { referenceFields } from '../municipal/reference-rows.ts';
import type { ReferenceKind } from '../municipal/types.ts';

export { indicatorSchema, profileSchema, type Indicator, type Profile } from './profile-schema.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (letters, digits, dashes)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const regex = z.string().refine((s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } },
  { message: 'expected a valid regular expression' });
const fieldName = z.enum(FIELD_NAMES);
const days = z.number({ error: 'expected a whole number of days' }).int({ error: 'expected a whole number of days' })
  .min(1, { error: 'expected at least 1 day' });

export const themeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['police', 'municipal']),
  // Wpg art. 9/13: no crawling without a recorded purpose, owner and period.
  purpose: z.strictObject({
    legalBasis: z.string().min(1),
    description: z.string().min(1),
    owner: z.string().min(1),
    start: isoDate,
    end: isoDate,
  }),
  profile: id,
  // Wpg art. 4b: store only the fields this theme needs; photos and screenshots can be switched off.
  store: z.strictObject({
    fields: z.array(fieldName).min(1),
    html: z.boolean(),
    images: z.boolean(),
    screenshot: z.enum(['png', 'jpeg', 'none']),
  }),
  // DESIGN.md §2.3: ads awaiting cross-ad analysis are held for the run, and never longer than this.
  stagingHours: z.number().int().min(1).max(168).default(24),
  // Wpg arts. 8, 9: kept ads are erased once no longer relevant; a case hold is the only exception.
  retention: z.strictObject({
    /** Days after an ad was last seen before it is purged (default about six months). */
    keepDays: days.default(183),
    /** Days after an ad was first seen before it is purged, however recently it was seen again. */
    maxDays: days.optional(),
  }).prefault({}),
  // Issue 13: an export (WARC, bundle, list CSV, PV) waits for a second person's approval before it
  // can be downloaded; a theme may switch that off, and the requester then approves it themselves.
  exports: z.strictObject({ fourEyes: z.boolean().default(true) }).prefault({}),
  // Pentest finding 13: the crawler reaches no loopback, private or link-local address unless the
  // operator lists it here (e.g. a platform on the intranet, the demo on 127.0.0.1). A theme, not a
  // source, so an admin changing sources through the API can never open the way.
  // The record of processing (Wpg art. 32, GDPR art. 30; docs/reports.md) says what the rest of
  // the theme cannot: whose data this is, who receives it, and how it is protected.
  processing: z.strictObject({
    persons: z.array(z.string().min(1)).default([]),
    recipients: z.array(z.string().min(1)).default([]),
    security: z.array(z.string().min(1)).default([]),
  }).prefault({}),
  // The attachment to the official report names kinds of sources; the crawled sites themselves are
  // withheld (Wob 10.2.c in the framework's own disclosure) unless the owner chooses to list them.
  reports: z.strictObject({ sourceUrls: z.boolean().default(false) }).prefault({}),
  allowPrivateNetworks: z.array(z.string().refine(isNetwork, { message: 'expected an address or a CIDR network such as 10.1.0.0/16' }))
    .default([]),
  // Issue 12: labelled ads (`baken eval`'s format) the admin dashboard measures the theme's profile
  // on. A theme's, not a profile's: admins change profiles through the API, and only the operator
  // may choose which files on the server are read.
  // Issue 14: the police theme a municipal theme's supervisors refer ads to; that theme sees how many
  // were referred per week and municipality, never the ads.
  referralsTo: id.optional(),
  evaluation: z.array(z.strictObject({
    name: id,
    /** JSON Lines, one ad a line with "label": flag|clean; relative to the configuration directory. */
    file: z.string().min(1, 'expected the path of a labelled JSON Lines file'),
  })).refine((sets) => new Set(sets.map((s) => s.name)).size === sets.length, { message: 'expected each set\'s name only once' })
    .default([]),
  // Issue 14: how the municipality's own exports name their columns (canonical field → header), and
  // for the demo the files `baken demo` imports (relative to the configuration directory).
  reference: z.strictObject({ licences: referenceSource('licences'), kvk: referenceSource('kvk'), reports: referenceSource('reports') })
    .partial().default({}),
});

function referenceSource(kind: ReferenceKind) {
  const [first, ...rest] = referenceFields(kind);
  return z.strictObject({
    columns: z.partialRecord(z.enum([first!, ...rest]), z.string().trim().min(1, 'expected the header of a column')).default({}),
    file: z.string().min(1, 'expected the path of a CSV or Excel file').optional(),
  });
}

export const discoverSchema = z.strictObject({
  /** Only URLs on the start URL's origin whose path matches this pattern are visited as ads. */
  ads: regex,
  /** CSS selector of the "next page" link on list pages. */
  next: z.string().min(1).optional(),
  maxPages: z.number().int().min(1).max(1000).default(50),
  /** Scroll steps on an infinite-scroll list; 0 for none. */
  scroll: z.number().int().min(0).max(500).default(0),
  maxAds: z.number().int().min(1).max(100_000).default(5000),
});

/** One click on a consent banner or an age wall, on the page the session opens with. */
export const sessionStepSchema = z.strictObject({
  click: z.string().min(1, 'expected a CSS selector'),
  /** A wall a site shows only sometimes (a consent banner once per visitor): skipped when absent. */
  optional: z.boolean().default(false),
});

// Walls set a cookie in the browser context: passed once when a session opens, every tab that
// captures an ad is past them, whether or not it saw the list page.
export const sessionSchema = z.strictObject({
  /** The page the steps run on; the source's start page when not given. */
  start: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  steps: z.array(sessionStepSchema).max(20).default([]),
});

export const crawlSettingsSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(16).default(2),
  delayMs: z.number().int().min(0).max(60_000).default(200),
  timeoutMs: z.number().int().min(500).max(300_000).default(15_000),
  retries: z.number().int().min(0).max(5).default(2),
  maxPageBytes: z.number().int().min(10_000).default(5_000_000),
  /** Pages captured in one browser context before a fresh one (with the same cookies) takes over. */
  recycleAfter: z.number().int().min(1).max(100_000).default(200),
});

export const sourceSchema = z.strictObject({
  id,
  theme: id,
  name: z.string().min(1),
  start: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  extractor: id,
  discover: discoverSchema,
  session: sessionSchema.prefault({}),
  crawl: crawlSettingsSchema.prefault({}),
});

export const fieldRuleSchema = z.strictObject({
  selector: z.string().min(1),
  /** Read this attribute instead of the element's text. */
  attr: z.string().min(1).optional(),
  /** Keep only the first capture group of this pattern. */
  pattern: regex.optional(),
});

export const extractorSchema = z.strictObject({
  id,
  /** On script-rendered pages: a selector that exists once the ad has been rendered. */
  ready: z.string().min(1).optional(),
  fields: z.partialRecord(fieldName, fieldRuleSchema),
  /** A run whose share of complete ad pages falls below this raises a health alert (default 0.5,
   *  src/analyse/extraction-yield.ts). */
  minYield: z.number().min(0).max(1).optional(),
});

export const INTERVAL_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** When a theme (or one of its sources) is crawled. The scheduler reads these; admins change them. */
export const scheduleSchema = z.strictObject({
  id,
  theme: id,
  source: id.optional(),
  every: z.string()
    .regex(/^[1-9]\d*[mhd]$/, 'expected an interval: a whole number and m, h or d (e.g. 30m, 6h, 1d)')
    .refine((s) => Number(s.slice(0, -1)) * INTERVAL_MINUTES[s.slice(-1) as keyof typeof INTERVAL_MINUTES] >= 15,
      { message: 'expected an interval of at least 15m (be gentle with the sites)' }),
  /** UTC time of day of the first run, as HH:MM. */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (UTC)').optional(),
});

export type Theme = z.infer<typeof themeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SessionStep = z.infer<typeof sessionStepSchema>;
export type CrawlSettings = z.infer<typeof crawlSettingsSchema>;
export type Extractor = z.infer<typeof extractorSchema>;
export type FieldRule = z.infer<typeof fieldRuleSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
