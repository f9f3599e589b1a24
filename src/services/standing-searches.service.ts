// Standing searches (issue 16): an expert or analyst leaves a search standing over the ads new in
// each crawl run of its theme; the hits wait in that person's inbox in the dashboard, counted in a
// badge, and nowhere else. A search stops matching when it expires, unless renewed, and finds nothing
// for an owner who was disabled, lost the theme, or may no longer use its filters.
import type { Who } from '../accounts/actor.ts';
import { decide } from '../accounts/policy.ts';
import { awaitsApproval } from '../accounts/roles.ts';
import { BakenError } from '../domain/errors.ts';
import type { StandingHit, StandingQuery, StandingSearchRecord } from '../store/standing-searches.ts';
import type { SearchHit } from '../store/store.ts';
import { refuseFilters } from './ads.service.ts';
import { themeRef, themesFor, type ServiceContext } from './context.ts';
import { actorOf } from './session.service.ts';

export interface StandingSearch extends Omit<StandingSearchRecord, 'owner'> { expired: boolean }

export interface StandingInbox { searches: StandingSearch[]; unseen: number }

export interface StandingHits { search: StandingSearch; hits: (StandingHit & { summary: SearchHit | null })[] }

export interface SaveStandingSearch { theme: string; name: string; query: StandingQuery; justification: string }

const DAY_MS = 86_400_000;

export class StandingSearchService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async save(who: Who, search: SaveStandingSearch): Promise<StandingSearch> {
    const owner = personOf(who);
    const themes = themesFor(who, 'searches.standing', this.#c.config.current, search.theme);
    refuseFilters(who, this.#c.config.current, themes, search.query);
    const saved = await this.#c.standing.saveSearch({ owner, ...search }, this.#now(), this.#expiry());
    await this.#c.trail.record(who, 'searches.save', {
      themes, resources: [saved.id], query: { ...search.query }, count: 1, justification: search.justification,
    });
    return this.#shown(saved);
  }

  /** The caller's standing searches, and how many of their hits are unseen in the themes still held. */
  async inbox(who: Who): Promise<StandingInbox> {
    const owner = personOf(who);
    themesFor(who, 'searches.standing', this.#c.config.current);
    const searches = (await this.#c.standing.searchesOf(owner)).filter((s) => this.#mayUse(who, s.theme));
    await this.#c.trail.record(who, 'searches.read', { themes: [...new Set(searches.map((s) => s.theme))], resources: searches.map((s) => s.id), count: searches.length });
    return { searches: searches.map((s) => this.#shown(s)), unseen: searches.reduce((n, s) => n + s.unseen, 0) };
  }

  /** One search's hits with their ads, newest first; reading them marks them seen. */
  async hits(who: Who, id: string, justification: string): Promise<StandingHits> {
    const search = await this.#owned(who, id);
    const hits = await this.#c.standing.hits(id, search.owner);
    const ids = hits.map((h) => h.adId);
    const summaries = new Map((await this.#c.store.search({ themes: [search.theme], ids, limit: Math.max(ids.length, 1) })).hits.map((h) => [h.id, h]));
    await this.#c.standing.markSeen(id, search.owner, this.#now());
    await this.#c.trail.record(who, 'searches.read', { themes: [search.theme], resources: [id, ...ids], count: ids.length, justification });
    return { search: this.#shown(search), hits: hits.map((h) => ({ ...h, summary: summaries.get(h.adId) ?? null })) };
  }

  /** Lets the search stand for another expiry period from now. */
  async renew(who: Who, id: string): Promise<StandingSearch> {
    const search = await this.#owned(who, id);
    const expiresAt = this.#expiry();
    await this.#c.standing.renewSearch(id, search.owner, expiresAt);
    await this.#c.trail.record(who, 'searches.renew', { themes: [search.theme], resources: [id], query: { expiresAt }, count: 1 });
    return this.#shown({ ...search, expiresAt });
  }

  async delete(who: Who, id: string): Promise<void> {
    const search = await this.#owned(who, id);
    await this.#c.standing.deleteSearch(id, search.owner);
    await this.#c.trail.record(who, 'searches.delete', { themes: [search.theme], resources: [id], count: 1 });
  }

  /** After a run of the theme closed: the ads new in it that each live standing search matches are
   *  recorded as its hits, and each search's batch is audited once, under its owner's name and
   *  justification — one record per run and search names every ad found, as one search would. */
  async recordRunHits(run: { runId: string; theme: string }): Promise<number> {
    const fresh = await this.#c.store.newAds(run.runId);
    if (fresh.length === 0) return 0;
    const at = this.#now();
    let recorded = 0;
    for (const search of await this.#c.standing.activeSearches(run.theme, at)) {
      const who = await this.#ownerNow(search);
      if (!who) continue;
      const { hits } = await this.#c.store.search({ themes: [run.theme], ...searchFilters(search.query), ids: fresh, limit: fresh.length });
      const found = await this.#c.standing.recordHits(search.id, run.runId, hits.map((h) => h.id), at);
      if (found.length === 0) continue;
      recorded += found.length;
      await this.#c.trail.record(who, 'searches.hits', {
        themes: [run.theme], resources: [search.id, ...found], query: { ...search.query, run: run.runId }, count: found.length, justification: search.justification,
      });
    }
    return recorded;
  }

  /** The owner as they may act now; null when disabled, awaiting approval, without the theme, or no
   *  longer allowed the search's filters. */
  async #ownerNow(search: StandingSearchRecord): Promise<Who | null> {
    const user = await this.#c.accounts.user(search.owner);
    if (!user || user.disabled || awaitsApproval(user)) return null;
    const who: Who = { actor: actorOf(user), client: 'standing-search' };
    if (!this.#mayUse(who, search.theme)) return null;
    try {
      refuseFilters(who, this.#c.config.current, [search.theme], search.query);
    } catch {
      return null;
    }
    return who;
  }

  async #owned(who: Who, id: string): Promise<StandingSearchRecord> {
    themesFor(who, 'searches.standing', this.#c.config.current);
    const search = await this.#c.standing.search(id, personOf(who));
    if (!search || !this.#mayUse(who, search.theme)) throw new BakenError('NOT_FOUND', `no standing search ${id}`);
    return search;
  }

  #mayUse(who: Who, theme: string): boolean {
    return decide(who.actor, 'searches.standing', themeRef(this.#c.config.current, theme)) === 'allow';
  }

  #shown({ owner: _owner, ...search }: StandingSearchRecord): StandingSearch {
    return { ...search, expired: search.expiresAt <= this.#now() };
  }

  #now(): string {
    return this.#c.now().toISOString();
  }

  #expiry(): string {
    return new Date(this.#c.now().getTime() + this.#c.settings.standingSearches.expiryDays * DAY_MS).toISOString();
  }
}

/** A standing search belongs to a person with an inbox: not to a service token or an operator. */
function personOf(who: Who): string {
  if (who.actor.kind !== 'user') throw new BakenError('FORBIDDEN', 'standing searches belong to a person signed in to the dashboard');
  return who.actor.id;
}

function searchFilters(q: StandingQuery) {
  return { text: q.q, source: q.source, city: q.city, minScore: q.minScore, scoreBand: q.scoreBand, minIndicators: q.minIndicators, indicator: q.indicator, phone: q.phone };
}
