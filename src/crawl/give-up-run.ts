// A run no one will finish (its owner is gone, or stopped on a signal with no one else to take it)
// is given up: finished as abandoned with what is known. Shared by the crawl and housekeeping.
import { BakenError } from '../domain/errors.ts';
import type { AdStore, StagingStore } from '../store/store.ts';
import type { Frontier } from './frontier.ts';

export type RunsToGiveUp = Pick<AdStore, 'finishRun'> & StagingStore;

/** Finishes the run as abandoned with what is known (the outcomes of its pages; its staged ads
 *  deleted), purges its staging and forgets its pages; returns how many of each were left. */
export async function giveUpRun(frontier: Frontier, store: RunsToGiveUp, runId: string, now: Date): Promise<{ pages: number; staged: number }> {
  const { outcomes, failures } = await frontier.results(runId);
  const counts = { captured: outcomes.kept + outcomes.deleted + outcomes.staged, kept: outcomes.kept, deleted: outcomes.deleted + outcomes.staged, failed: failures.length };
  // Finished first, so a worker that dies here leaves the run to the next one; another worker may
  // have finished it at the same moment: the run is finished once.
  await store.finishRun(runId, counts, now.toISOString(), 'abandoned').catch((e: unknown) => {
    if (!(e instanceof BakenError && e.code === 'STORE_REJECTED')) throw e;
  });
  const staged = await store.purgeStaging(runId, 'abandoned', now.toISOString());
  return { staged, pages: await frontier.abandon(runId) };
}
