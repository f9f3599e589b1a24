// What the audit trail records (Directive (EU) 2016/680 art. 25; DESIGN §2.6, §2a.5): a closed list
// of actions, so the trail can be queried by known keys. Resource ids and query parameters, never
// ad content.

export const AUDIT_ACTIONS = [
  'session.login', 'session.login-failed', 'session.logout', 'session.justify',
  'ads.search', 'ads.image-search', 'ads.read', 'ads.artefact', 'ads.network', 'ads.versions', 'ads.verify', 'ads.export',
  'entities.read',
  // Standing searches: saved, renewed, deleted, their inbox read, and each run's batch of hits.
  'searches.save', 'searches.renew', 'searches.delete', 'searches.read', 'searches.hits',
  'lists.read', 'lists.create', 'lists.add', 'lists.note', 'lists.remove', 'lists.delete', 'lists.export',
  // Since issue 13 every export is requested, decided and downloaded (exports.*); 'ads.export' and
  // 'lists.export' stay so that older trails still read.
  'exports.request', 'exports.approve', 'exports.refuse', 'exports.download', 'exports.read',
  'inspections.read', 'inspections.plan', 'inspections.outcome', 'inspections.referrals',
  'stats.read', 'audit.read', 'audit.verify',
  'config.read', 'config.change', 'config.evaluate', 'config.import', 'config.export',
  'users.read', 'users.change', 'tokens.read', 'tokens.change', 'jobs.read', 'health.read',
  'holds.read', 'holds.change', 'crawl.run', 'retention.purge',
  'reports.attachment', 'reports.processing',
  'exports.request', 'exports.approve', 'exports.refuse', 'exports.download',
  'transparency.read',
  'reference.import', 'reference.read', 'reference.delete',
  'monitor.read', 'reports.council',
  'store.copy',
  'request.refused',
  // A change recorded before it was made that then failed: its action in `query.action`.
  'request.failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  action: AuditAction;
  /** Login name or token label; null for a login attempt under an unknown name. */
  user: string | null;
  /** 'user', 'token', or 'cli' for an operator on the machine itself. */
  actor: 'user' | 'token' | 'cli';
  role: string | null;
  /** Themes the request touched; empty for account-level events (login, logout). */
  themes: string[];
  /** The themes the actor held when the event was written; null when the actor is unknown (a
   *  sign-in under a name that is no account). An auditor sees an event without themes only when
   *  holding all of these, so a municipal auditor never sees a police user's sign-ins. */
  actorThemes: string[] | null;
  resources: string[];
  query: Record<string, unknown>;
  /** How many items the request returned or changed. */
  count: number;
  client: string;
  /** Case number or "signal research" (DESIGN §2a.5), where the call asks for one. */
  justification: string | null;
  /** 'ok', or why a request was refused, failed or a login failed, as a stable code. */
  outcome: string;
  /** The HTTP status an API call that failed was answered with (409, 500…); absent when it succeeded. */
  status?: number;
}
