// A labelled set (`baken eval`, a theme's configured evaluation sets): the ads of a JSON Lines file
// (src/analyse/ad-input.ts), each with "label": flag|clean. Pure: the caller reads the file.
import { z } from 'zod';
import { BakenError } from '../domain/errors.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import { parseAdLines } from './ad-input.ts';
import { LABELS, type LabelledAd } from './evaluate.ts';

const ALLOWED = LABELS.map((l) => `"${l}"`).join(' or ');
const labelled = z.object({
  label: z.enum(LABELS, {
    error: (issue) => (issue.input === undefined ? `missing; expected ${ALLOWED}` : `expected ${ALLOWED}, got ${JSON.stringify(issue.input)}`),
  }),
});

export interface LabelledSet { ads: AnalysisInput[]; labelled: LabelledAd[] }

/** Every line is checked before any ad is scored; a bad line or an empty file fails with `file:line`. */
export function parseLabelledAds(content: string, file: string): LabelledSet {
  const lines = parseAdLines(content, file, labelled);
  if (lines.length === 0) throw new BakenError('INPUT_INVALID', `${file}: no ads; expected one ad a line, each with "label": ${ALLOWED}`);
  return { ads: lines.map(({ ad }) => ad), labelled: lines.map(({ ad, line, extra }) => ({ id: ad.id, line, label: extra.label })) };
}
