// The minimisation gate when a profile has indicators that need the whole run (DESIGN.md §2.3). An
// ad that already reaches the threshold on its own is kept at once; one that could still reach it
// once compared with the other ads is staged until the run ends; any other is deleted at once.
import type { Assessment } from '../domain/indicator-hit.ts';
import type { CompiledProfile } from './compile-profile.ts';

export type GateDecision = 'keep' | 'stage' | 'delete';

/** Decides right after capture, from `assess` (the ad on its own). At the end of the run,
 *  `analyseBatch` over the run's kept and staged ads (and the ads kept before) settles the staged ones. */
export function gateDecision(profile: CompiledProfile, onItsOwn: Assessment): GateDecision {
  if (onItsOwn.kept) return 'keep';
  return onItsOwn.score + profile.deferredWeight >= profile.threshold ? 'stage' : 'delete';
}
