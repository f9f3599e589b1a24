// The justification the API records: "signal research", or a case number of 3 to 200 characters.
export type Reason = 'signal' | 'case';

export const SIGNAL_RESEARCH = 'signal research';

export function justificationOf(reason: Reason, caseNumber: string): string | null {
  if (reason === 'signal') return SIGNAL_RESEARCH;
  const trimmed = caseNumber.trim();
  return trimmed.length >= 3 && trimmed.length <= 200 ? trimmed : null;
}
