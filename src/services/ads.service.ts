// Searching and reading ads: theme-bound through the policy, every read audited with what it returned.
import type { Who } from '../accounts/actor.ts';
import { decide } from '../accounts/policy.ts';
import { thumbnailOf } from '../analyse/thumbnail.ts';
import type { Config } from '../config/load.ts';
import type { Artefact } from '../domain/ad.ts';
import { BakenError } from '../domain/errors.ts';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import type { NetworkLink } from '../domain/network.ts';
import { diffFields, type FieldDiff } from '../domain/version-diff.ts';
import { verifyAdEvidence } from '../evidence/verify.ts';
import type { VerifyFailure } from '../evidence/verify-report.ts';
import type { AdVersion, LegalHold, SearchFacets, SearchHit, SearchSort, StoredAd } from '../store/store.ts';

/** What the doors show of an ad's versions, as the store keeps them. */
export type { AdVersion };
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';

export interface AdSearch {
  q?: string; theme?: string; source?: string; city?: string; minScore?: number; scoreBand?: string; minIndicators?: number;
  indicator?: string; phone?: string; from?: string; to?: string; sort?: SearchSort; page: number; pageSize: number; justification: string;
}

export interface AdPage { total: number; page: number; pageSize: number; hits: SearchHit[]; facets: SearchFacets }

export interface AdView {
  id: string; theme: string; source: string; url: string; firstSeen: string; lastSeen: string; goneAt: string | null;
  version: number; captureId: string; meta: StoredAd['meta']; fields: StoredAd['fields']; score: number;
  indicatorCount: number;
  /** Experts only: which indicators hit and why. */
  hits?: IndicatorHit[];
  /** Experts only: the case the ad is held for, or null. */
  hold?: { caseNumber: string; by: string; at: string } | null;
  artefacts: { kind: Artefact['kind']; mime: string; bytes: number; n: number; sha256: string }[];
  versions: Omit<AdVersion, 'fields'>[];
  sightings: { runId: string; seenAt: string }[];
  /** The perceptual hashes of the latest capture's pictures, each the key of a picture's entity
   *  page; empty in a theme that keeps no pictures. */
  pictures: string[];
}

export type ArtefactChoice = { kind: 'screenshot' } | { kind: 'html' } | { kind: 'image'; n: number };
export interface ArtefactBytes { mime: string; bytes: Buffer; kind: Artefact['kind'] }

/** Filters that find every ad of one person: allowed only where the network view (ads.network) is. */
const PERSON_LINKING_FILTERS = ['phone'] as const satisfies readonly (keyof AdSearch)[];

/** A network is capped like a page of search results; the cap is reported, never silent. */
const MAX_NETWORK_ADS = 200;

export interface NetworkView {
  ad: string;
  ads: { id: string; summary: SearchHit | null }[];
  links: NetworkLink[];
  truncated: boolean;
}

/** Two versions compared field by field (src/domain/version-diff.ts). */
export interface VersionDiff { from: number; to: number; fields: FieldDiff[] }

/** What verifying an ad's captures checked, and what failed (names and reasons, never ad content). */
export interface AdVerification {
  ad: string; verified: boolean; checked: number; ok: number;
  items: { what: string; ok: boolean }[]; failures: VerifyFailure[];
}

/** Refuses (FORBIDDEN) the filters the caller's role may not use in one of the themes searched: a
 *  search and a standing search alike. */
export function refuseFilters(who: Who, config: Config, themes: readonly string[], q: Pick<AdSearch, 'indicator' | 'phone'>): void {
  // Filtering on an indicator would tell an analyst which indicators hit (DESIGN §2.7).
  if (q.indicator !== undefined && themes.some((id) => decide(who.actor, 'ads.hits', themeRef(config, id)) !== 'allow')) {
    throw new BakenError('FORBIDDEN', `the role ${who.actor.role} sees indicator counts only and may not filter on an indicator`);
  }
  // Filters that link ads to a person combine personal data just as the network view does
  // (finding 5), so they follow its policy in every theme searched.
  const linking = PERSON_LINKING_FILTERS.filter((f) => q[f] !== undefined);
  if (linking.length > 0 && themes.some((id) => decide(who.actor, 'ads.network', themeRef(config, id)) !== 'allow')) {
    throw new BakenError('FORBIDDEN', `the role ${who.actor.role} may not link ads to a person, so may not filter on ${linking.join(', ')}`);
  }
}

