// The inspection-lists port (issue 14): per municipal theme and municipality, the ads the selection
// criteria chose, with what supervisors planned and found. Filled by InspectionService.refresh after
// each run; an entry a supervisor acted on is kept when the ad drops out of the selection.
import type { InspectionOutcome } from '../municipal/types.ts';

/** Why the selection chose an ad, as the supervisor reads it. */
export interface InspectionCriterion { id: string; label: string; reason: string }

export interface InspectionEntry {
  theme: string;
  /** CBS code. */
  municipality: string;
  adId: string;
  addedAt: string;
  criteria: InspectionCriterion[];
  /** False once the ad no longer meets the criteria; the entry stays for its plan or outcome. */
  selected: boolean;
  /** The day a visit is planned (YYYY-MM-DD). */
  plannedFor: string | null;
  outcome: InspectionOutcome | null;
  outcomeAt: string | null;
  outcomeBy: string | null;
  note: string | null;
}

export interface SelectedEntry { municipality: string; adId: string; criteria: InspectionCriterion[] }

export interface RefreshCounts { added: number; updated: number; unselected: number; removed: number }

export interface RecordedOutcome { outcome: InspectionOutcome; at: string; by: string; note: string | null }

export interface InspectionStore {
  /** In one transaction: adds the newly selected, renews the criteria of the still selected,
   *  marks the rest of the theme's entries unselected, and removes those of them nobody acted on
   *  (no plan, no outcome). */
  refresh(theme: string, selected: readonly SelectedEntry[], at: string): Promise<RefreshCounts>;
  /** The theme's entries, of one municipality when named, by municipality, then added, then ad. */
  entries(theme: string, municipality?: string): Promise<InspectionEntry[]>;
  /** False when the ad is not on the municipality's list. */
  plan(theme: string, municipality: string, adId: string, plannedFor: string | null): Promise<boolean>;
  /** False when the ad is not on the municipality's list. */
  recordOutcome(theme: string, municipality: string, adId: string, outcome: RecordedOutcome): Promise<boolean>;
  /** Outcomes recorded at `from` <= outcomeAt < `to` (ISO instants), per municipality and outcome. */
  outcomeCounts(theme: string, from: string, to: string): Promise<{ municipality: string; outcome: InspectionOutcome; count: number }[]>;
  /** Entries referred to the police at `from` <= outcomeAt < `to` in any of `themes`, per ISO week
   *  (YYYY-Www, UTC) of the outcome and municipality. */
  referralCounts(themes: readonly string[], from: string, to: string): Promise<{ week: string; municipality: string; count: number }[]>;
}
