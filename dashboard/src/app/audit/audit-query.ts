// The audit trail's filters ⇄ the page's URL ⇄ the API's query string (GET /api/audit), so a
// filtered trail can be bookmarked, shared and reloaded. Pure, so it is tested without a browser.

// The API's closed list of actions, from the one place that defines it (pure data, no I/O).
import { AUDIT_ACTIONS, type AuditAction } from '../../../../src/domain/audit-event.ts';

export { AUDIT_ACTIONS, type AuditAction };

export const PAGE_SIZE = 50;

export interface AuditFilter {
  user: string;
  action: AuditAction | '';
  /** ok, or a refusal's or failed sign-in's code, as the trail records it. */
  outcome: string;
  theme: string;
  /** YYYY-MM-DD, the first day (inclusive). */
  from: string;
  /** YYYY-MM-DD, the last day (inclusive). */
  to: string;
  page: number;
}

export const NO_FILTER: AuditFilter = { user: '', action: '', outcome: '', theme: '', from: '', to: '', page: 1 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter a URL's query holds; anything malformed is left out, never sent on. */
export function filterFromQuery(query: Readonly<Record<string, string | null | undefined>>): AuditFilter {
  const text = (key: string) => (query[key] ?? '').trim();
  const action = text('action');
  const page = Number(text('page'));
  return {
    user: text('user').slice(0, 100),
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    outcome: text('outcome').slice(0, 100),
    theme: /^[a-z0-9][a-z0-9-]*$/.test(text('theme')) ? text('theme') : '',
    from: DAY.test(text('from')) ? text('from') : '',
    to: DAY.test(text('to')) ? text('to') : '',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The URL query of a filter: only what is set, page 1 left out. */
export function queryOfFilter(f: AuditFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.user) q['user'] = f.user;
  if (f.action) q['action'] = f.action;
  if (f.outcome) q['outcome'] = f.outcome;
  if (f.theme) q['theme'] = f.theme;
  if (f.from) q['from'] = f.from;
  if (f.to) q['to'] = f.to;
  if (f.page > 1) q['page'] = String(f.page);
  return q;
}

/** What GET /api/audit is asked: the newest events first. */
export function apiParams(f: AuditFilter): Record<string, string> {
  return { ...queryOfFilter(f), order: 'desc', page: String(f.page), pageSize: String(PAGE_SIZE) };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Outcomes the trail records often, offered as suggestions; any other can be typed. */
export const COMMON_OUTCOMES = ['ok', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_REJECTED', 'JUSTIFICATION_REQUIRED', 'wrong-password', 'awaiting-approval', 'unknown-user'] as const;

/** The current calendar month (UTC) as GET /api/stats takes it. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export interface Bar { label: string; value: number; width: number }

/** Bars for counts (null, a suppressed count, gives no bar), scaled to the widest. */
export function bars(items: readonly { label: string; value: number | null }[], width: number): Bar[] {
  const max = Math.max(0, ...items.map((i) => i.value ?? 0));
  return items.filter((i) => i.value !== null).map((i) => ({
    label: i.label, value: i.value!, width: max === 0 ? 0 : Math.round((i.value! / max) * width),
  }));
}
