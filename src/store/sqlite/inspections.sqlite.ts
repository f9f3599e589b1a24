// Inspection lists in the same SQLite file as the ads; an entry can only name an ad of its own theme.
import type { InspectionOutcome } from '../../municipal/types.ts';
import type { InspectionEntry, InspectionStore, RecordedOutcome, RefreshCounts, SelectedEntry } from '../inspections.ts';
import type { Statements } from './statements.sqlite.ts';

interface Row {
  theme: string; municipality: string; ad_id: string; added_at: string; criteria: string; selected: number; planned_for: string | null;
  outcome: InspectionOutcome | null; outcome_at: string | null; outcome_by: string | null; note: string | null;
}

export class SqliteInspections implements InspectionStore {
  readonly #s: Statements;

  constructor(statements: Statements) {
    this.#s = statements;
  }

  async refresh(theme: string, selected: readonly SelectedEntry[], at: string): Promise<RefreshCounts> {
    return this.#s.transaction(() => {
      const counts: RefreshCounts = { added: 0, updated: 0, unselected: 0, removed: 0 };
      this.#s.sql('CREATE TEMP TABLE IF NOT EXISTS inspection_selected (municipality TEXT NOT NULL, ad_id TEXT NOT NULL, PRIMARY KEY (municipality, ad_id))').run();
      this.#s.sql('DELETE FROM temp.inspection_selected').run();
      for (const s of selected) {
        const criteria = JSON.stringify(s.criteria);
        const updated = Number(this.#s.sql(`UPDATE inspection_entries SET criteria = ?, selected = 1
          WHERE theme = ? AND municipality = ? AND ad_id = ?`).run(criteria, theme, s.municipality, s.adId).changes);
        // The join on the theme keeps an ad of another theme off the list (purpose binding).
        const added = updated > 0 ? 0 : Number(this.#s.sql(`INSERT INTO inspection_entries (theme, municipality, ad_id, added_at, criteria, selected)
          SELECT a.theme, ?, a.id, ?, ?, 1 FROM ads a WHERE a.id = ? AND a.theme = ?`).run(s.municipality, at, criteria, s.adId, theme).changes);
        if (updated + added > 0) this.#s.sql('INSERT OR IGNORE INTO temp.inspection_selected VALUES (?, ?)').run(s.municipality, s.adId);
        counts.updated += updated;
        counts.added += added;
      }
      const dropped = `theme = ? AND NOT EXISTS (SELECT 1 FROM temp.inspection_selected s WHERE s.municipality = inspection_entries.municipality AND s.ad_id = inspection_entries.ad_id)`;
      counts.removed = Number(this.#s.sql(`DELETE FROM inspection_entries WHERE ${dropped} AND planned_for IS NULL AND outcome IS NULL`).run(theme).changes);
      counts.unselected = Number(this.#s.sql(`UPDATE inspection_entries SET selected = 0 WHERE ${dropped} AND selected = 1`).run(theme).changes);
      this.#s.sql('DELETE FROM temp.inspection_selected').run();
      return counts;
    });
  }

  async entries(theme: string, municipality?: string): Promise<InspectionEntry[]> {
    const rows = this.#s.sql(`SELECT * FROM inspection_entries WHERE theme = :theme AND (:municipality IS NULL OR municipality = :municipality)
      ORDER BY municipality, added_at, ad_id`).all({ theme, municipality: municipality ?? null }) as unknown as Row[];
    return rows.map(toEntry);
  }

  async plan(theme: string, municipality: string, adId: string, plannedFor: string | null): Promise<boolean> {
    return this.#s.sql('UPDATE inspection_entries SET planned_for = ? WHERE theme = ? AND municipality = ? AND ad_id = ?')
      .run(plannedFor, theme, municipality, adId).changes > 0;
  }

  async recordOutcome(theme: string, municipality: string, adId: string, o: RecordedOutcome): Promise<boolean> {
    return this.#s.sql('UPDATE inspection_entries SET outcome = ?, outcome_at = ?, outcome_by = ?, note = ? WHERE theme = ? AND municipality = ? AND ad_id = ?')
      .run(o.outcome, o.at, o.by, o.note, theme, municipality, adId).changes > 0;
  }

  async outcomeCounts(theme: string, from: string, to: string): Promise<{ municipality: string; outcome: InspectionOutcome; count: number }[]> {
    return this.#s.sql(`SELECT municipality, outcome, count(*) AS count FROM inspection_entries
      WHERE theme = ? AND outcome IS NOT NULL AND outcome_at >= ? AND outcome_at < ? GROUP BY municipality, outcome ORDER BY municipality, outcome`)
      .all(theme, from, to).map((r) => ({ municipality: String(r['municipality']), outcome: r['outcome'] as InspectionOutcome, count: Number(r['count']) }));
  }

  async referralCounts(themes: readonly string[], from: string, to: string): Promise<{ week: string; municipality: string; count: number }[]> {
    return this.#s.sql(`SELECT strftime('%G-W%V', outcome_at) AS week, municipality, count(*) AS count FROM inspection_entries
      WHERE theme IN (SELECT value FROM json_each(?)) AND outcome = 'referred-to-police' AND outcome_at >= ? AND outcome_at < ?
      GROUP BY week, municipality ORDER BY week, municipality`)
      .all(JSON.stringify(themes), from, to).map((r) => ({ week: String(r['week']), municipality: String(r['municipality']), count: Number(r['count']) }));
  }
}

function toEntry(r: Row): InspectionEntry {
  return {
    theme: r.theme, municipality: r.municipality, adId: r.ad_id, addedAt: r.added_at, criteria: JSON.parse(r.criteria) as InspectionEntry['criteria'],
    selected: r.selected === 1, plannedFor: r.planned_for, outcome: r.outcome, outcomeAt: r.outcome_at, outcomeBy: r.outcome_by, note: r.note,
  };
}
