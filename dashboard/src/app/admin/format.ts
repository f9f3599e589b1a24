// Small pure helpers of the admin pages: a job's result in one line, the jobs of one state.
export type JobState = 'queued' | 'running' | 'done' | 'failed';
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'failed'];

/** `{captured: 3, kept: 2}` → `captured 3 · kept 2`; nothing → an empty string. */
export function resultSummary(result: Readonly<Record<string, string | number>> | null): string {
  if (!result) return '';
  return Object.entries(result).map(([k, v]) => `${k} ${v}`).join(' · ');
}

export function jobsIn<T extends { state: JobState }>(jobs: readonly T[], state: JobState | ''): T[] {
  return state === '' ? [...jobs] : jobs.filter((j) => j.state === state);
}

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);
}

/** A date input's day (YYYY-MM-DD) as the end of that day in UTC, as `expiresAt` takes it. */
export function endOfDay(day: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59Z` : undefined;
}

/** A share as a percentage with one decimal (0.871 → "87.1%", "87,1%" in Dutch); '—' for none. */
export function percent(value: number | null, locale: string): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
