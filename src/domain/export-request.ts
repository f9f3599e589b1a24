// Nothing leaves Baken without a named human decision (issue 13): an export is requested with a
// justification, approved or refused by a second person, and only then downloaded, once, by whoever
// asked for it. Pure: the services supply who is asking and which themes and roles they hold.
import { BakenError } from './errors.ts';

export const EXPORT_STATES = ['requested', 'approved', 'refused', 'downloaded'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

export interface ExportRequest {
  id: string;
  /** A key of the export-kind registry (src/services/export-kinds.ts): 'warc', 'bundle', 'list-csv', … */
  kind: string;
  theme: string;
  /** The ad or list the export is of; null for a WARC of a whole theme. */
  subject: string | null;
  /** What the kind needs besides the subject (e.g. a PV's officer); never ad content. */
  params: Record<string, unknown>;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  state: ExportState;
  /** Who approved or refused, and when; the requester when the theme has four-eyes switched off. */
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why it was refused. */
  reason: string | null;
  downloadedAt: string | null;
  /** SHA-256 of the artefact that left, as its custody entry records it. */
  sha256: string | null;
}

/** Who decides or downloads: a person's login name or an operator's `--by` name, and the kind of
 *  actor, since a service token is nobody's decision. */
export interface Decider { name: string; kind: 'user' | 'token' | 'cli' }

/** A request may be decided once, by a named person other than its requester. */
export function assertMayDecide(request: ExportRequest, decider: Decider): void {
  if (decider.kind === 'token') {
    throw new BakenError('FORBIDDEN', 'a service token cannot approve or refuse an export: that takes a named person');
  }
  if (request.state !== 'requested') {
    throw new BakenError('CONFLICT', `export request ${request.id} was already ${request.state}${request.decidedBy ? ` by ${request.decidedBy}` : ''}`);
  }
  if (sameName(request.requestedBy, decider.name)) {
    throw new BakenError('FORBIDDEN', 'an export needs a second person: its requester cannot approve or refuse it');
  }
}

/** Only an approved request is downloadable, by its requester, and only once: a second copy would
 *  leave without a custody entry of its own decision. */
export function assertMayDownload(request: ExportRequest, downloader: Pick<Decider, 'name'>): void {
  if (!sameName(request.requestedBy, downloader.name)) {
    throw new BakenError('FORBIDDEN', `only the requester of export ${request.id} may download it`);
  }
  switch (request.state) {
    case 'requested': throw new BakenError('CONFLICT', `export ${request.id} awaits a second person's approval; it cannot be downloaded yet`);
    case 'refused': throw new BakenError('CONFLICT', `export ${request.id} was refused by ${request.decidedBy}: ${request.reason}`);
    case 'downloaded': throw new BakenError('CONFLICT', `export ${request.id} was downloaded at ${request.downloadedAt}; request it again for another copy`);
    case 'approved': return;
  }
}

/** With four-eyes off for the theme (theme YAML `exports.fourEyes: false`), the requester's own
 *  request stands approved under their name at once. */
export function initialDecision(fourEyes: boolean, requester: string): { state: ExportState; decidedBy: string | null } {
  return fourEyes ? { state: 'requested', decidedBy: null } : { state: 'approved', decidedBy: requester };
}

/** Login names ignore case (src/accounts/user-names.ts), so "Anna" cannot approve anna's request. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
