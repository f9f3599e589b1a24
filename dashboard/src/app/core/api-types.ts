// The shapes the API answers (docs/openapi.json); only what the dashboard reads.

export type Role = 'expert' | 'analyst' | 'supervisor' | 'admin' | 'auditor';

export interface SessionView {
  user: { id: string; name: string; role: Role; themes: string[] };
  csrfToken: string | null;
  expiresAt: string | null;
  justification: string | null;
}

export interface Problem {
  status: number; code: string; detail: string; title?: string;
  errors?: { in: string; path: string; message: string }[];
  /** An imported file's bad rows, numbered as in the file (the header is row 1). */
  rows?: { row: number; field?: string; reason: string }[];
}
