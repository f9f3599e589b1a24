// What the minimisation gate needs for the ads of one source in one run.
import type { Extractor } from '../config/schema.ts';
import type { StorePolicy } from '../domain/minimise.ts';
import type { CompiledProfile } from '../analyse/compile-profile.ts';
import type { SigningKey } from '../evidence/signing-key.ts';
import type { AdStore, BlobStore, HealthStore, StagingStore } from '../store/store.ts';

export interface GateContext {
  runId: string;
  theme: string;
  source: string;
  extractor: Extractor;
  profile: CompiledProfile;
  policy: StorePolicy;
  /** The gate saves kept ads, stages the ones the run must judge and counts what extraction
   *  yielded; never more. */
  store: AdStore & StagingStore & Pick<HealthStore, 'countExtraction'>;
  blobs: BlobStore;
  key: SigningKey;
  /** SHA-256 of the theme, source, extractor and profile configuration in force. */
  configHash: string;
  /** Who holds the run ("host:pid") and how long staged ads may wait (DESIGN.md §2.3). */
  staging: { owner: string; windowMs: number };
  now: () => Date;
}
