// The municipal monitor's shared vocabulary: where an ad is, what the municipality's own registers
// say about it, and what supervisors did with it. Domain types only; no I/O.

/** A municipality by its CBS code (four digits, e.g. "0392") and current name ("Haarlem"). */
export interface Municipality { code: string; name: string; province: string }

/** How a place in an ad was resolved, so a supervisor can check the step: the exact place name,
 *  a known alternative spelling, a postcode found in the theme's reference data, or nothing. */
export type PlaceRule = 'place-name' | 'alternative-name' | 'postcode-reference';

/** Ambiguous names (two Bergens) and unknown places are counted as such, never guessed. */
export type PlaceResolution =
  | { status: 'resolved'; municipality: Municipality; rule: PlaceRule; matched: string }
  | { status: 'ambiguous'; candidates: Municipality[]; matched: string }
  | { status: 'unknown'; matched: string | null };

export const REFERENCE_KINDS = ['licences', 'kvk', 'reports'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** One row of the municipal licence register. Dates are ISO (YYYY-MM-DD); `validTo` null = open. */
export interface LicenceRow {
  licence: string; businessName: string; address: string; postcode: string | null;
  municipality: string; validFrom: string; validTo: string | null;
}
/** One Chamber of Commerce (KvK) extract row. `phones` are E.164. */
export interface KvkRow {
  kvk: string; tradeName: string; address: string; postcode: string | null; municipality: string;
  sbi: string; phones: string[];
}
/** One anonymous crime-report extract row (e.g. Meld Misdaad Anoniem). */
export interface ReportRow { date: string; municipality: string; category: string; text: string }

export interface ReferenceRows { licences: LicenceRow; kvk: KvkRow; reports: ReportRow }

/** One imported file: a version of one kind of reference data of one theme. The newest version of
 *  a kind replaces the ones before it. */
export interface ReferenceImport {
  id: string; theme: string; kind: ReferenceKind; version: number; fileName: string; sha256: string;
  rows: number; importedBy: string; importedAt: string;
}

/** What the licence register says of the number in an ad. */
export const LICENCE_STATUSES = ['valid', 'expired', 'unknown', 'other-address', 'other-municipality', 'absent'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** Every match carries the reason a supervisor reads. */
export interface ReferenceMatches {
  licence: { status: LicenceStatus; reason: string; row: LicenceRow | null };
  kvk: { row: KvkRow; on: 'phone' | 'address' | 'trade-name'; reason: string }[];
  reports: { row: ReportRow; reason: string }[];
}

/** What a supervisor found when acting on an inspection-list entry. */
export const INSPECTION_OUTCOMES = ['visited', 'licensed', 'not-found', 'closed', 'referred-to-police'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