export class AdsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async search(who: Who, q: AdSearch): Promise<AdPage> {
    const themes = themesFor(who, 'ads.search', this.#c.config.current, q.theme);
    refuseFilters(who, this.#c.config.current, themes, q);
    const result = await this.#c.store.search({
      themes, text: q.q, source: q.source, city: q.city, minScore: q.minScore, scoreBand: q.scoreBand, minIndicators: q.minIndicators,
      indicator: q.indicator, phone: q.phone, from: q.from, to: q.to, sort: q.sort, facets: true, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
    });
    const { justification, ...query } = q;
    await this.#c.trail.record(who, 'ads.search', {
      themes, resources: result.hits.map((h) => h.id), query, count: result.total, justification,
    });
    return { total: result.total, page: q.page, pageSize: q.pageSize, hits: result.hits, facets: result.facets! };
  }

  async get(who: Who, id: string, justification: string): Promise<AdView> {
    const ad = await this.#visibleAd(who, 'ads.read', id);
    const [versions, sightings] = await Promise.all([
      this.#c.store.versions(id, [ad.theme]), this.#c.store.sightings(id),
    ]);
    const theme = themeRef(this.#c.config.current, ad.theme);
    const showHits = decide(who.actor, 'ads.hits', theme) === 'allow';
    // Holds are few (one per ad linked to a case), so the theme's list is read rather than a lookup per ad.
    const hold = decide(who.actor, 'ads.hold', theme) === 'allow'
      ? (await this.#c.store.holds(ad.theme)).find((h) => h.adId === id) ?? null : undefined;
    const pictures = this.#c.config.current.themes.get(ad.theme)?.store.images
      ? (await this.#c.store.evidence(id)).find((c) => c.captureId === ad.captureId)?.perceptualHashes ?? [] : [];
    await this.#c.trail.record(who, 'ads.read', { themes: [ad.theme], resources: [id], count: 1, justification });
    return {
      id: ad.id, theme: ad.theme, source: ad.source, url: ad.url, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen,
      goneAt: ad.goneAt, version: ad.version, captureId: ad.captureId, meta: ad.meta, fields: ad.fields, score: ad.score,
      indicatorCount: ad.hits.length,
      ...(showHits ? { hits: ad.hits } : {}),
      ...(hold !== undefined ? { hold: hold && { caseNumber: hold.caseNumber, by: hold.by, at: hold.at } } : {}),
      artefacts: numbered(ad.artefacts).map(({ kind, mime, bytes, n, sha256 }) => ({ kind, mime, bytes, n, sha256 })),
      versions: versions.map(({ captureId, version, capturedAt, contentHash }) => ({ captureId, version, capturedAt, contentHash })),
      sightings,
      pictures: [...new Set(pictures)],
    };
  }

  async artefact(who: Who, id: string, choice: ArtefactChoice, justification: string): Promise<ArtefactBytes> {
    const ad = await this.#visibleAd(who, 'ads.artefacts', id);
    const artefact = numbered(ad.artefacts).find((a) => a.kind === choice.kind && (choice.kind !== 'image' || a.n === choice.n));
    const label = choice.kind === 'image' ? `image ${choice.n}` : choice.kind;
    if (!artefact) throw new BakenError('NOT_FOUND', `ad ${id} has no ${label} stored`);
    // The hash comes from the stored row, never from the request, so no request names a file.
    const bytes = await this.#c.blobs.get(artefact.sha256);
    await this.#c.trail.record(who, 'ads.artefact', {
      themes: [ad.theme], resources: [id, artefact.sha256], query: { artefact: label }, count: 1, justification,
    });
    return { mime: artefact.mime, bytes, kind: artefact.kind };
  }

  /** A small WebP of the ad's first image, or of its screenshot when it has none: a read of ad
   *  content like the artefacts it is made from, so authorised and audited the same way. */
  async thumbnail(who: Who, id: string, justification: string): Promise<Buffer> {
    const ad = await this.#visibleAd(who, 'ads.artefacts', id);
    const artefact = ad.artefacts.find((a) => a.kind === 'image') ?? ad.artefacts.find((a) => a.kind === 'screenshot');
    if (!artefact) throw new BakenError('NOT_FOUND', `ad ${id} has no image or screenshot stored`);
    let small: Buffer;
    try {
      small = await thumbnailOf(await this.#c.blobs.get(artefact.sha256));
    } catch (e) {
      throw new BakenError('NOT_FOUND', `ad ${id} has no ${artefact.kind} that can be shown as a picture`, { cause: e });
    }
    await this.#c.trail.record(who, 'ads.artefact', {
      themes: [ad.theme], resources: [id, artefact.sha256], query: { artefact: 'thumbnail' }, count: 1, justification,
    });
    return small;
  }

  async network(who: Who, id: string, justification: string): Promise<NetworkView> {
    const ad = await this.#visibleAd(who, 'ads.network', id);
    const network = await this.#c.store.networkOf(id, [ad.theme]) ?? { ads: [id], links: [] };
    const ids = [id, ...network.ads.filter((other) => other !== id).slice(0, MAX_NETWORK_ADS - 1)];
    const shown = new Set(ids);
    const links = network.links.filter((l) => shown.has(l.a) && shown.has(l.b));
    const summaries = (await this.#c.store.search({ themes: [ad.theme], ids, limit: MAX_NETWORK_ADS })).hits;
    const byId = new Map(summaries.map((h) => [h.id, h]));
    await this.#c.trail.record(who, 'ads.network', { themes: [ad.theme], resources: ids, count: ids.length - 1, justification });
    return {
      ad: id, ads: ids.map((other) => ({ id: other, summary: byId.get(other) ?? null })), links,
      truncated: network.ads.length > ids.length,
    };
  }

  /** Every version of the ad with its fields, oldest first, for comparing what changed. */
  async versions(who: Who, id: string, justification: string): Promise<AdVersion[]> {
    const ad = await this.#visibleAd(who, 'ads.read', id);
    const versions = await this.#c.store.versions(id, [ad.theme]);
    await this.#c.trail.record(who, 'ads.versions', { themes: [ad.theme], resources: [id], count: versions.length, justification });
    return versions;
  }

  /** Versions with their fields, and what changed between two of them when both are named. */
  async compareVersions(who: Who, id: string, justification: string, pair?: { from: number; to: number }):
    Promise<{ ad: string; versions: AdVersion[]; diff?: VersionDiff }> {
    const versions = await this.versions(who, id, justification);
    if (!pair) return { ad: id, versions };
    const from = versions.find((v) => v.version === pair.from);
    const to = versions.find((v) => v.version === pair.to);
    if (!from || !to) {
      throw new BakenError('NOT_FOUND', `ad ${id} has versions ${versions.map((v) => v.version).join(', ')}; no version ${!from ? pair.from : pair.to}`);
    }
    return { ad: id, versions, diff: { from: from.version, to: to.version, fields: diffFields(from.fields, to.fields) } };
  }

  /** Checks the ad's captures as `baken verify --ad` does, for the reader about to rely on them:
   *  artefacts against their hashes, the signed manifests, the custody log. */
  async verify(who: Who, id: string, justification: string): Promise<AdVerification> {
    const ad = await this.#visibleAd(who, 'ads.read', id);
    const report = await verifyAdEvidence(this.#c, id);
    const verified = report.failures.length === 0;
    await this.#c.trail.record(who, 'ads.verify', {
      themes: [ad.theme], resources: [id], query: { outcome: verified ? 'verified' : 'failed' }, count: report.checked, justification,
    });
    return { ad: id, verified, ...report };
  }

  /** Links the ad to a case: it is kept past its theme's retention until released (DESIGN §2.4). */
  async hold(who: Who, id: string, caseNumber: string): Promise<LegalHold> {
    const ad = await this.#visibleAd(who, 'ads.hold', id);
    await this.#c.trail.record(who, 'holds.change', {
      themes: [ad.theme], resources: [id], query: { op: 'place' }, count: 1, justification: caseNumber,
    });
    return this.#c.store.placeHold(id, ad.theme, caseNumber, who.actor.name, this.#c.now().toISOString());
  }

  async release(who: Who, id: string): Promise<LegalHold> {
    const ad = await this.#visibleAd(who, 'ads.hold', id);
    // The case the ad was held for, so the trail shows which case let it go.
    const held = (await this.#c.store.holds(ad.theme)).find((h) => h.adId === id);
    await this.#c.trail.record(who, 'holds.change', {
      themes: [ad.theme], resources: [id], query: { op: 'release' }, count: 1, justification: held?.caseNumber ?? null,
    });
    return this.#c.store.releaseHold(id, ad.theme, who.actor.name, this.#c.now().toISOString());
  }

  async holds(who: Who, justification: string, theme?: string): Promise<LegalHold[]> {
    const themes = themesFor(who, 'ads.hold', this.#c.config.current, theme);
    const holds = (await Promise.all(themes.map((t) => this.#c.store.holds(t)))).flat().sort((a, b) => a.at.localeCompare(b.at));
    await this.#c.trail.record(who, 'holds.read', { themes, resources: holds.map((h) => h.adId), count: holds.length, justification });
    return holds;
  }

  async #visibleAd(who: Who, action: 'ads.read' | 'ads.artefacts' | 'ads.network' | 'ads.hold', id: string): Promise<StoredAd> {
    const themes = themesFor(who, action, this.#c.config.current);
    const ad = await this.#c.store.getAd(id, themes);
    authorise(who, action, ad ? themeRef(this.#c.config.current, ad.theme) : null, `no ad ${id}`);
    return ad!;
  }
}

/** Images are numbered from 0 in the order they were captured; other kinds occur once. */
function numbered(artefacts: Artefact[]): (Artefact & { n: number })[] {
  let image = 0;
  return artefacts.map((a) => ({ ...a, n: a.kind === 'image' ? image++ : 0 }));
}
