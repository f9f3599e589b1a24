// The ad bundle: one object holding everything captured of one ad at one moment
// ("iedere advertentie, met bijbehorende afbeeldingen, wordt samengevoegd tot één object").

export const FIELD_NAMES = [
  'title', 'text', 'alias', 'age', 'phones', 'email', 'city', 'languages',
  'services', 'prices', 'licence', 'posted', 'images',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface Price { amount: number; currency: string; label: string }

/** What extraction makes of a rendered ad page. Absent fields are left out, never guessed. */
export interface AdFields {
  title?: string;
  text?: string;
  alias?: string;
  age?: number;
  phones?: string[];      // E.164
  email?: string;
  city?: string;
  languages?: string[];
  services?: string[];
  prices?: Price[];
  licence?: string;
  posted?: string;        // ISO date
  images?: string[];      // absolute URLs as found on the page
}

/** One stored artefact, addressed by the SHA-256 of its bytes. */
export interface Artefact {
  kind: 'html' | 'screenshot' | 'image';
  sha256: string;
  mime: string;
  bytes: number;
  url?: string;           // where an image came from
}

/** Forensic metadata of one page visit: origin and method (Wpg art. 3(5)). */
export interface CaptureMeta {
  requestedUrl: string;
  finalUrl: string;
  capturedAt: string;     // UTC, ISO 8601
  status: number;
  headers: Record<string, string>;
  serverIp: string | null;
  tls: { protocol: string; issuer: string; subject: string; validFrom: number; validTo: number } | null;
  userAgent: string;
  softwareVersion: string;
  method: string;         // how it was obtained, e.g. "chromium 156 via playwright-core 1.65"
}

/** An ad in memory between capture and the minimisation gate. Nothing of it is on disk yet. */
export interface AdBundle {
  theme: string;
  source: string;
  url: string;
  meta: CaptureMeta;
  fields: AdFields;
  html: Buffer;
  screenshot: Buffer | null;
  screenshotMime: string;
  images: { url: string; mime: string; body: Buffer }[];
}
