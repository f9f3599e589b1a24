// The shapes of the standing-search routes (docs/openapi.json: StandingSearch, StandingQuery).
import type { AdSummary } from '../search/search-types';

export interface StandingQuery {
  q?: string; source?: string; city?: string; scoreBand?: string; minIndicators?: number; phone?: string;
}

export interface StandingSearch {
  id: string; theme: string; name: string; query: StandingQuery; justification: string; createdAt: string;
  expiresAt: string; expired: boolean; hits: number; unseen: number;
}

export interface StandingInbox { searches: StandingSearch[]; unseen: number }

export interface StandingHits {
  search: StandingSearch;
  hits: { adId: string; runId: string; foundAt: string; seenAt: string | null; summary: AdSummary | null }[];
}
