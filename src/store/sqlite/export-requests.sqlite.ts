// Export requests in the same SQLite file as the ads and the lists.
import { randomUUID } from 'node:crypto';
import type { ExportRequest } from '../../domain/export-request.ts';
import type { ExportRequestQuery, ExportRequestStore, NewExportRequest } from '../export-requests.ts';
import type { Statements } from './statements.sqlite.ts';

interface Row {
  id: string; kind: string; theme: string; subject: string | null; params: string; justification: string; requested_by: string;
  requested_at: string; state: ExportRequest['state']; decided_by: string | null; decided_at: string | null; reason: string | null;
  downloaded_at: string | null; sha256: string | null;
}

const THEMES = 'theme IN (SELECT value FROM json_each(:themes))';

export class SqliteExportRequests implements ExportRequestStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async addExportRequest(r: NewExportRequest, at: string): Promise<ExportRequest> {
    const id = randomUUID();
    this.#s.sql(`INSERT INTO export_requests (id, kind, theme, subject, params, justification, requested_by, requested_at, state, decided_by, decided_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, r.kind, r.theme, r.subject, JSON.stringify(r.params), r.justification, r.requestedBy, at, r.state, r.decidedBy, r.decidedBy === null ? null : at);
    return (await this.exportRequest(id, [r.theme]))!;
  }

  async exportRequest(id: string, themes: readonly string[]): Promise<ExportRequest | null> {
    const row = this.#s.sql(`SELECT * FROM export_requests WHERE id = :id AND ${THEMES}`).get({ id, themes: JSON.stringify(themes) }) as Row | undefined;
    return row ? toRequest(row) : null;
  }

  async exportRequests(q: ExportRequestQuery): Promise<ExportRequest[]> {
    const rows = this.#s.sql(`SELECT * FROM export_requests WHERE ${THEMES}
      AND (:by IS NULL OR lower(requested_by) = lower(:by)) AND (:state IS NULL OR state = :state) ORDER BY requested_at DESC, id`)
      .all({ themes: JSON.stringify(q.themes), by: q.requestedBy ?? null, state: q.state ?? null }) as unknown as Row[];
    return rows.map(toRequest);
  }

  async decideExportRequest(id: string, d: { state: 'approved' | 'refused'; by: string; reason: string | null }, at: string): Promise<boolean> {
    return this.#s.sql(`UPDATE export_requests SET state = ?, decided_by = ?, decided_at = ?, reason = ?
      WHERE id = ? AND state = 'requested' AND lower(requested_by) <> lower(?)`).run(d.state, d.by, at, d.reason, id, d.by).changes > 0;
  }

  async markExportDownloaded(id: string, by: string, sha256: string, at: string): Promise<boolean> {
    return this.#s.sql(`UPDATE export_requests SET state = 'downloaded', downloaded_at = ?, sha256 = ?
      WHERE id = ? AND state = 'approved' AND lower(requested_by) = lower(?)`).run(at, sha256, id, by).changes > 0;
  }
}

function toRequest(r: Row): ExportRequest {
  return {
    id: r.id, kind: r.kind, theme: r.theme, subject: r.subject, params: JSON.parse(r.params) as Record<string, unknown>,
    justification: r.justification, requestedBy: r.requested_by, requestedAt: r.requested_at, state: r.state, decidedBy: r.decided_by,
    decidedAt: r.decided_at, reason: r.reason, downloadedAt: r.downloaded_at, sha256: r.sha256,
  };
}
