// Small-count suppression for published tables (DESIGN §2a.8), with complementary suppression: a
// table is a list of counts and the sums that tie them (a total and its parts). Hiding only the small
// counts is not enough, since a total minus the visible parts gives a hidden one back; so more cells
// are hidden until no hidden count can be worked out from what is shown.

/** One published sum: `total` = Σ `parts`, all indices into the table's counts. */
export interface SumRule { total: number; parts: number[] }

/**
 * Which counts to hide: every count below `minCount` (zero too: a shown zero tells that its hidden
 * neighbours are at least 1, and two of them summing to 2 are then both 1), and then, one at a time,
 * the smallest shown count that keeps a hidden one from being derived, until none can be.
 */
export function suppressedCells(counts: readonly number[], rules: readonly SumRule[], minCount: number): boolean[] {
  const hidden = counts.map((c) => c < minCount);
  const members = rules.map((r) => [r.total, ...r.parts]);
  for (;;) {
    // A sum with exactly one hidden member gives it away: the cheap, common case first.
    const lone = members.find((m) => m.filter((i) => hidden[i]).length === 1);
    const exposed = lone ? lone.find((i) => hidden[i])! : derivable(hidden, members);
    if (exposed === null) return hidden;
    const next = smallestShown(counts, hidden, members.filter((m) => m.includes(exposed)))
      ?? smallestShown(counts, hidden, members.filter((m) => m.some((i) => hidden[i])));
    if (next === null) return hidden;
    hidden[next] = true;
  }
}

function smallestShown(counts: readonly number[], hidden: boolean[], among: number[][]): number | null {
  let best: number | null = null;
  for (const i of among.flat()) if (!hidden[i] && (best === null || counts[i]! < counts[best]!)) best = i;
  return best;
}

/**
 * A hidden count that the sums fix exactly, or null. The hidden counts are the unknowns of the
 * linear system the rules make once the shown counts are filled in; an unknown is fixed when its
 * unit vector lies in the row space of that system.
 */
function derivable(hidden: boolean[], members: number[][]): number | null {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const column = new Map(unknowns.map((cell, j) => [cell, j]));
  const rows = members.map((m) => {
    const row = new Array<number>(unknowns.length).fill(0);
    m.forEach((cell, k) => { const j = column.get(cell); if (j !== undefined) row[j]! += k === 0 ? 1 : -1; });
    return row;
  });
  const basis = echelon(rows);
  for (const [j, cell] of unknowns.entries()) {
    const v = unknowns.map((_, k) => (k === j ? 1 : 0));
    for (const { pivot, row } of basis) {
      const f = v[pivot]!;
      if (f !== 0) for (let k = 0; k < v.length; k++) v[k]! -= f * row[k]!;
    }
    if (v.every((x) => Math.abs(x) < 1e-9)) return cell;
  }
  return null;
}

/** Reduced row echelon form (the sums have coefficients ±1, so floating point stays exact enough). */
function echelon(input: number[][]): { pivot: number; row: number[] }[] {
  const rows = input.map((r) => [...r]);
  const basis: { pivot: number; row: number[] }[] = [];
  const width = rows[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!)) best = i;
    if (Math.abs(rows[best]![col]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const p = pivotRow[col]!;
    for (let k = 0; k < width; k++) pivotRow[k]! /= p;
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]![col]!;
      if (i !== r && f !== 0) for (let k = 0; k < width; k++) rows[i]![k]! -= f * pivotRow[k]!;
    }
    basis.push({ pivot: col, row: pivotRow });
    r++;
  }
  return basis;
}
