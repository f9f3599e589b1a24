// Export requests in the same PostgreSQL database as the ads and the lists.
import { randomUUID } from 'node:crypto';
import type { ExportRequest } from '../../domain/export-request.ts';
import type { ExportRequestQuery, ExportRequestStore, NewExportRequest } from '../export-requests.ts';
import type { Pool } from './database.postgres.ts';

interface Row {
  id: string; kind: string; theme: string; subject: string | null; params: Record<string, unknown>; justification: string; requested_by: string;
  requested_at: string; state: ExportRequest['state']; decided_by: string | null; decided_at: string | null; reason: string | null;
  downloaded_at: string | null; sha256: string | null;
}

export class PostgresExportRequests implements ExportRequestStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async addExportRequest(r: NewExportRequest, at: string): Promise<ExportRequest> {
    const id = randomUUID();
    await this.#pool.query(`INSERT INTO export_requests (id, kind, theme, subject, params, justification, requested_by, requested_at, state, decided_by, decided_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, r.kind, r.theme, r.subject, JSON.stringify(r.params), r.justification, r.requestedBy, at, r.state, r.decidedBy, r.decidedBy === null ? null : at]);
    return (await this.exportRequest(id, [r.theme]))!;
  }

  async exportRequest(id: string, themes: readonly string[]): Promise<ExportRequest | null> {
    const { rows } = await this.#pool.query<Row>('SELECT * FROM export_requests WHERE id = $1 AND theme = ANY($2::text[])', [id, themes]);
    return rows[0] ? toRequest(rows[0]) : null;
  }

  async exportRequests(q: ExportRequestQuery): Promise<ExportRequest[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT * FROM export_requests WHERE theme = ANY($1::text[])
      AND ($2::text IS NULL OR lower(requested_by) = lower($2)) AND ($3::text IS NULL OR state = $3) ORDER BY requested_at DESC, id`,
    [q.themes, q.requestedBy ?? null, q.state ?? null]);
    return rows.map(toRequest);
  }

  async decideExportRequest(id: string, d: { state: 'approved' | 'refused'; by: string; reason: string | null }, at: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`UPDATE export_requests SET state = $1, decided_by = $2, decided_at = $3, reason = $4
      WHERE id = $5 AND state = 'requested' AND lower(requested_by) <> lower($2)`, [d.state, d.by, at, d.reason, id]);
    return (rowCount ?? 0) > 0;
  }

  async markExportDownloaded(id: string, by: string, sha256: string, at: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`UPDATE export_requests SET state = 'downloaded', downloaded_at = $1, sha256 = $2
      WHERE id = $3 AND state = 'approved' AND lower(requested_by) = lower($4)`, [at, sha256, id, by]);
    return (rowCount ?? 0) > 0;
  }
}

function toRequest(r: Row): ExportRequest {
  return {
    id: r.id, kind: r.kind, theme: r.theme, subject: r.subject, params: r.params, justification: r.justification, requestedBy: r.requested_by,
    requestedAt: r.requested_at, state: r.state, decidedBy: r.decided_by, decidedAt: r.decided_at, reason: r.reason,
    downloadedAt: r.downloaded_at, sha256: r.sha256,
  };
}
