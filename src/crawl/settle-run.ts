// The end of a run's staging window (DESIGN.md §2.3): the staged ads are judged together, against each
// other and the ads already kept, with the run's market for prices. What reaches the threshold is
// sealed and stored with every hit explained; the rest is deleted. Then the theme's network links
// are recomputed over its kept ads.
import { analyseBatch } from '../analyse/analyse-batch.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import type { CompiledProfile } from '../analyse/compile-profile.ts';
import { linkOptions, networkLinks } from '../analyse/networks.ts';
import { analysisContext } from '../analyse/price-context.ts';
import type { AdFields } from '../domain/ad.ts';
import { BakenError } from '../domain/errors.ts';
import type { Assessment } from '../domain/indicator-hit.ts';
import type { Store } from '../store/store.ts';
import type { GateContext } from './gate-context.ts';
import { unpackStaged } from './keep-or-delete.ts';
import { sealAndStore } from './seal-and-store.ts';

export interface SettleRun {
  runId: string;
  theme: string;
  profile: CompiledProfile;
  store: Store;
  /** The gate of each source of the run, by source id. */
  gates: Map<string, GateContext>;
  market: AdFields[];
  now: () => Date;
}

export async function settleRun(run: SettleRun): Promise<{ kept: number; deleted: number }> {
  const counts = { kept: 0, deleted: 0 };
  const staged = await run.store.stagedFeatures(run.runId);
  if (staged.length > 0) {
    const since = new Date(run.now().getTime() - run.profile.lookbackDays * 86_400_000).toISOString();
    const known = await run.store.keptFeatures(run.theme, since);
    const thisRun = new Set(staged.map((s) => s.features.id));
    // The market: every ad of this run, and the kept ads it did not see again.
    const prices = analysisContext([...run.market, ...latestPerAd(known).filter((k) => !thisRun.has(k.id)).map((k) => k.fields)]);
    const assessments = analyseBatch(run.profile, staged.map((s) => s.features), known, prices);
    const kept = new Set([...known.map((k) => k.id), ...[...assessments].filter(([, a]) => a.kept).map(([id]) => id)]);
    for (const { url, features } of staged) {
      const assessment = namingOnlyKept(assessments.get(features.id)!, kept);
      // Not kept: left for purgeStaging below, whose custody entry counts the ads deleted after
      // staging apart from those deleted at the gate (the transparency report shows both).
      const bytes = assessment.kept ? await run.store.takeStaged(run.runId, url) : null;
      // Or gone already: its window ended before the run did, and start-up elsewhere purged it.
      if (!bytes) {
        counts.deleted++;
        continue;
      }
      const { source, capture } = unpackStaged(bytes);
      const gate = run.gates.get(source);
      if (!gate) throw new BakenError('STORE_REJECTED', `staged ad of run ${run.runId} names source "${source}", which the run did not crawl`);
      await sealAndStore(gate, capture, features.fields, assessment, features.imageHashes ?? []);
      counts.kept++;
    }
  }
  await run.store.purgeStaging(run.runId, 'run-ended', run.now().toISOString());
  await relinkTheme(run.store, run.theme, run.profile, run.now());
  return counts;
}

/** A link to an ad that is deleted still counts (it was in the window), but the evidence names only
 *  kept ads: a deleted ad leaves nothing behind, not even its id in another ad's explanation. */
function namingOnlyKept(assessment: Assessment, kept: ReadonlySet<string>): Assessment {
  const hits = assessment.hits.map((hit) => ({
    ...hit, evidence: hit.evidence.map((e) => (e.kind === 'linked' ? { ...e, ads: e.ads.filter((id) => kept.has(id)) } : e)),
  }));
  return { ...assessment, hits };
}

/** Recomputes the links between the theme's kept ads (their latest versions), which networks are made of. */
export async function relinkTheme(store: Store, theme: string, profile: CompiledProfile, now: Date): Promise<void> {
  const kept = await store.keptFeatures(theme, now.toISOString());
  await store.replaceLinks(theme, networkLinks(latestPerAd(kept), linkOptions(profile)));
}

/** The latest version of each ad: the one seen last. */
function latestPerAd(ads: readonly AnalysisInput[]): AnalysisInput[] {
  const latest = new Map<string, AnalysisInput>();
  for (const ad of ads) {
    const seen = latest.get(ad.id);
    if (!seen || (ad.seen ?? '') > (seen.seen ?? '')) latest.set(ad.id, ad);
  }
  return [...latest.values()];
}
