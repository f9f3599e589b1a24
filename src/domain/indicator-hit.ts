// An explainable indicator hit: which indicator fired, why, and how much it weighs.

/** Why a cross-ad indicator links ads: the signal of its indicator. */
export const LINK_SIGNALS = ['shared-phone', 'shared-image', 'template-text', 'movement', 'posting-frequency'] as const;
export type LinkSignal = (typeof LINK_SIGNALS)[number];

export type Evidence =
  | { kind: 'span'; field: string; start: number; end: number; text: string }
  | { kind: 'field'; field: string; value: string | number | null }
  /** Other ads that share something with this one: `value` says what (a phone number, an image
   *  hash, a similarity, the cities and days seen). */
  | { kind: 'linked'; reason: LinkSignal; value: string; ads: string[] };

export interface IndicatorHit {
  id: string;
  weight: number;
  evidence: Evidence[];
}

export interface Assessment {
  score: number;
  kept: boolean;
  hits: IndicatorHit[];
}
