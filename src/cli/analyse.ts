import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import type { AdFields } from '../domain/ad.ts';
import { compileProfile } from '../analyse/compile-profile.ts';
import { analyseBatch } from '../analyse/analyse-batch.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { IMAGE_HASH } from '../analyse/image-matches.ts';
import { configDir, parse, requireString } from './args.ts';
import { say } from './output.ts';

export const usage = 'baken analyse --theme T --input FILE.jsonl [--json]   score ads with the theme\'s profile, cross-ad indicators over the file; stores nothing';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date as YYYY-MM-DD or an ISO time');
const inputAd = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  text: z.string(),
  alias: z.string().optional(),
  age: z.number().optional(),
  phones: z.array(z.string()).optional(),
  email: z.string().optional(),
  city: z.string().optional(),
  languages: z.array(z.string()).optional(),
  services: z.array(z.string()).optional(),
  prices: z.array(z.strictObject({ amount: z.number(), currency: z.string(), label: z.string() })).optional(),
  licence: z.string().optional(),
  posted: isoDate.optional(),
  /** Perceptual hashes of the ad's pictures (see src/analyse/image-hash.ts), for shared-image and movement. */
  imageHashes: z.array(z.string().regex(IMAGE_HASH, 'expected 16 lower-case hex digits (a 64-bit perceptual hash)')).optional(),
  /** When the ad was seen (for movement). */
  seen: isoDate.optional(),
});

export async function analyse(args: string[]): Promise<number> {
  const { values } = parse(args, { theme: { type: 'string' }, input: { type: 'string' } });
  const config = loadConfig(configDir(values.config));
  const themeId = requireString(values.theme, 'theme');
  const theme = config.themes.get(themeId);
  if (!theme) throw new BakenError('THEME_UNKNOWN', `no theme "${themeId}" in ${config.dir}/themes`);
  const ads = readInput(requireString(values.input, 'input'));
  const assessments = analyseBatch(compileProfile(config.profiles.get(theme.profile)!), ads);
  for (const { id } of ads) {
    const a = assessments.get(id)!;
    const indicators = a.hits.map((h) => ({ id: h.id, weight: h.weight, evidence: h.evidence }));
    if (values.json) say(JSON.stringify({ id, score: a.score, kept: a.kept, indicators }));
    else say(`${id}  score ${a.score}  ${a.kept ? 'kept' : 'deleted'}  ${indicators.map((i) => i.id).join(', ')}`);
  }
  return 0;
}

/** Reads every line before scoring any, so a bad line fails the whole run with its line number. */
function readInput(file: string): AnalysisInput[] {
  let content: string;
  try { content = readFileSync(file, 'utf8'); } catch (cause) {
    throw new BakenError('INPUT_INVALID', `${file}: cannot read (${(cause as Error).message})`, { cause });
  }
  const ads: AnalysisInput[] = [];
  const lineOf = new Map<string, number>();
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try { json = JSON.parse(line); } catch {
      throw new BakenError('INPUT_INVALID', `${file}:${i + 1}: not valid JSON`);
    }
    const parsed = inputAd.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BakenError('INPUT_INVALID', `${file}:${i + 1}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    const { id, imageHashes, seen, ...fields } = parsed.data;
    if (lineOf.has(id)) throw new BakenError('INPUT_INVALID', `${file}:${i + 1}: id: "${id}" is already used on line ${lineOf.get(id)}`);
    lineOf.set(id, i + 1);
    ads.push({ id, fields: fields as AdFields, ...(imageHashes ? { imageHashes } : {}), ...(seen ? { seen } : {}) });
  });
  return ads;
}
