// Schema of a search profile: its indicators, of four kinds, and the threshold that keeps an ad.
// Rules that only make sense together (a count on a list field, a price rule on prices) are checked
// here, so a profile that loads is a profile that runs.
import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from '../domain/ad.ts';
import { LICENCE_STATUSES } from '../municipal/types.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (letters, digits, dashes)');
const regex = z.string().refine((s) => { try { new RegExp(s, 'u'); return true; } catch { return false; } },
  { message: 'expected a valid regular expression' });
/** A number, saying so when it is not one; range checks keep their own messages. */
const number = () => z.number({ error: (issue) => (issue.code === 'invalid_type' ? 'expected a number' : undefined) });
const count = number().int('expected a whole number').min(1);

/** Lists per language code ("nl", "en", …). */
const perLanguage = <T extends z.ZodType>(list: T) => z.record(z.string(), list).superRefine((r, ctx) => {
  for (const key of Object.keys(r)) {
    if (!/^[a-z]{2}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `expected a two-letter language code, got "${key}"` });
  }
});
/** Words are what the engine matches, so a phrase of punctuation only would match nothing. */
const phrase = z.string().regex(/[\p{L}\p{N}]/u, 'expected a phrase with at least one letter or digit');
/** Phrases per language; every language's phrases apply to every ad. */
const phrases = perLanguage(z.array(phrase).min(1));

const negations = z.strictObject({
  /** How many words before a match a negation may stand, within the same clause. */
  window: z.number().int().min(1).max(10).optional(),
  /** An empty set (`terms: {}`) switches negation off for one indicator. */
  terms: perLanguage(z.array(phrase)),
  /** Phrases that refuse the term BEFORE them ("zonder condoom doe ik niet", "Bareback? Never."):
   *  they count when they end a clause, in the match's clause or in the clause right after a question
   *  or a colon, within `window` words after the match. */
  refusals: z.strictObject({
    window: z.number().int().min(1).max(20).optional(),
    terms: perLanguage(z.array(phrase)),
  }).optional(),
  /** Phrases that say the reader is looking for something ("op zoek naar", "if you're looking for"):
   *  a term after one, in the same sentence, with a negation or refusal within `window` words after
   *  the term, is named only to turn the reader away ("Zoek je alles kan? Dan moet je verder zoeken"). */
  seeking: z.strictObject({
    window: z.number().int().min(1).max(20).optional(),
    terms: perLanguage(z.array(phrase)),
  }).optional(),
});

const context = z.strictObject({
  /** Words on either side of the match in which the phrases below are looked for. */
  window: z.number().int().min(1).max(50).default(8),
  require: phrases.optional(),
  forbid: phrases.optional(),
}).refine((c) => c.require !== undefined || c.forbid !== undefined,
  { message: 'a context needs "require" or "forbid" phrases' });

const base = {
  id,
  label: z.string().min(1),
  description: z.string().min(1),
  weight: number().positive().max(100),
  /** Indicators of one group are several ways of seeing one signal ("24/7" and "dag en nacht"): an
   *  ad scores the group once, at the highest weight that hit. */
  group: id.optional(),
};
const textFields = z.array(z.enum(['title', 'text', 'alias'])).min(1).default(['title', 'text']);
const textRules = {
  fields: textFields, negations: negations.optional(), context: context.optional(),
  /** Field/text agreement: the match does not count when the ad's stated age (the age field, or an
   *  age in its words when the field is empty) is above this ("barely legal" from a 45-year-old). */
  unlessAgeAbove: number().int('expected a whole number').min(1).max(120).optional(),
};

const NUMBER_FIELDS: readonly FieldName[] = ['age'];
const LIST_FIELDS: readonly FieldName[] = ['phones', 'languages', 'services', 'prices', 'images'];
const PROSE_FIELDS: readonly FieldName[] = ['title', 'text'];
const FIELD_RULES = ['missing', 'below', 'above', 'count', 'priceBelowMedian', 'obscuredPhone'] as const;
const RULE_FIELDS: Partial<Record<(typeof FIELD_RULES)[number], { fields: readonly FieldName[]; what: string }>> = {
  below: { fields: NUMBER_FIELDS, what: 'a number field' },
  above: { fields: NUMBER_FIELDS, what: 'a number field' },
  count: { fields: LIST_FIELDS, what: 'a list field' },
  priceBelowMedian: { fields: ['prices'], what: 'the prices field' },
  obscuredPhone: { fields: PROSE_FIELDS, what: 'a text field' },
};

const fieldIndicator = z.strictObject({
  ...base,
  kind: z.literal('field'),
  field: z.enum(FIELD_NAMES),
  missing: z.literal(true).optional(),
  below: number().optional(),
  above: number().optional(),
  count: z.strictObject({ atLeast: count.optional(), atMost: count.optional() })
    .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, { message: 'expected "atLeast" or "atMost"' })
    .optional(),
  /** Fires when the ad's lowest hourly price is below `factor` times the median in its city. */
  priceBelowMedian: z.strictObject({ factor: number().gt(0).lt(1) }).optional(),
  /** A phone number spelled out in words or broken up by letters and dots, in the text itself. */
  obscuredPhone: z.literal(true).optional(),
}).superRefine((r, ctx) => {
  const rules = FIELD_RULES.filter((k) => r[k] !== undefined);
  if (rules.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `a field indicator needs exactly one rule of: ${FIELD_RULES.join(', ')}${rules.length > 1 ? ` (found ${rules.join(', ')})` : ''}` });
    return;
  }
  const needs = RULE_FIELDS[rules[0]!];
  if (needs && !needs.fields.includes(r.field)) {
    ctx.addIssue({ code: 'custom', path: [rules[0]!], message: `expected ${needs.what} (${needs.fields.join(', ')}), but field is "${r.field}"` });
  }
});

