// Per-source health on PostgreSQL (schema-health.postgres.ts), as health.sqlite.ts does it. Each
// count is one atomic upsert, so workers counting pages of one run at once all add up.
import { EXTRACTION_OUTCOMES, type ExtractionOutcome } from '../../analyse/extraction-yield.ts';
import type { FailureCount, SourceAlert, SourceYield } from '../store.ts';
import { normaliseUtc } from '../validate.ts';
import type { Queryable } from './database.postgres.ts';

export async function countExtraction(db: Queryable, runId: string, source: string, outcome: ExtractionOutcome): Promise<void> {
  // The column comes from the closed list, never from the caller's string.
  const column = EXTRACTION_OUTCOMES.find((o) => o === outcome);
  if (!column) throw new Error(`no extraction outcome "${outcome}"`);
  await db.query(`INSERT INTO run_yields (run_id, source, ${column}) VALUES ($1, $2, 1)
    ON CONFLICT (run_id, source) DO UPDATE SET ${column} = run_yields.${column} + 1`, [runId, source]);
}

export async function extractionYields(db: Queryable, theme: string): Promise<SourceYield[]> {
  const { rows } = await db.query<{ run_id: string; source: string; complete: number; partial: number; empty: number }>(
    `SELECT y.run_id, y.source, y.complete, y.partial, y.empty FROM run_yields y JOIN runs r ON r.id = y.run_id
     WHERE r.theme = $1 ORDER BY r.started_at DESC, r.id COLLATE "C", y.source COLLATE "C"`, [theme]);
  return rows.map((r) => ({ runId: r.run_id, source: r.source, complete: r.complete, partial: r.partial, empty: r.empty }));
}

export async function failureCounts(db: Queryable, theme: string): Promise<FailureCount[]> {
  const { rows } = await db.query<{ run_id: string; source: string; reason: string; pages: number }>(
    `SELECT f.run_id, f.source, f.reason, count(*)::integer AS pages FROM run_failures f JOIN runs r ON r.id = f.run_id
     WHERE r.theme = $1 GROUP BY f.run_id, f.source, f.reason ORDER BY f.run_id COLLATE "C", f.source COLLATE "C", f.reason COLLATE "C"`, [theme]);
  return rows.map((r) => ({ runId: r.run_id, source: r.source, reason: r.reason, pages: r.pages }));
}

export async function raiseAlert(db: Queryable, a: SourceAlert): Promise<void> {
  await db.query(`INSERT INTO source_alerts (run_id, theme, source, kind, yield, baseline, floor, raised_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (run_id, source, kind) DO UPDATE SET yield = excluded.yield, baseline = excluded.baseline, floor = excluded.floor,
      raised_at = excluded.raised_at`, [a.runId, a.theme, a.source, a.kind, a.yield, a.baseline, a.floor, normaliseUtc(a.raisedAt)]);
}

export async function alerts(db: Queryable, theme: string): Promise<SourceAlert[]> {
  const { rows } = await db.query<{ run_id: string; theme: string; source: string; kind: 'yield-drop'; yield: number; baseline: number | null; floor: number; raised_at: string }>(
    'SELECT * FROM source_alerts WHERE theme = $1 ORDER BY raised_at DESC, source COLLATE "C"', [theme]);
  return rows.map((r) => ({
    theme: r.theme, source: r.source, runId: r.run_id, kind: r.kind, yield: r.yield, baseline: r.baseline, floor: r.floor, raisedAt: r.raised_at,
  }));
}
