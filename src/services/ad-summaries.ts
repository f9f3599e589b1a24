// The summaries of a list's ads (control list, inspection list), fetched in pages of the store's
// maximum page size.
import type { SearchHit } from '../store/store.ts';
import type { ServiceContext } from './context.ts';

const SUMMARY_PAGE = 200;

/** The summaries of the ads on a list, by id. */
export async function adSummaries(c: ServiceContext, theme: string, adIds: readonly string[]): Promise<Map<string, SearchHit>> {
  const summaries = new Map<string, SearchHit>();
  for (let i = 0; i < adIds.length; i += SUMMARY_PAGE) {
    const ids = adIds.slice(i, i + SUMMARY_PAGE);
    for (const hit of (await c.store.search({ themes: [theme], ids, limit: SUMMARY_PAGE })).hits) summaries.set(hit.id, hit);
  }
  return summaries;
}
