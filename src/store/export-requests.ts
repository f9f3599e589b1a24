// The export-requests port: what was asked to leave Baken, who decided, and what left (issue 13).
// Every read takes the themes the caller may see; a request of another theme is simply not there.
// The state changes are conditional writes, so two approvers or two downloads racing win once.
import type { ExportRequest } from '../domain/export-request.ts';

export type NewExportRequest = Pick<ExportRequest, 'kind' | 'theme' | 'subject' | 'params' | 'justification' | 'requestedBy' | 'state' | 'decidedBy'>;

export interface ExportRequestQuery {
  themes: readonly string[];
  requestedBy?: string;
  state?: ExportRequest['state'];
}

export interface ExportRequestStore {
  /** `at` is the request's time, and its decision's when it is approved at once. */
  addExportRequest(request: NewExportRequest, at: string): Promise<ExportRequest>;
  exportRequest(id: string, themes: readonly string[]): Promise<ExportRequest | null>;
  /** Newest first. */
  exportRequests(query: ExportRequestQuery): Promise<ExportRequest[]>;
  /** Approves or refuses a request still waiting, by anyone but its requester; false otherwise. */
  decideExportRequest(id: string, decision: { state: 'approved' | 'refused'; by: string; reason: string | null }, at: string): Promise<boolean>;
  /** Marks an approved request downloaded by its requester, with the artefact's hash; false when it
   *  was not approved (or already downloaded) or `by` did not request it. */
  markExportDownloaded(id: string, by: string, sha256: string, at: string): Promise<boolean>;
}
