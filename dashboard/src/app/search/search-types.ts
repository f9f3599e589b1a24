// What GET /api/ads answers (docs/openapi.json, AdSummary and the facets): only what the page reads.

export interface AdSummary {
  id: string; theme: string; source: string; url: string; title: string | null; city: string | null;
  score: number; indicatorCount: number; firstSeen: string; lastSeen: string; age: number | null;
  /** Whether there is an image or screenshot to make a thumbnail of. */
  picture: boolean;
}

export interface FacetCount { value: string; count: number }

export interface SearchFacets {
  city: FacetCount[]; source: FacetCount[]; indicatorCount: FacetCount[]; scoreBand: FacetCount[]; month: FacetCount[];
}

export interface SearchAnswer { total: number; page: number; pageSize: number; hits: AdSummary[]; facets: SearchFacets }

export interface CreatedList { id: string; theme: string; name: string }
