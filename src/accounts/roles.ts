// The five roles of DESIGN.md §1 and what each may do. Deny by default (Wpg art. 6): an action a
// role does not list here is refused, whatever the theme.

export const ROLES = ['expert', 'analyst', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'ads.search', 'ads.read', 'ads.hits', 'ads.artefacts', 'ads.network', 'ads.entities', 'ads.hold', 'ads.export',
  'searches.standing',
  'lists.read', 'lists.write',
  'inspections.read', 'inspections.write', 'referrals.read',
  'exports.use',
  'stats.read',
  'audit.read',
  'config.read', 'config.write',
  'users.read', 'users.write',
  'tokens.read', 'tokens.write',
  'jobs.read', 'health.read',
  'crawl.run', 'retention.purge',
  'processing.read',
  'reference.read', 'reference.write', 'monitor.read',
  'store.copy',
] as const;
export type Action = (typeof ACTIONS)[number];

// 'exports.use': requesting, deciding and downloading exports; which kinds of export a role may
// handle is the kind's own action (src/services/export-kinds.ts), e.g. 'ads.export' for a WARC.
// The monitor, inspection lists and referral counts exist in one kind of theme only (KIND_ONLY):
// granting them to every content reader keeps the answer to anyone else a plain 404, as for another
// theme's resources.
// 'ads.entities': the page of a phone number, picture or template text, with every kept ad of the
// theme that carries it; in a municipal theme it shows only what the theme's field allow-list kept.
// It links ads to a person as the network view does, so it is granted with it (finding 5).
const CONTENT_READER: Action[] = [
  'ads.search', 'ads.read', 'ads.artefacts', 'lists.read', 'lists.write', 'exports.use', 'stats.read',
  'monitor.read', 'inspections.read', 'inspections.write', 'referrals.read',
];

export const GRANTS: Record<Role, ReadonlySet<Action>> = {
  // Experts alone see which indicators hit and why (indicator secrecy, DESIGN §2.7), and link an ad
  // to a case, which keeps it past retention (DESIGN §2.4).
  // Standing searches (issue 16) are the specialists' own: a search left standing over new ads.
  expert: new Set([...CONTENT_READER, 'ads.hits', 'ads.network', 'ads.entities', 'ads.hold', 'ads.export', 'searches.standing']),
  analyst: new Set([...CONTENT_READER, 'ads.network', 'ads.entities', 'searches.standing']),
  // Linking ads by phone number combines personal data; municipal supervision has no basis for it.
  // The municipality's own registers (licences, KvK, crime reports) are kept by its supervisors.
  supervisor: new Set([...CONTENT_READER, 'reference.read', 'reference.write']),
  // Configuration and health, never ad content; collection and erasure run under an admin's name.
  admin: new Set([
    'stats.read', 'config.read', 'config.write', 'users.read', 'users.write', 'tokens.read', 'tokens.write', 'jobs.read', 'health.read',
    'crawl.run', 'retention.purge', 'processing.read', 'reference.read', 'reference.write',
    // Moving the installation between engines (`baken store copy`) copies ad content it never reads.
    'store.copy',
  ]),
  // Oversight: the audit trail and figures, never ad content. The record of processing is what the
  // admin keeps (the configuration) and what oversight checks it against: both read it, no one else.
  auditor: new Set(['audit.read', 'stats.read', 'processing.read']),
};

/** Theme kinds a role may ever hold. A supervisor never sees a police theme, even if granted one. */
export const THEME_KINDS: Record<Role, ReadonlySet<string>> = {
  expert: new Set(['police', 'municipal']),
  analyst: new Set(['police', 'municipal']),
  supervisor: new Set(['municipal']),
  admin: new Set(['police', 'municipal']),
  auditor: new Set(['police', 'municipal']),
};

/** Actions that exist in one kind of theme only, and the roles that may do them there: a
 *  municipality's own supervision data (its registers, its monitor, its inspection lists) for its
 *  supervisors, so police roles never see municipal data even when they hold a municipal theme; and
 *  the count of referrals municipalities sent, for police roles. */
export const KIND_ONLY: Partial<Record<Action, { kind: 'police' | 'municipal'; roles: ReadonlySet<Role> }>> = {
  'monitor.read': { kind: 'municipal', roles: new Set(['supervisor']) },
  'inspections.read': { kind: 'municipal', roles: new Set(['supervisor']) },
  'inspections.write': { kind: 'municipal', roles: new Set(['supervisor']) },
  'reference.read': { kind: 'municipal', roles: new Set(['supervisor', 'admin']) },
  'reference.write': { kind: 'municipal', roles: new Set(['supervisor', 'admin']) },
  'referrals.read': { kind: 'police', roles: new Set(['expert', 'analyst']) },
};

/** Whether a role may do an action on a theme of this kind at all (it must still hold the theme). */
export function mayActOnKind(role: Role, action: Action, kind: string): boolean {
  const only = KIND_ONLY[action];
  return THEME_KINDS[role].has(kind) && (!only || (kind === only.kind && only.roles.has(role)));
}

/** Roles that read ad content: a token of one needs a second admin's approval (four-eyes), so no
 *  admin can give themselves the content access their own role lacks. */
export function readsContent(role: Role): boolean {
  return GRANTS[role].has('ads.read');
}

/** Whether `to` may do anything `from` may not: a change of role that gives nothing more (expert to
 *  analyst) needs no second admin; analyst to supervisor does (a municipality's registers). */
export function grantsMore(from: Role, to: Role): boolean {
  return [...GRANTS[to]].some((action) => !GRANTS[from].has(action));
}

/** A content-reading account an admin made, or let read more, waits for a second admin's approval
 *  (UsersService) and cannot sign in until then. Admins and auditors read no content: never waiting. */
export function awaitsApproval(account: { role: Role; approvedAt: string | null }): boolean {
  return readsContent(account.role) && account.approvedAt === null;
}

/** Roles that must log in with a second factor when `auth.requireTotp` is on. */
export const TOTP_ROLES: ReadonlySet<Role> = new Set(['expert', 'admin']);

export function needsTotp(role: Role, requireTotp: boolean): boolean {
  return requireTotp && TOTP_ROLES.has(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
