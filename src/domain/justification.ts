// DESIGN §2a.5: every read of ad content says why — a case number or "signal research". One rule
// for every door.
import { BakenError } from './errors.ts';

export const JUSTIFICATION_LENGTH = { min: 3, max: 200 } as const;

export const JUSTIFICATION_HINT = 'a case number or "signal research"';

/** The justification as recorded, or JUSTIFICATION_REQUIRED saying what is wrong with it. */
export function checkedJustification(given: string | undefined): string {
  const text = given?.trim() ?? '';
  if (text === '') throw new BakenError('JUSTIFICATION_REQUIRED', `reading ad content needs a justification: ${JUSTIFICATION_HINT}`);
  if (text.length < JUSTIFICATION_LENGTH.min || text.length > JUSTIFICATION_LENGTH.max) {
    throw new BakenError('JUSTIFICATION_REQUIRED',
      `expected a justification of ${JUSTIFICATION_LENGTH.min} to ${JUSTIFICATION_LENGTH.max} characters: ${JUSTIFICATION_HINT}`);
  }
  return text;
}

export const JUSTIFICATION_KINDS = ['case', 'signal-research'] as const;
export type JustificationKind = (typeof JUSTIFICATION_KINDS)[number];

/** What kind of reason a recorded justification gives, for figures that must not repeat case numbers. */
export function justificationKind(recorded: string): JustificationKind {
  return recorded.trim().toLowerCase() === 'signal research' ? 'signal-research' : 'case';
}
