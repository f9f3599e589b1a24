// The shapes the administration routes answer (docs/openapi.json: User, Token, Job).
import type { Role } from '../core/api-types';
import type { JobState } from './format';

export const ROLES: readonly Role[] = ['expert', 'analyst', 'supervisor', 'admin', 'auditor'];

export interface User {
  id: string; name: string; role: Role; themes: string[]; disabled: boolean; totp: boolean;
  lockedUntil: string | null; createdAt: string; updatedAt: string;
  approved: boolean; requestedBy: string[]; approvedBy: string | null; approvedAt: string | null;
}

export interface Token {
  id: string; name: string; role: Role; themes: string[]; createdBy: string; createdAt: string;
  expiresAt: string | null; revokedAt: string | null; approvedBy: string | null; approvedAt: string | null;
}

export interface Job {
  id: string; kind: 'crawl' | 'purge'; theme: string; source: string | null; schedule: string; slot: string;
  state: JobState; attempts: number; queuedAt: string; notBefore: string; worker: string | null;
  startedAt: string | null; finishedAt: string | null;
  result: Record<string, string | number> | null; error: string | null;
}

/** A source, profile or schedule: the fields every kind has; the rest is the document. */
export interface ConfigItem { id: string; theme: string; name?: string; [key: string]: unknown }
export type ConfigKind = 'sources' | 'profiles' | 'schedules';

/** GET /api/admin/themes/:theme/evaluation (docs/openapi.json: ThemeEvaluation, SetEvaluation). */
export interface HitRate { hits: number; ads: number; rate: number | null }
export interface WrongAdRef { id: string; line: number; score: number }
export interface SetEvaluation {
  name: string; file: string; ads: number; counts: { tp: number; fp: number; tn: number; fn: number };
  precision: number | null; recall: number | null; cleanKeptRate: number | null;
  goalsMet: { recall: boolean | null; cleanKeptRate: boolean | null };
  indicators: { id: string; weight: number; flag: HitRate; clean: HitRate }[];
  misses: WrongAdRef[]; falseKeeps: WrongAdRef[];
}
export interface ThemeEvaluation {
  theme: string; profile: string; threshold: number; goals: { recall: number; cleanKeptRate: number }; sets: SetEvaluation[];
}

/** GET /api/admin/source-health (docs/openapi.json: SourceHealth, SourceAlert). */
export interface SourceAlert {
  theme: string; source: string; runId: string; kind: 'yield-drop'; yield: number; baseline: number | null; floor: number; raisedAt: string;
}
export interface SourceHealth {
  theme: string; source: string; name: string; lastRun: string | null; lastSuccess: string | null;
  runs: number; captured: number; failed: number; abandoned: number; failureRate: number | null;
  yield: number | null; usualYield: number | null; alert: SourceAlert | null;
}
