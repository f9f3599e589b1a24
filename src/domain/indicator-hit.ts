// An explainable indicator hit: which indicator fired, why, and how much it weighs.

export type Evidence =
  | { kind: 'span'; field: string; start: number; end: number; text: string }
  | { kind: 'field'; field: string; value: string | number | null };

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
