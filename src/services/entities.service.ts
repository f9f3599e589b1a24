// Entity pages (issue 16): a phone number, a picture or a template text, and every kept ad of one
// theme that carries it, with its timeline, the aliases and cities it went under, its movement and
// the networks it belongs to. A read of ad content like a search: authorised per role and theme,
// justified and audited with the ads it returned.
import type { Who } from '../accounts/actor.ts';
import { decide } from '../accounts/policy.ts';
import { adsWithTemplateOf, entityFacts, type EntityFacts, type EntityKind } from '../analyse/entities.ts';
import type { Theme } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import type { NetworkReason } from '../domain/network.ts';
import type { SearchHit } from '../store/store.ts';
import { themeRef, themesFor, type ServiceContext } from './context.ts';

/** An entity page is capped like a network; the cap is reported, never silent. */
const MAX_ENTITY_ADS = 200;

/** What a theme must keep for an entity of each kind to exist in it (its field allow-list). */
const NEEDS: Record<EntityKind, { field: string; what: string }> = {
  phone: { field: 'phones', what: 'phone numbers' },
  picture: { field: 'images', what: 'pictures' },
  template: { field: 'text', what: 'ad texts' },
};

export interface EntityAd {
  id: string;
  summary: SearchHit | null;
  versions: { version: number; capturedAt: string }[];
}

export interface EntityNetwork { ad: string; size: number; reasons: NetworkReason[] }

export interface EntityView extends EntityFacts {
  kind: EntityKind;
  value: string;
  theme: string;
  ads: EntityAd[];
  /** Only for roles that may see networks (ads.network). */
  networks?: EntityNetwork[];
  truncated: boolean;
}

export class EntitiesService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async get(who: Who, kind: EntityKind, value: string, theme: string, justification: string): Promise<EntityView> {
    const config = this.#c.config.current;
    const [id] = themesFor(who, 'ads.entities', config, theme);
    const stored = config.themes.get(id!)!;
    if (!keeps(stored, kind)) throw new BakenError('NOT_FOUND', `the theme ${id} keeps no ${NEEDS[kind].what}, so has no ${kind} pages`);
    const found = await this.#adsCarrying(kind, value, id!);
    const ids = found.slice(0, MAX_ENTITY_ADS);
    const summaries = new Map((await this.#c.store.search({ themes: [id!], ids, limit: MAX_ENTITY_ADS, sort: 'oldest' })).hits.map((h) => [h.id, h]));
    const versions = await Promise.all(ids.map(async (adId) => ({ adId, versions: await this.#c.store.versions(adId, [id!]) })));
    const ads = versions.map(({ adId, versions: vs }) => ({
      id: adId, summary: summaries.get(adId) ?? null, versions: vs.map((v) => ({ version: v.version, capturedAt: v.capturedAt })),
    })).sort((x, y) => (x.summary?.firstSeen ?? '').localeCompare(y.summary?.firstSeen ?? '') || x.id.localeCompare(y.id));
    const facts = entityFacts(versions.flatMap(({ adId, versions: vs }) => vs.map((v) => ({ adId, version: v.version, capturedAt: v.capturedAt, fields: v.fields }))));
    const showNetworks = decide(who.actor, 'ads.network', themeRef(config, id!)) === 'allow';
    await this.#c.trail.record(who, 'entities.read', {
      themes: [id!], resources: ids, query: { kind, value }, count: ids.length, justification,
    });
    return {
      kind, value, theme: id!, ads, ...facts, ...(showNetworks ? { networks: await this.#networks(ids, id!) } : {}), truncated: found.length > ids.length,
    };
  }

  async #adsCarrying(kind: EntityKind, value: string, theme: string): Promise<string[]> {
    if (kind === 'template') {
      const network = await this.#c.store.networkOf(value, [theme]);
      if (!network) throw new BakenError('NOT_FOUND', `no ad ${value}`);
      return adsWithTemplateOf(network, value);
    }
    // By index, over every version ever kept: an ad that once showed the number or the picture carries it too.
    if (kind === 'phone') return this.#c.store.adsWithPhone(theme, value);
    const exact = await this.#c.store.adsWithImageHash(value, 0, [theme]);
    return exact.map((m) => m.adId).sort();
  }

  /** The networks the ads belong to, each once, named by its first ad, largest first. */
  async #networks(ids: readonly string[], theme: string): Promise<EntityNetwork[]> {
    const seen = new Set<string>();
    const networks: EntityNetwork[] = [];
    for (const adId of ids) {
      if (seen.has(adId)) continue;
      const network = await this.#c.store.networkOf(adId, [theme]);
      if (!network || network.links.length === 0) continue;
      for (const member of network.ads) seen.add(member);
      networks.push({ ad: network.ads[0]!, size: network.ads.length, reasons: [...new Set(network.links.map((l) => l.reason))].sort() });
    }
    return networks.sort((x, y) => y.size - x.size || x.ad.localeCompare(y.ad));
  }
}

function keeps(theme: Theme, kind: EntityKind): boolean {
  const fields: readonly string[] = theme.store.fields;
  return fields.includes(NEEDS[kind].field) && (kind !== 'picture' || theme.store.images);
}
