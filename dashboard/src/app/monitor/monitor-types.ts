// The shapes the monitor and inspection routes answer (docs/municipal-monitor.md); a count is null
// when it is suppressed (below `suppressedBelow`), so sums cannot give it back.

export type Count = number | null;

export interface Figures { active: Count; new: Count; gone: Count; licensed: Count; unlicensed: Count; unknown: Count }
export const FIGURES = ['active', 'new', 'gone', 'licensed', 'unlicensed', 'unknown'] as const satisfies readonly (keyof Figures)[];

export interface Place { code: string; name: string; province: string; lat: number; lng: number }

export interface MonitorMunicipality extends Place, Figures {
  platforms: Readonly<Record<string, Count>>;
  inspections: Readonly<Record<string, Count>>;
}

export interface MonitorView {
  theme: string; from: string; to: string; suppressedBelow: number | null;
  municipalities: MonitorMunicipality[];
  provinces: (Figures & { province: string })[];
  unresolved: { ambiguous: Count; unknown: Count };
  totals: Figures;
}

export interface MunicipalityView {
  municipality: Place;
  suppressedBelow: number | null;
  weeks: (Figures & { week: string })[];
  platforms: { source: string; active: Count }[];
  criteria: { id: string; label: string; count: Count }[];
}

export const OUTCOMES = ['visited', 'licensed', 'not-found', 'closed', 'referred-to-police'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface InspectionAd { id: string; source: string; url: string; title: string | null; city: string | null; lastSeen: string }

export interface InspectionEntry {
  theme: string; municipality: string; adId: string; addedAt: string;
  criteria: { id: string; label: string; reason: string }[];
  selected: boolean; plannedFor: string | null; outcome: Outcome | null; outcomeAt: string | null; outcomeBy: string | null;
  note: string | null; state: 'open' | 'planned' | 'done'; ad: InspectionAd | null;
}

export interface InspectionList { municipality: { code: string; name: string | null }; entries: InspectionEntry[] }
