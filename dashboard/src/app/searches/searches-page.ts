// The user's standing searches: each with its filters, expiry and unread hits; its hits with their
// ads (reading them marks them read); renew or delete one.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { SEARCHES_TEXT } from './searches.text';
import { StandingInbox } from './standing-inbox';
import type { StandingHits, StandingQuery, StandingSearch } from './standing-types';

@Component({
  selector: 'bk-searches-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <p class="muted">{{ t().intro }}</p>
    <p class="status" role="status" aria-live="polite">{{ status() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (searches(); as all) {
      @if (all.length === 0) { <p>{{ t().none }}</p> } @else {
        <table class="standing">
          <caption class="visually-hidden">{{ fill(t().count, { n: all.length }) }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ t().name }}</th><th scope="col">{{ t().theme }}</th><th scope="col">{{ t().filters }}</th>
              <th scope="col">{{ t().expires }}</th><th scope="col" class="num">{{ t().hits }}</th><th scope="col" class="num">{{ t().unseen }}</th>
              <th scope="col">{{ t().actions }}</th>
            </tr>
          </thead>
          <tbody>
            @for (s of all; track s.id) {
              <tr [attr.data-search]="s.id">
                <td>{{ s.name }}</td>
                <td>{{ s.theme }}</td>
                <td>{{ filters(s.query) }}</td>
                <td>{{ i18n.date(s.expiresAt) }}@if (s.expired) { <span class="badge expired"> {{ t().expired }}</span> }</td>
                <td class="num">{{ i18n.number(s.hits) }}</td>
                <td class="num">@if (s.unseen > 0) { <span class="badge">{{ i18n.number(s.unseen) }}</span> } @else { 0 }</td>
                <td class="actions">
                  <button type="button" (click)="open(s)">{{ t().open }}</button>
                  <button type="button" class="secondary" (click)="renew(s)">{{ t().renew }}</button>
                  @if (confirming() === s.id) {
                    <span>{{ fill(t().confirmDelete, { name: s.name }) }}</span>
                    <button type="button" class="danger" (click)="remove(s)">{{ t().confirm }}</button>
                    <button type="button" class="secondary" (click)="confirming.set(null)">{{ t().cancel }}</button>
                  } @else {
                    <button type="button" class="secondary" (click)="confirming.set(s.id)">{{ t().delete }}</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (!error()) { <p>{{ t().loading }}</p> }

    @if (hits(); as shown) {
      <section aria-labelledby="hits-h">
        <h2 id="hits-h">{{ fill(t().hitsOf, { name: shown.search.name }) }}</h2>
        @if (shown.hits.length === 0) { <p>{{ t().noHits }}</p> } @else {
          <table class="hits">
            <thead><tr><th scope="col">{{ t().ad }}</th><th scope="col">{{ t().city }}</th><th scope="col">{{ t().foundAt }}</th></tr></thead>
            <tbody>
              @for (h of shown.hits; track h.adId) {
                <tr [attr.data-ad]="h.adId">
                  <td>
                    @if (h.summary; as ad) { <a [routerLink]="['/ads', h.adId]">{{ ad.title || fill(t().untitled, { id: h.adId }) }}</a> }
                    @else { {{ h.adId }} <span class="muted">({{ t().gone }})</span> }
                    @if (h.seenAt === null) { <span class="badge"> {{ t().newHit }}</span> }
                  </td>
                  <td>{{ h.summary?.city ?? '' }}</td>
                  <td>{{ i18n.date(h.foundAt, true) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    }
  `,
  styles: `
    .status:empty { margin: 0; }
    .num { text-align: right; }
    .actions { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
    .badge.expired { background: var(--muted); }
  `,
})
export class SearchesPage {
  readonly #api = inject(Api);
  readonly #inbox = inject(StandingInbox);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(SEARCHES_TEXT);
  protected readonly fill = fill;
  protected readonly searches = signal<StandingSearch[] | null>(null);
  protected readonly hits = signal<StandingHits | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  readonly #said = signal<{ key: 'renewed' | 'deleted'; values: Readonly<Record<string, string>> } | null>(null);
  protected readonly status = computed(() => { const s = this.#said(); return s ? fill(this.t()[s.key], s.values) : ''; });

  constructor() {
    void this.#load();
  }

  protected filters(q: StandingQuery): string {
    const parts = Object.entries(q).map(([k, v]) => `${k}: ${String(v)}`);
    return parts.length > 0 ? parts.join(' · ') : this.t().noFilters;
  }

  protected async open(s: StandingSearch): Promise<void> {
    await this.#try(async () => {
      this.hits.set(await this.#api.get<StandingHits>(`/searches/${s.id}/hits`));
      await this.#load();
    });
  }

  protected async renew(s: StandingSearch): Promise<void> {
    await this.#try(async () => {
      const renewed = await this.#api.post<StandingSearch>(`/searches/${s.id}/renewal`, {});
      this.#said.set({ key: 'renewed', values: { name: s.name, date: this.i18n.date(renewed.expiresAt) } });
      await this.#load();
    });
  }

  protected async remove(s: StandingSearch): Promise<void> {
    await this.#try(async () => {
      await this.#api.delete(`/searches/${s.id}`);
      this.confirming.set(null);
      if (this.hits()?.search.id === s.id) this.hits.set(null);
      this.#said.set({ key: 'deleted', values: { name: s.name } });
      await this.#load();
    });
  }

  async #load(): Promise<void> {
    await this.#try(async () => this.searches.set((await this.#inbox.load())?.searches ?? []));
  }

  async #try(work: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await work();
    } catch (e) {
      this.error.set(e instanceof ApiError && e.status === 403 ? this.t().forbidden : fill(this.t().failed, { detail: detailOf(e) }));
    }
  }
}
