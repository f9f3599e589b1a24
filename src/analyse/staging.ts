// The minimisation gate when a profile has indicators that need the whole run (DESIGN.md §2.3). An
// ad that cannot reach the threshold even with every cross-ad and market indicator is deleted at
// once; any other waits in staging until the run ends and `analyseBatch` judges it with the rest.
import type { Assessment } from '../domain/indicator-hit.ts';
import type { CompiledProfile } from './compile-profile.ts';

export type GateDecision = 'keep' | 'stage' | 'delete';

/** Decides right after capture, from `assess` (the ad on its own). A profile without indicators
 *  that need the run keeps or deletes at once; with them, even an ad kept on its own is staged,
 *  so that its stored explanation names the ads it is linked to. */
export function gateDecision(profile: CompiledProfile, onItsOwn: Assessment): GateDecision {
  if (onItsOwn.score + profile.deferredWeight < profile.threshold) return 'delete';
  return profile.deferredWeight === 0 ? 'keep' : 'stage';
}

export type StagingVerdict = 'abandoned' | 'expired' | 'live';

/** Whether a run's staging may be purged at start-up: when its window is over, or when its process
 *  is known to be gone. `owner` is "host:pid"; a process on another host is live until its window ends. */
export function stagingVerdict(run: { owner: string; expiresAt: string }, now: Date, here: { host: string; alive(pid: number): boolean }): StagingVerdict {
  if (Date.parse(run.expiresAt) <= now.getTime()) return 'expired';
  const at = run.owner.lastIndexOf(':');
  const host = run.owner.slice(0, at);
  const pid = Number(run.owner.slice(at + 1));
  if (host !== here.host || !Number.isSafeInteger(pid)) return 'live';
  return here.alive(pid) ? 'live' : 'abandoned';
}
