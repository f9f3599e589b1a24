// The standing-searches port (issue 16): a search an expert or analyst leaves standing over the ads
// new in each crawl run of its theme, and the hits it found. Each search is its owner's alone: every
// read and change names the owner, and another user's search is simply not there.

/** The filters of a standing search, as the search page has them (no period, order or page: each
 *  run's new ads are the period). */
export interface StandingQuery {
  q?: string; source?: string; city?: string; minScore?: number; scoreBand?: string; minIndicators?: number;
  indicator?: string; phone?: string;
}

export interface StandingSearchRecord {
  id: string;
  /** The user id of the one who saved it. */
  owner: string;
  theme: string;
  name: string;
  query: StandingQuery;
  justification: string;
  createdAt: string;
  /** It matches no run that closes at or after this time, unless renewed before. */
  expiresAt: string;
  hits: number;
  unseen: number;
}

export interface StandingHit { adId: string; runId: string; foundAt: string; seenAt: string | null }

export interface NewStandingSearch { owner: string; theme: string; name: string; query: StandingQuery; justification: string }

export interface StandingSearchStore {
  saveSearch(search: NewStandingSearch, at: string, expiresAt: string): Promise<StandingSearchRecord>;
  /** The owner's searches, newest first. */
  searchesOf(owner: string): Promise<StandingSearchRecord[]>;
  search(id: string, owner: string): Promise<StandingSearchRecord | null>;
  /** False when the owner has no such search. */
  renewSearch(id: string, owner: string, expiresAt: string): Promise<boolean>;
  deleteSearch(id: string, owner: string): Promise<boolean>;
  /** Every search of the theme that has not expired at `at`, oldest first. */
  activeSearches(theme: string, at: string): Promise<StandingSearchRecord[]>;
  /** Records the ads as hits of the search; an ad it already holds stays as it was (a run closed
   *  twice records nothing twice). Only ads kept in the search's theme are recorded. Returns the
   *  ads newly recorded. */
  recordHits(id: string, runId: string, adIds: readonly string[], at: string): Promise<string[]>;
  /** The search's hits, newest first; empty when the owner has no such search. */
  hits(id: string, owner: string): Promise<StandingHit[]>;
  /** Marks the search's unseen hits seen; returns how many. */
  markSeen(id: string, owner: string, at: string): Promise<number>;
}
