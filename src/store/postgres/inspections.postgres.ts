// Inspection lists in the same PostgreSQL database as the ads; an entry can only name an ad of its own theme.
import type { InspectionOutcome } from '../../municipal/types.ts';
import type { InspectionEntry, InspectionStore, RecordedOutcome, RefreshCounts, SelectedEntry } from '../inspections.ts';
import { transaction, type Pool } from './database.postgres.ts';

interface Row {
  theme: string; municipality: string; ad_id: string; added_at: string; criteria: InspectionEntry['criteria']; selected: boolean;
  planned_for: string | null; outcome: InspectionOutcome | null; outcome_at: string | null; outcome_by: string | null; note: string | null;
}

export class PostgresInspections implements InspectionStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async refresh(theme: string, selected: readonly SelectedEntry[], at: string): Promise<RefreshCounts> {
    return transaction(this.#pool, async (client) => {
      // One refresh of a theme at a time, so two runs finishing together cannot interleave.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('inspection_entries:' || $1))", [theme]);
      const counts: RefreshCounts = { added: 0, updated: 0, unselected: 0, removed: 0 };
      const kept: { municipality: string; adId: string }[] = [];
      for (const s of selected) {
        const criteria = JSON.stringify(s.criteria);
        const updated = (await client.query(`UPDATE inspection_entries SET criteria = $1, selected = true
          WHERE theme = $2 AND municipality = $3 AND ad_id = $4`, [criteria, theme, s.municipality, s.adId])).rowCount ?? 0;
        // The join on the theme keeps an ad of another theme off the list (purpose binding).
        const added = updated > 0 ? 0 : (await client.query(`INSERT INTO inspection_entries (theme, municipality, ad_id, added_at, criteria, selected)
          SELECT a.theme, $1, a.id, $2, $3, true FROM ads a WHERE a.id = $4 AND a.theme = $5`, [s.municipality, at, criteria, s.adId, theme])).rowCount ?? 0;
        if (updated + added > 0) kept.push({ municipality: s.municipality, adId: s.adId });
        counts.updated += updated;
        counts.added += added;
      }
      const dropped = `theme = $1 AND (municipality, ad_id) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))`;
      const params = [theme, kept.map((k) => k.municipality), kept.map((k) => k.adId)];
      counts.removed = (await client.query(`DELETE FROM inspection_entries WHERE ${dropped} AND planned_for IS NULL AND outcome IS NULL`, params)).rowCount ?? 0;
      counts.unselected = (await client.query(`UPDATE inspection_entries SET selected = false WHERE ${dropped} AND selected`, params)).rowCount ?? 0;
      return counts;
    });
  }

  async entries(theme: string, municipality?: string): Promise<InspectionEntry[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT * FROM inspection_entries WHERE theme = $1 AND ($2::text IS NULL OR municipality = $2)
      ORDER BY municipality COLLATE "C", added_at COLLATE "C", ad_id COLLATE "C"`, [theme, municipality ?? null]);
    return rows.map(toEntry);
  }

  async plan(theme: string, municipality: string, adId: string, plannedFor: string | null): Promise<boolean> {
    const { rowCount } = await this.#pool.query('UPDATE inspection_entries SET planned_for = $1 WHERE theme = $2 AND municipality = $3 AND ad_id = $4',
      [plannedFor, theme, municipality, adId]);
    return (rowCount ?? 0) > 0;
  }

  async recordOutcome(theme: string, municipality: string, adId: string, o: RecordedOutcome): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`UPDATE inspection_entries SET outcome = $1, outcome_at = $2, outcome_by = $3, note = $4
      WHERE theme = $5 AND municipality = $6 AND ad_id = $7`, [o.outcome, o.at, o.by, o.note, theme, municipality, adId]);
    return (rowCount ?? 0) > 0;
  }

  async outcomeCounts(theme: string, from: string, to: string): Promise<{ municipality: string; outcome: InspectionOutcome; count: number }[]> {
    const { rows } = await this.#pool.query<{ municipality: string; outcome: InspectionOutcome; count: number }>(`
      SELECT municipality, outcome, count(*)::int AS count FROM inspection_entries
      WHERE theme = $1 AND outcome IS NOT NULL AND outcome_at >= $2 AND outcome_at < $3
      GROUP BY municipality, outcome ORDER BY municipality COLLATE "C", outcome COLLATE "C"`, [theme, from, to]);
    return rows;
  }

  async referralCounts(themes: readonly string[], from: string, to: string): Promise<{ week: string; municipality: string; count: number }[]> {
    const { rows } = await this.#pool.query<{ week: string; municipality: string; count: number }>(`
      SELECT to_char(outcome_at::timestamptz AT TIME ZONE 'UTC', 'IYYY-"W"IW') AS week, municipality, count(*)::int AS count
      FROM inspection_entries WHERE theme = ANY($1::text[]) AND outcome = 'referred-to-police' AND outcome_at >= $2 AND outcome_at < $3
      GROUP BY week, municipality ORDER BY week, municipality COLLATE "C"`, [themes, from, to]);
    return rows;
  }
}

function toEntry(r: Row): InspectionEntry {
  return {
    theme: r.theme, municipality: r.municipality, adId: r.ad_id, addedAt: r.added_at, criteria: r.criteria, selected: r.selected,
    plannedFor: r.planned_for, outcome: r.outcome, outcomeAt: r.outcome_at, outcomeBy: r.outcome_by, note: r.note,
  };
}
