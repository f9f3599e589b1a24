// What an admin may see of an evaluation (admins never read ad content, src/accounts/roles.ts): the
// figures, each indicator's hit rates and the ids of the ads it got wrong, never a text or a span.
import type { Evaluation, IndicatorRates } from './evaluate.ts';

/** Issue 12's goals for a profile, measured on the held-out split. */
export const EVALUATION_GOALS = { recall: 0.9, cleanKeptRate: 0.1 } as const;

/** An ad the profile got wrong: where it is in the set and how far its score came. */
export interface WrongAdRef { id: string; line: number; score: number }

export interface EvaluationSummary {
  ads: number;
  counts: Evaluation['counts'];
  precision: number | null;
  recall: number | null;
  cleanKeptRate: number | null;
  /** Whether each goal is met; null when the figure is (no flag or no clean ads). */
  goalsMet: { recall: boolean | null; cleanKeptRate: boolean | null };
  indicators: IndicatorRates[];
  misses: WrongAdRef[];
  falseKeeps: WrongAdRef[];
}

export function evaluationSummary(e: Evaluation): EvaluationSummary {
  const ref = ({ id, line, score }: WrongAdRef): WrongAdRef => ({ id, line, score });
  return {
    ads: e.ads,
    counts: e.counts,
    precision: e.precision,
    recall: e.recall,
    cleanKeptRate: e.cleanKeptRate,
    goalsMet: {
      recall: e.recall === null ? null : e.recall >= EVALUATION_GOALS.recall,
      cleanKeptRate: e.cleanKeptRate === null ? null : e.cleanKeptRate <= EVALUATION_GOALS.cleanKeptRate,
    },
    indicators: e.indicators,
    misses: e.misses.map(ref),
    falseKeeps: e.falseKeeps.map(ref),
  };
}
