// The arithmetic of a long result list shown a screen at a time: which pages of the answer the rows in
// view need, and which fetched rows are far enough from view to let go of their pictures.

export interface Range { start: number; end: number }

/** The pages (from 1) holding rows start..end-1, widened by `margin` rows each side, within `total`. */
export function pagesFor(range: Range, pageSize: number, total: number, margin = 0): number[] {
  if (total <= 0 || pageSize <= 0) return [];
  const start = Math.max(0, range.start - margin);
  const end = Math.min(total, range.end + margin);
  if (end <= start) return [];
  const first = Math.floor(start / pageSize) + 1;
  const last = Math.floor((end - 1) / pageSize) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The rows of one page: offset of its first row and how many rows it holds, the last page being short. */
export function rowsOf(page: number, pageSize: number, total: number): Range {
  const start = (page - 1) * pageSize;
  return { start, end: Math.min(total, start + pageSize) };
}

/** Whether row `index` lies within `margin` rows of the range shown. */
export function isNear(index: number, range: Range, margin: number): boolean {
  return index >= range.start - margin && index < range.end + margin;
}

/** The active row after a key press, kept within 0..total-1; null for a key that does not move. */
export function moved(key: string, active: number, total: number, pageRows: number): number | null {
  if (total === 0) return null;
  const to = (i: number) => Math.min(total - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown': return to(active + 1);
    case 'ArrowUp': return to(active - 1);
    case 'PageDown': return to(active + Math.max(1, pageRows));
    case 'PageUp': return to(active - Math.max(1, pageRows));
    case 'Home': return 0;
    case 'End': return total - 1;
    default: return null;
  }
}

/** The rows of an answer fetched so far, by index; a page is asked for once (again only after it failed). */
export class PageCache<T> {
  readonly #pageSize: number;
  readonly #asked = new Set<number>();
  #rows: (T | null)[];

  constructor(total: number, pageSize: number) {
    this.#pageSize = pageSize;
    this.#rows = new Array<T | null>(total).fill(null);
  }

  get rows(): readonly (T | null)[] { return this.#rows; }

  /** Of these pages, the ones not asked for yet, now marked as asked. */
  claim(pages: readonly number[]): number[] {
    const fresh = pages.filter((p) => !this.#asked.has(p));
    for (const p of fresh) this.#asked.add(p);
    return fresh;
  }

  /** Puts a fetched page in place; a new array, so a view that compares by identity sees the change. */
  fill(page: number, items: readonly T[]): void {
    const rows = this.#rows.slice();
    const start = (page - 1) * this.#pageSize;
    items.forEach((item, k) => { if (start + k < rows.length) rows[start + k] = item; });
    this.#rows = rows;
  }

  /** A page that failed may be asked for again. */
  release(page: number): void {
    this.#asked.delete(page);
  }
}
