// How well a profile does on ads someone labelled by hand (`baken eval`): the keep/delete decision
// against the labels, each indicator's hit rate per label, and the ads it got wrong with the hits
// that explain them. Pure: the assessments come from analyseBatch.
import type { Assessment, IndicatorHit } from '../domain/indicator-hit.ts';
import type { CompiledProfile } from './compile-profile.ts';

/** `flag`: the ad should be kept (it shows trafficking signals); `clean`: it should be deleted. */
export const LABELS = ['flag', 'clean'] as const;
export type Label = (typeof LABELS)[number];

export interface LabelledAd { id: string; line: number; label: Label }

/** `rate` is hits / ads of that label, null when there are none. */
export interface HitRate { hits: number; ads: number; rate: number | null }

export interface IndicatorRates { id: string; weight: number; flag: HitRate; clean: HitRate }

/** An ad the profile got wrong, with everything that made up its score. */
export interface WrongAd { id: string; line: number; score: number; hits: IndicatorHit[] }

export interface Evaluation {
  profile: string;
  threshold: number;
  ads: number;
  /** tp: flag ads kept, fp: clean ads kept, tn: clean ads deleted, fn: flag ads deleted. */
  counts: { tp: number; fp: number; tn: number; fn: number };
  /** tp / (tp + fp): of the ads kept, the share that should be; null when nothing is kept. */
  precision: number | null;
  /** tp / (tp + fn): of the flag ads, the share kept; null when there are no flag ads. */
  recall: number | null;
  /** fp / (fp + tn): of the clean ads, the share kept; null when there are no clean ads. */
  cleanKeptRate: number | null;
  /** Every indicator of the profile in profile order, also those that never hit. */
  indicators: IndicatorRates[];
  /** Flag ads not kept, in file order. */
  misses: WrongAd[];
  /** Clean ads kept, in file order. */
  falseKeeps: WrongAd[];
}

export function evaluate(
  profile: Pick<CompiledProfile, 'id' | 'threshold' | 'indicators'>,
  ads: readonly LabelledAd[],
  assessments: ReadonlyMap<string, Assessment>,
): Evaluation {
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const hits = new Map(profile.indicators.map(({ id }) => [id, { flag: 0, clean: 0 }]));
  const misses: WrongAd[] = [];
  const falseKeeps: WrongAd[] = [];
  for (const { id, line, label } of ads) {
    const assessment = assessments.get(id);
    if (!assessment) throw new Error(`no assessment for ad "${id}"`);
    for (const hit of assessment.hits) {
      const tally = hits.get(hit.id);
      if (tally) tally[label] += 1;
    }
    const wrong = { id, line, score: assessment.score, hits: assessment.hits };
    if (label === 'flag') {
      if (assessment.kept) counts.tp += 1; else { counts.fn += 1; misses.push(wrong); }
    } else if (assessment.kept) { counts.fp += 1; falseKeeps.push(wrong); } else counts.tn += 1;
  }
  const flagAds = counts.tp + counts.fn;
  const cleanAds = counts.fp + counts.tn;
  return {
    profile: profile.id,
    threshold: profile.threshold,
    ads: ads.length,
    counts,
    precision: ratio(counts.tp, counts.tp + counts.fp),
    recall: ratio(counts.tp, flagAds),
    cleanKeptRate: ratio(counts.fp, cleanAds),
    indicators: profile.indicators.map(({ id, weight }) => {
      const tally = hits.get(id)!;
      return {
        id, weight,
        flag: { hits: tally.flag, ads: flagAds, rate: ratio(tally.flag, flagAds) },
        clean: { hits: tally.clean, ads: cleanAds, rate: ratio(tally.clean, cleanAds) },
      };
    }),
    misses,
    falseKeeps,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
