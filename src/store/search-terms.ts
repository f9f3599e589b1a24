// Turns a caller's search box into plain word tokens. No adapter ever hands user input to its
// query language: FTS5 and tsquery syntax (quotes, *, NEAR, column:) would be an injection route.
import type { SearchQuery } from './store.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

/** `null` when there is no text filter; an empty list when text was given but holds no word,
 *  which must match nothing rather than everything. */
export function wordTokens(text: string | undefined): string[] | null {
  if (text === undefined || text.trim() === '') return null;
  return text.normalize('NFC').match(WORD) ?? [];
}

export function pageOf(query: SearchQuery): { limit: number; offset: number } {
  const limit = Number.isFinite(query.limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit!))) : DEFAULT_LIMIT;
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset!)) : 0;
  return { limit, offset };
}
