// One error catalogue, shared by CLI and API: stable codes, an exit code, cause chaining.

export const ERROR_CODES = {
  CONFIG_INVALID: { exit: 2, http: 500 },
  CONFIG_MISSING: { exit: 2, http: 500 },
  INPUT_INVALID: { exit: 2, http: 400 },
  PASSWORD_WEAK: { exit: 2, http: 400 },
  USAGE: { exit: 64, http: 400 },
  THEME_UNKNOWN: { exit: 2, http: 404 },
  SOURCE_UNKNOWN: { exit: 2, http: 404 },
  PURPOSE_EXPIRED: { exit: 3, http: 403 },
  STORE_REJECTED: { exit: 4, http: 500 },
  STORE_UNAVAILABLE: { exit: 8, http: 503 },
  BROWSER_UNAVAILABLE: { exit: 5, http: 503 },
  CAPTURE_FAILED: { exit: 6, http: 502 },
  SIGNING_KEY: { exit: 7, http: 500 },
  SECRET_KEY: { exit: 7, http: 500 },
  VERIFY_FAILED: { exit: 1, http: 500 },
  NOT_FOUND: { exit: 2, http: 404 },
  // The API's refusals. 77 is sysexits' EX_NOPERM, 75 its EX_TEMPFAIL.
  UNAUTHENTICATED: { exit: 77, http: 401 },
  FORBIDDEN: { exit: 77, http: 403 },
  CSRF_REJECTED: { exit: 77, http: 403 },
  CONFLICT: { exit: 2, http: 409 },
  RATE_LIMITED: { exit: 75, http: 429 },
  JUSTIFICATION_REQUIRED: { exit: 64, http: 400 },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** What is wrong with one row of an imported file; `row` counts as a spreadsheet does (the header is 1). */
export interface RowError { row: number; field?: string; reason: string }

export class BakenError extends Error {
  readonly code: ErrorCode;
  /** An imported file's bad rows, for the caller to fix in the file. */
  readonly rows: readonly RowError[] | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; rows?: readonly RowError[] }) {
    super(message, options);
    this.name = 'BakenError';
    this.code = code;
    this.rows = options?.rows;
  }
  get exitCode(): number { return ERROR_CODES[this.code].exit; }
  get httpStatus(): number { return ERROR_CODES[this.code].http; }
}

const SUMMARY_CHARS = 300;

const firstLine = (x: unknown) => (x instanceof Error ? x.message : String(x)).split('\n')[0]!.trim();

/** What went wrong, in one bounded line fit to be stored: the first line of the message (Playwright
 *  appends call logs, a browser that did not start its whole stderr). A page's failure reason is this:
 *  Baken's own words, never the browser's under them. */
export function errorSummary(e: unknown): string {
  return firstLine(e).slice(0, SUMMARY_CHARS);
}

/** errorSummary and its cause's first line when the message does not already say it: why a job failed. */
export function errorSummaryWithCause(e: unknown): string {
  const first = firstLine(e);
  const cause = e instanceof Error && e.cause !== undefined ? firstLine(e.cause) : '';
  return (cause && !first.includes(cause) ? `${first}: ${cause}` : first).slice(0, SUMMARY_CHARS);
}
