// The shapes of the lists API (docs/openapi.json: List, ListNote, AdSummary, Ad); only what the pages read.

export interface ListRecord { id: string; theme: string; name: string; createdBy: string; createdAt: string; updatedAt: string; size: number }

export interface ListNote { text: string; by: string; at: string }

export interface AdSummary { id: string; theme: string; source: string; url: string; title: string | null; city: string | null; score: number; indicatorCount: number; lastSeen: string }

export interface ListEntry { adId: string; addedBy: string; addedAt: string; note: ListNote | null; ad: AdSummary | null }

export interface ListView extends ListRecord { entries: ListEntry[] }

export interface AdView {
  id: string; theme: string; source: string; url: string; firstSeen: string; lastSeen: string;
  fields: Record<string, unknown>; score: number; indicatorCount: number;
  artefacts: { kind: string; mime: string; bytes: number; n: number }[];
}
