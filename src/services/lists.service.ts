// Control lists: named selections of ads, shared by everyone holding the list's theme.
import type { Who } from '../accounts/actor.ts';
import { BakenError } from '../domain/errors.ts';
import type { ListNote, ListRecord } from '../store/lists.ts';
import type { SearchHit } from '../store/store.ts';
import { adSummaries } from './ad-summaries.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';

export interface ListView extends ListRecord {
  entries: { adId: string; addedBy: string; addedAt: string; note: ListNote | null; ad: SearchHit | null }[];
}

export class ListsService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async all(who: Who, theme?: string): Promise<ListRecord[]> {
    const themes = themesFor(who, 'lists.read', this.#c.config.current, theme);
    const lists = await this.#c.lists.lists(themes);
    await this.#c.trail.record(who, 'lists.read', { themes, resources: lists.map((l) => l.id), query: { theme }, count: lists.length });
    return lists;
  }

  async create(who: Who, input: { theme: string; name: string }): Promise<ListRecord> {
    authorise(who, 'lists.write', themeRef(this.#c.config.current, input.theme), `no theme "${input.theme}"`);
    await this.#c.trail.record(who, 'lists.create', { themes: [input.theme], query: { name: input.name }, count: 1 });
    return this.#c.lists.createList({ theme: input.theme, name: input.name, createdBy: who.actor.name }, this.#now());
  }

  async get(who: Who, id: string, justification: string): Promise<ListView> {
    const list = await this.#visible(who, 'lists.read', id);
    const entries = await this.#c.lists.entries(id, [list.theme]);
    const summaries = await adSummaries(this.#c, list.theme, entries.map((e) => e.adId));
    await this.#c.trail.record(who, 'lists.read', { themes: [list.theme], resources: [id, ...entries.map((e) => e.adId)], count: entries.length, justification });
    return { ...list, entries: entries.map((e) => ({ ...e, ad: summaries.get(e.adId) ?? null })) };
  }

  async add(who: Who, id: string, adId: string): Promise<{ added: boolean }> {
    const list = await this.#visible(who, 'lists.write', id);
    if (!await this.#c.store.getAd(adId, [list.theme])) throw new BakenError('NOT_FOUND', `no ad ${adId}`);
    await this.#c.trail.record(who, 'lists.add', { themes: [list.theme], resources: [id, adId], count: 1 });
    return { added: await this.#c.lists.addEntry(id, { adId, addedBy: who.actor.name, addedAt: this.#now() }) };
  }

  /** An empty text clears the note. */
  async note(who: Who, id: string, adId: string, text: string): Promise<{ note: ListNote | null }> {
    const list = await this.#visible(who, 'lists.write', id);
    await this.#onList(list, adId);
    const at = this.#now();
    const note = text.trim() === '' ? null : { text, by: who.actor.name, at };
    await this.#c.trail.record(who, 'lists.note', { themes: [list.theme], resources: [id, adId], query: { cleared: note === null }, count: 1 });
    if (!await this.#c.lists.setNote(id, adId, note, at)) throw new BakenError('NOT_FOUND', `ad ${adId} is not on list ${id}`);
    return { note };
  }

  async remove(who: Who, id: string, adId: string): Promise<void> {
    const list = await this.#visible(who, 'lists.write', id);
    await this.#onList(list, adId);
    await this.#c.trail.record(who, 'lists.remove', { themes: [list.theme], resources: [id, adId], count: 1 });
    await this.#c.lists.removeEntry(id, adId, this.#now());
  }

  async delete(who: Who, id: string): Promise<void> {
    const list = await this.#visible(who, 'lists.write', id);
    await this.#c.trail.record(who, 'lists.delete', { themes: [list.theme], resources: [id], count: list.size });
    await this.#c.lists.deleteList(id);
  }

  async #visible(who: Who, action: 'lists.read' | 'lists.write', id: string): Promise<ListRecord> {
    const list = await this.#c.lists.list(id, themesFor(who, action, this.#c.config.current));
    authorise(who, action, list ? themeRef(this.#c.config.current, list.theme) : null, `no list ${id}`);
    return list!;
  }

  async #onList(list: ListRecord, adId: string): Promise<void> {
    const entries = await this.#c.lists.entries(list.id, [list.theme]);
    if (!entries.some((e) => e.adId === adId)) throw new BakenError('NOT_FOUND', `ad ${adId} is not on list ${list.id}`);
  }

  #now(): string {
    return this.#c.now().toISOString();
  }
}
