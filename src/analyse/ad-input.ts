// The file format `baken analyse` and `baken eval` read: JSON Lines, one ad a line. Pure: the CLI
// reads the file, this turns its text into ads, or fails on the first bad line with its number.
import { z } from 'zod';
import { BakenError } from '../domain/errors.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { IMAGE_HASH } from './image-matches.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date as YYYY-MM-DD or an ISO time');

/** A plain object schema: keys it does not know (a label, a language, notes) are left out of the ad. */
const inputAd = z.object({
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
  /** The pictures' URLs, for field rules that count them or find them missing. */
  images: z.array(z.string()).optional(),
  /** Perceptual hashes of the ad's pictures (see src/analyse/image-hash.ts), for shared-image and movement. */
  imageHashes: z.array(z.string().regex(IMAGE_HASH, 'expected 16 lower-case hex digits (a 64-bit perceptual hash)')).optional(),
  /** When the ad was seen (for movement). */
  seen: isoDate.optional(),
});

export interface AdLine<E> {
  /** 1-based line number in the file, for messages that point at the line. */
  line: number;
  ad: AnalysisInput;
  /** What `extra` read from the same line (e.g. `baken eval`'s label). */
  extra: E;
}

/**
 * Parses every line before any is scored, so a bad line fails the whole run with `file:line`.
 * Blank lines are skipped; an id used twice names both lines. `extra` validates further keys of
 * each line (checked after the ad's own fields).
 */
export function parseAdLines<E extends z.ZodType = z.ZodObject<Record<never, never>>>(
  content: string, file: string, extra?: E,
): AdLine<z.output<E>>[] {
  const lines: AdLine<z.output<E>>[] = [];
  const lineOf = new Map<string, number>();
  content.split('\n').forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    let json: unknown;
    try { json = JSON.parse(text); } catch {
      throw new BakenError('INPUT_INVALID', `${file}:${line}: not valid JSON`);
    }
    const { id, imageHashes, seen, ...fields } = valid(inputAd, json, file, line);
    const more = valid(extra ?? z.object({}), json, file, line) as z.output<E>;
    const first = lineOf.get(id);
    if (first !== undefined) throw new BakenError('INPUT_INVALID', `${file}:${line}: id: "${id}" is already used on line ${first}`);
    lineOf.set(id, line);
    lines.push({ line, ad: { id, fields, ...(imageHashes ? { imageHashes } : {}), ...(seen ? { seen } : {}) }, extra: more });
  });
  return lines;
}

function valid<S extends z.ZodType>(schema: S, json: unknown, file: string, line: number): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new BakenError('INPUT_INVALID', `${file}:${line}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
}