// Cross-ad indicators compare an ad with the other ads of the run and the ads already kept.
const crossAd = { ...base, kind: z.literal('cross-ad') };
const minAds = count.min(2, 'expected at least 2');
const withinDays = number().int('expected a whole number').min(1).max(365);
/** Hamming distance (of 64 bits) up to which two perceptual image hashes count as the same picture. */
const maxDistance = z.number().int().min(0).max(15).default(8);
const groupSizes = <T extends { minAds?: number; minAliases?: number; minCities?: number }>(g: T) =>
  g.minAds !== undefined || g.minAliases !== undefined || g.minCities !== undefined;

const crossAdIndicator = z.discriminatedUnion('signal', [
  z.strictObject({ ...crossAd, signal: z.literal('shared-phone'), minAds: minAds.optional(), minAliases: minAds.optional() })
    .refine(groupSizes, { message: 'shared-phone needs "minAds" or "minAliases"' }),
  z.strictObject({
    ...crossAd, signal: z.literal('shared-image'), maxDistance,
    minAds: minAds.optional(), minAliases: minAds.optional(), minCities: minAds.optional(),
  }).refine(groupSizes, { message: 'shared-image needs "minAds", "minAliases" or "minCities"' }),
  z.strictObject({
    ...crossAd, signal: z.literal('template-text'), minAds: minAds.default(2),
    /** Estimated Jaccard similarity of word shingles; below 0.6 the LSH index misses too many pairs. */
    threshold: number().min(0.6).max(1).default(0.8),
  }),
  z.strictObject({ ...crossAd, signal: z.literal('movement'), minCities: minAds.default(2), withinDays: withinDays.default(7), maxDistance }),
  z.strictObject({ ...crossAd, signal: z.literal('posting-frequency'), minPosts: minAds, withinDays: withinDays.default(7) }),
], { error: 'expected signal to be one of: shared-phone, shared-image, template-text, movement, posting-frequency' });

export const indicatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('lexicon'), ...textRules, terms: phrases }),
  z.strictObject({ ...base, kind: z.literal('pattern'), ...textRules, pattern: regex }),
  fieldIndicator,
  crossAdIndicator,
], { error: 'expected kind to be one of: lexicon, pattern, field, cross-ad' });

const CRITERION_RULES = ['licence', 'kvkSbiNotIn', 'phoneAds', 'newWithinDays', 'reports'] as const;

/** A selection criterion of the municipal monitor: an ad is selected for the inspection list when
 *  any criterion hits, with the criterion's label and the reason a supervisor reads. */
export const criterionSchema = z.strictObject({
  id, label: z.string().min(1), description: z.string().min(1),
  /** The licence register's answer on the ad's licence number is one of these. */
  licence: z.array(z.enum(LICENCE_STATUSES)).min(1).optional(),
  /** No valid licence, and a KvK entry matched whose SBI code starts with none of these (not a sex-work business). */
  kvkSbiNotIn: z.array(z.string().regex(/^\d{2,5}$/, 'expected an SBI code of 2 to 5 digits')).min(1).optional(),
  /** At least this many of the theme's active ads share one of the ad's phone numbers. */
  phoneAds: count.min(2, 'expected at least 2').optional(),
  /** First seen within this many days. */
  newWithinDays: number().int('expected a whole number').min(1).max(365).optional(),
  /** A crime report of the ad's municipality names its phone or trade name. */
  reports: z.literal(true).optional(),
}).superRefine((c, ctx) => {
  const rules = CRITERION_RULES.filter((k) => c[k] !== undefined);
  if (rules.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `a selection criterion needs exactly one rule of: ${CRITERION_RULES.join(', ')}${rules.length > 1 ? ` (found ${rules.join(', ')})` : ''}` });
  }
});

export const profileSchema = z.strictObject({
  id,
  theme: id,
  /** 0 keeps every ad (a monitor that counts licensed ads too); only a municipal theme may (load.ts). */
  threshold: number().min(0),
  /** Words that cancel a lexicon or pattern match just after them ("geen", "niet", "never"). */
  negations: negations.optional(),
  indicators: z.array(indicatorSchema).min(1),
  /** The municipal monitor's selection criteria for inspection lists. */
  selection: z.array(criterionSchema).min(1).optional(),
}).superRefine((p, ctx) => {
  for (const list of ['indicators', 'selection'] as const) {
    const seen = new Set<string>();
    (p[list] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `"${item.id}" is already used by another ${list === 'indicators' ? 'indicator' : 'criterion'}` });
      seen.add(item.id);
    });
  }
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type FieldIndicator = z.infer<typeof fieldIndicator>;
export type CrossAdIndicator = z.infer<typeof crossAdIndicator>;
export type Negations = z.infer<typeof negations>;
export type Profile = z.infer<typeof profileSchema>;
export type SelectionCriterion = z.infer<typeof criterionSchema>;
