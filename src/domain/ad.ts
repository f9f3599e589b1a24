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

/** One stored artefact, addressed by the SHA-256 of its bytes. `warc` holds the HTTP exchanges as
 *  fetched plus the screenshot and rendered HTML; `manifest` is the signed list of all the others. */
export interface Artefact {
  kind: 'html' | 'screenshot' | 'image' | 'warc' | 'manifest';
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

/** One HTTP request and its response as the browser made and received them, for the WARC. */
export interface HttpExchange {
  url: string;
  method: string;
  requestHeaders: [string, string][];
  httpVersion: string;
  status: number;
  statusText: string;
  responseHeaders: [string, string][];
  /** The body as the browser decoded it (content encoding removed). */
  body: Buffer;
  serverIp: string | null;
  at: string;
}
