// An export request as GET /api/exports answers it (src/domain/export-request.ts).
export interface ExportRequest {
  id: string; kind: string; theme: string; subject: string | null; justification: string;
  requestedBy: string; requestedAt: string; state: 'requested' | 'approved' | 'refused' | 'downloaded';
  decidedBy: string | null; decidedAt: string | null; reason: string | null; downloadedAt: string | null; sha256: string | null;
}

export interface ExportLists { mine: ExportRequest[]; awaiting: ExportRequest[] }
