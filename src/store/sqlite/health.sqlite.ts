// Per-source health on SQLite (schema-health.sql.ts): extraction counts per run and source, failures
// by reason, and the alerts of runs whose extractor yield dropped.
import type { StatementSync } from 'node:sqlite';
import { EXTRACTION_OUTCOMES, type ExtractionOutcome } from '../../analyse/extraction-yield.ts';
import type { FailureCount, SourceAlert, SourceYield } from '../store.ts';
import { normaliseUtc } from '../validate.ts';

type Sql = (text: string) => StatementSync;

export function countExtraction(sql: Sql, runId: string, source: string, outcome: ExtractionOutcome): void {
  // The column comes from the closed list, never from the caller's string.
  const column = EXTRACTION_OUTCOMES.find((o) => o === outcome);
  if (!column) throw new Error(`no extraction outcome "${outcome}"`);
  sql(`INSERT INTO run_yields (run_id, source, ${column}) VALUES (?, ?, 1)
    ON CONFLICT (run_id, source) DO UPDATE SET ${column} = ${column} + 1`).run(runId, source);
}

export function extractionYields(sql: Sql, theme: string): SourceYield[] {
  const rows = sql(`SELECT y.run_id, y.source, y.complete, y.partial, y.empty FROM run_yields y JOIN runs r ON r.id = y.run_id
    WHERE r.theme = ? ORDER BY r.started_at DESC, r.id, y.source`).all(theme) as unknown as
    { run_id: string; source: string; complete: number; partial: number; empty: number }[];
  return rows.map((r) => ({ runId: r.run_id, source: r.source, complete: r.complete, partial: r.partial, empty: r.empty }));
}

export function failureCounts(sql: Sql, theme: string): FailureCount[] {
  const rows = sql(`SELECT f.run_id, f.source, f.reason, count(*) AS pages FROM run_failures f JOIN runs r ON r.id = f.run_id
    WHERE r.theme = ? GROUP BY f.run_id, f.source, f.reason ORDER BY f.run_id, f.source, f.reason`).all(theme) as unknown as
    { run_id: string; source: string; reason: string; pages: number }[];
  return rows.map((r) => ({ runId: r.run_id, source: r.source, reason: r.reason, pages: r.pages }));
}

export function raiseAlert(sql: Sql, a: SourceAlert): void {
  sql(`INSERT INTO source_alerts (run_id, theme, source, kind, yield, baseline, floor, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, source, kind) DO UPDATE SET yield = excluded.yield, baseline = excluded.baseline, floor = excluded.floor,
      raised_at = excluded.raised_at`).run(a.runId, a.theme, a.source, a.kind, a.yield, a.baseline, a.floor, normaliseUtc(a.raisedAt));
}

export function alerts(sql: Sql, theme: string): SourceAlert[] {
  const rows = sql('SELECT * FROM source_alerts WHERE theme = ? ORDER BY raised_at DESC, source').all(theme) as unknown as
    { run_id: string; theme: string; source: string; kind: 'yield-drop'; yield: number; baseline: number | null; floor: number; raised_at: string }[];
  return rows.map((r) => ({
    theme: r.theme, source: r.source, runId: r.run_id, kind: r.kind, yield: r.yield, baseline: r.baseline, floor: r.floor, raisedAt: r.raised_at,
  }));
}
