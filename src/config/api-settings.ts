// Settings of the REST API, from `api.yaml` in the configuration directory (optional: every setting
// has a safe default). Errors name the file, the path inside it and what was expected.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { MAX_INDEXED_DISTANCE } from '../analyse/image-matches.ts';
import { BakenError } from '../domain/errors.ts';

export const apiSettingsSchema = z.strictObject({
  auth: z.strictObject({
    /** Experts and admins must log in with a one-time code (TOTP) as well as a password. */
    requireTotp: z.boolean().default(true),
    idleMinutes: z.number().int().min(1).max(1440).default(30),
    absoluteHours: z.number().int().min(1).max(168).default(12),
    maxFailedLogins: z.number().int().min(1).max(100).default(5),
    lockMinutes: z.number().int().min(1).max(1440).default(15),
    /** Login attempts per client address per minute, whatever the account. */
    loginsPerMinute: z.number().int().min(1).max(1000).default(10),
  }).prefault({}),
  /** Behind a reverse proxy: its address(es), so the audit trail records the real client address. */
  trustProxy: z.union([z.literal(false), z.string().min(1)]).default(false),
  municipal: z.strictObject({
    /** Counts below this are suppressed in the figures supervisors see (DESIGN §2a.8). */
    minCount: z.number().int().min(1).max(100).default(5),
  }).prefault({}),
  photoSearch: z.strictObject({
    /** The largest Hamming distance (bits of 64) at which a search by photo still counts a stored
     *  picture as the same; a request may ask for less. Re-encodings of one photo differ by at most
     *  about 6 bits, different photos by 14 or more (src/analyse/image-hash.ts). */
    maxDistance: z.number().int().min(0).max(MAX_INDEXED_DISTANCE).default(10),
  }).prefault({}),
  standingSearches: z.strictObject({
    /** A standing search stops matching this many days after it was saved or last renewed. */
    expiryDays: z.number().int().min(1).max(3650).default(90),
  }).prefault({}),
  transparency: z.strictObject({
    /** Counts below this are suppressed in the transparency report for the oversight committee. */
    minCount: z.number().int().min(1).max(100).default(5),
  }).prefault({}),
});

export type ApiSettings = z.infer<typeof apiSettingsSchema>;

export const DEFAULT_API_SETTINGS: ApiSettings = apiSettingsSchema.parse({});

export function loadApiSettings(configDir: string): ApiSettings {
  const file = join(configDir, 'api.yaml');
  return apiSettingsFrom(existsSync(file) ? readFileSync(file, 'utf8') : null, configDir);
}

/** The settings in the text of api.yaml (null: there is none, every default holds); `configDir` is
 *  what messages name. */
export function apiSettingsFrom(text: string | null, configDir: string): ApiSettings {
  if (text === null) return DEFAULT_API_SETTINGS;
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new BakenError('CONFIG_INVALID', `invalid configuration in ${configDir}:\n  ${doc.errors.map((e) => `api.yaml: YAML syntax: ${e.message.split('\n')[0]}`).join('\n  ')}`);
  }
  const parsed = apiSettingsSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `api.yaml: ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new BakenError('CONFIG_INVALID', `invalid configuration in ${configDir}:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
