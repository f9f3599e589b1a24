// The shapes of the ad routes (docs/openapi.json: Ad, AdVerification, the versions answer, List).

export type Evidence =
  | { kind: 'span'; field: string; start: number; end: number; text: string }
  | { kind: 'field'; field: string; value: string | number | null }
  | { kind: 'linked'; reason: string; value: string; ads: string[] };

export interface Hit { id: string; weight: number; evidence: Evidence[] }

export interface Price { amount: number; currency: string; label: string }

export type AdFields = Record<string, unknown> & {
  title?: string; text?: string; alias?: string; age?: number; phones?: string[]; email?: string; city?: string;
  languages?: string[]; services?: string[]; prices?: Price[]; licence?: string; posted?: string;
};

export interface Artefact { kind: 'html' | 'screenshot' | 'image' | 'warc' | 'manifest'; mime: string; bytes: number; n: number; sha256: string }

export interface AdVersionInfo { captureId: string; version: number; capturedAt: string; contentHash: string }

export interface Ad {
  id: string; theme: string; source: string; url: string; firstSeen: string; lastSeen: string; goneAt: string | null;
  version: number; captureId: string;
  meta: Record<string, unknown> & { requestedUrl: string; finalUrl: string; capturedAt: string; status: number; softwareVersion: string; method: string };
  fields: AdFields; score: number; indicatorCount: number;
  hits?: Hit[];
  hold?: { caseNumber: string; by: string; at: string } | null;
  artefacts: Artefact[];
  versions: AdVersionInfo[];
  sightings: { runId: string; seenAt: string }[];
  /** Perceptual hashes of the latest capture's pictures: each the key of a picture's page. */
  pictures: string[];
}

export interface FieldDiff { field: string; change: 'same' | 'changed' | 'added' | 'removed'; parts: { op: 'keep' | 'remove' | 'add'; text: string }[] }

export interface Versions {
  ad: string;
  versions: (AdVersionInfo & { fields: AdFields })[];
  diff?: { from: number; to: number; fields: FieldDiff[] };
}

export interface Verification {
  ad: string; verified: boolean; checked: number; ok: number;
  items: { what: string; ok: boolean }[]; failures: { what: string; why: string }[];
}

export interface List { id: string; theme: string; name: string; size: number }

export interface LegalHold { adId: string; theme: string; caseNumber: string; by: string; at: string }
