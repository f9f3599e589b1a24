// What every service shares: the ports, the clock, the audit trail, and the one way to ask the
// policy about a resource (so a refusal always reads the same and never tells another theme apart).
import type { Who } from '../accounts/actor.ts';
import { decide, visibleThemes, type ThemeRef } from '../accounts/policy.ts';
import type { Action } from '../accounts/roles.ts';
import type { ApiSettings } from '../config/api-settings.ts';
import type { Configuration } from '../config/configuration.ts';
import type { Config } from '../config/load.ts';
import type { Frontier } from '../crawl/frontier.ts';
import { BakenError } from '../domain/errors.ts';
import type { LogAnchor } from '../evidence/log-anchor.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { AccountStore } from '../store/accounts.ts';
import type { ExportRequestStore } from '../store/export-requests.ts';
import type { InspectionStore } from '../store/inspections.ts';
import type { ListStore } from '../store/lists.ts';
import type { ReferenceStore } from '../store/reference-data.ts';
import type { StandingSearchStore } from '../store/standing-searches.ts';
import type { BlobStore, Store } from '../store/store.ts';
import type { AuditTrail } from './audit-trail.ts';

export interface ServiceContext {
  config: Configuration;
  store: Store;
  blobs: BlobStore;
  accounts: AccountStore;
  lists: ListStore;
  exportRequests: ExportRequestStore;
  reference: ReferenceStore;
  inspections: InspectionStore;
  standing: StandingSearchStore;
  jobs: JobQueue;
  /** The pages of open crawl runs, which every worker leases from. */
  frontier: Frontier;
  settings: ApiSettings;
  trail: AuditTrail;
  /** The data directory: the blobs, the signing key exports hand out, and the logs' signed
   *  checkpoints (src/evidence/checkpoints.ts). */
  dataDir: string;
  /** Checkpoints the logs at once, as every export must. */
  anchor: LogAnchor;
  /** The bearer secret a Prometheus scraper sends for /api/metrics (BAKEN_METRICS_TOKEN); without
   *  it the metrics are not served. */
  metricsToken?: string;
  now(): Date;
}

export function themeRefs(config: Config): ThemeRef[] {
  return [...config.themes.values()].map((t) => ({ id: t.id, kind: t.kind }));
}

/** A theme the configuration does not know is treated like one the caller does not hold. */
export function themeRef(config: Config, id: string): ThemeRef | null {
  const theme = config.themes.get(id);
  return theme ? { id: theme.id, kind: theme.kind } : null;
}

/** Throws FORBIDDEN when the role may never do this, NOT_FOUND when the resource's theme is not
 *  the caller's (or unknown), so other themes' resources are indistinguishable from absent ones. */
export function authorise(who: Who, action: Action, theme: ThemeRef | null, notFound: string): void {
  if (decide(who.actor, action, null) === 'forbidden') {
    throw new BakenError('FORBIDDEN', `the role ${who.actor.role} may not do ${action}`);
  }
  if (theme === null || decide(who.actor, action, theme) !== 'allow') throw new BakenError('NOT_FOUND', notFound);
}

/** The themes the caller may act on; narrowed to one when the request names it (NOT_FOUND if not theirs). */
export function themesFor(who: Who, action: Action, config: Config, requested?: string): string[] {
  if (decide(who.actor, action, null) === 'forbidden') {
    throw new BakenError('FORBIDDEN', `the role ${who.actor.role} may not do ${action}`);
  }
  const themes = visibleThemes(who.actor, action, themeRefs(config));
  if (requested === undefined) return themes;
  if (!themes.includes(requested)) throw new BakenError('NOT_FOUND', `no theme "${requested}"`);
  return [requested];
}
