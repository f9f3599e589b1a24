// One control list: its ads with a note each (edited in place), taken off one by one, compared side
// by side (two to four at a time), and exported as CSV for an inspection.
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, inject, Injector, input, type OnInit, signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { canCompare, COMPARE_MAX, compareRows, togglePick, type Fields } from './compare';
import { CompareTable, type ComparedAd } from './compare-table';
import type { AdView, ListEntry, ListNote, ListView } from './list-types';
import { LIST_TEXT } from './lists.text';

@Component({
  selector: 'bk-list-page',
  imports: [RouterLink, CompareTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/lists">← {{ t().back }}</a></p>
    @if (list(); as l) {
      <h1>{{ l.name }}</h1>
      <p class="muted">{{ fill(t().meta, { theme: l.theme, by: l.createdBy, at: i18n.date(l.createdAt), updated: i18n.date(l.updatedAt, true) }) }}</p>
      <div class="tools">
        <button type="button" (click)="compare()" [disabled]="!comparable() || busy()" aria-describedby="compare-hint">
          {{ t().compare }} ({{ selected().length }})
        </button>
        <span id="compare-hint" class="hint">{{ t().compareHint }}</span>
        <button type="button" class="secondary export" (click)="requestExport()" [disabled]="busy() || l.entries.length === 0">{{ t().export }}</button>
      </div>
    } @else if (notFound()) {
      <h1>{{ t().back }}</h1>
      <p class="error" role="alert">{{ t().notFound }}</p>
    } @else {
      <h1>{{ t().loading }}</h1>
    }

    <p class="status" role="status" aria-live="polite">{{ status() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

    @if (list(); as l) {
      <h2>{{ t().ads }}</h2>
      @if (l.entries.length === 0) {
        <p>{{ t().empty }}</p>
      } @else {
        @if (editing()) { <p id="note-hint" class="hint">{{ t().noteHint }}</p> }
        <table class="entries">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">{{ t().select }}</span></th>
              <th scope="col">{{ t().adTitle }}</th><th scope="col">{{ t().city }}</th><th scope="col">{{ t().source }}</th>
              <th scope="col" class="num">{{ t().indicators }}</th><th scope="col">{{ t().lastSeen }}</th>
              <th scope="col">{{ t().note }}</th><th scope="col"><span class="visually-hidden">{{ t().remove }}</span></th>
            </tr>
          </thead>
          <tbody>
            @for (e of l.entries; track e.adId) {
              <tr [class.chosen]="isSelected(e.adId)">
                <td>
                  <input type="checkbox" [id]="'pick-' + e.adId" [checked]="isSelected(e.adId)" (change)="toggle(e.adId)"
                    [disabled]="!e.ad || (!isSelected(e.adId) && selected().length >= max)"
                    [attr.aria-label]="fill(t().selectAd, { title: titleOf(e) })">
                </td>
                <td>
                  @if (e.ad) { <a [routerLink]="['/ads', e.adId]">{{ titleOf(e) }}</a> }
                  @else { <span>{{ e.adId }}</span> <span class="muted">({{ t().gone }})</span> }
                </td>
                <td>{{ e.ad?.city ?? '—' }}</td>
                <td>{{ e.ad?.source ?? '—' }}</td>
                <td class="num">{{ e.ad ? i18n.number(e.ad.indicatorCount) : '—' }}</td>
                <td>{{ i18n.date(e.ad?.lastSeen) }}</td>
                <td class="note">
                  @if (editing() === e.adId) {
                    <label class="visually-hidden" [for]="'note-' + e.adId">{{ fill(t().noteLabel, { title: titleOf(e) }) }}</label>
                    <textarea [id]="'note-' + e.adId" rows="3" maxlength="2000" aria-describedby="note-hint"
                      [value]="draft()" (input)="onDraft($event)" (keydown)="onNoteKey($event, e)"></textarea>
                    <div class="note-tools">
                      <button type="button" (click)="saveNote(e)" [disabled]="busy()">{{ t().save }}</button>
                      <button type="button" class="secondary" (click)="cancelNote(e)">{{ t().cancel }}</button>
                    </div>
                  } @else {
                    @if (e.note; as note) {
                      <p class="note-text">{{ note.text }}</p>
                      <p class="hint small">{{ fill(t().noteBy, { by: note.by, at: i18n.date(note.at, true) }) }}</p>
                    }
                    <button type="button" class="secondary small" [id]="'edit-' + e.adId" (click)="editNote(e)"
                      [attr.aria-label]="fill(e.note ? t().editNoteLabel : t().addNoteLabel, { title: titleOf(e) })">
                      {{ e.note ? t().editNote : t().addNote }}
                    </button>
                  }
                </td>
                <td>
                  <button type="button" class="secondary small" (click)="remove(e)"
                    [attr.aria-label]="fill(t().removeLabel, { title: titleOf(e) })">{{ t().remove }}</button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    }

    @if (comparedAds(); as ads) {
      <bk-compare-table [ads]="ads" [rows]="rows()" (closed)="closeCompare()" />
    }
  `,
  styles: `
    .tools { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .5rem 0; }
    .tools .export { margin-left: auto; }
    .status:empty { margin: 0; }
    .num { text-align: right; }
    tr.chosen td { background: var(--wash); }
    td.note { min-width: 16rem; max-width: 28rem; }
    .note textarea { width: 100%; }
    .note-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .note-tools { display: flex; gap: .4rem; margin-top: .3rem; }
    .small { font-size: .85rem; margin: .15rem 0; }
    button.small { padding: .15rem .5rem; }
  `,
})
export class ListPage implements OnInit {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  readonly #injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(LIST_TEXT);
  protected readonly fill = fill;
  protected readonly max = COMPARE_MAX;

  readonly id = input.required<string>();

  protected readonly list = signal<ListView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  /** What was just done, said again in the language switched to. */
  readonly #said = signal<{ key: 'saved' | 'removed' | 'exportRequested'; values: Readonly<Record<string, string>> } | null>(null);
  protected readonly status = computed(() => {
    const said = this.#said();
    return said ? fill(this.t()[said.key], said.values) : '';
  });
  protected readonly error = signal<string | null>(null);
  protected readonly selected = signal<string[]>([]);
  protected readonly comparable = computed(() => canCompare(this.selected().length));
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');
  protected readonly compared = signal<AdView[] | null>(null);
  protected readonly shots = signal<Readonly<Record<string, string>>>({});
  protected readonly comparedAds = computed(() => this.compared()?.map((ad): ComparedAd => {
    const shot = this.shots()[ad.id];
    return { id: ad.id, title: this.adTitle(ad), ...(shot ? { shot } : {}) };
  }) ?? null);
  protected readonly rows = computed(() => compareRows((this.compared() ?? []).map((ad): Fields => ({
    ...ad.fields, source: ad.source, indicatorCount: ad.indicatorCount, lastSeen: this.i18n.date(ad.lastSeen, true),
  }))));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.#dropShots());
  }

  ngOnInit(): void {
    void this.load();
  }

  protected titleOf(e: ListEntry): string {
    return e.ad ? e.ad.title ?? this.t().untitled : e.adId;
  }

  protected adTitle(ad: AdView): string {
    return typeof ad.fields['title'] === 'string' ? ad.fields['title'] : this.t().untitled;
  }

  protected isSelected(adId: string): boolean {
    return this.selected().includes(adId);
  }

  protected toggle(adId: string): void {
    this.selected.update((ids) => togglePick(ids, adId));
  }

  protected editNote(e: ListEntry): void {
    this.draft.set(e.note?.text ?? '');
    this.editing.set(e.adId);
    this.#focusAfterRender(`note-${e.adId}`);
  }

  protected onDraft(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
  }

  protected onNoteKey(event: KeyboardEvent, e: ListEntry): void {
    if (event.key === 'Escape') { event.preventDefault(); this.cancelNote(e); }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); void this.saveNote(e); }
  }

  protected cancelNote(e: ListEntry): void {
    this.editing.set(null);
    this.#focusAfterRender(`edit-${e.adId}`);
  }

  protected async saveNote(e: ListEntry): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const { note } = await this.#api.put<{ note: ListNote | null }>(`/lists/${this.id()}/ads/${e.adId}/note`, { note: this.draft() });
      this.list.update((l) => l && { ...l, entries: l.entries.map((x) => x.adId === e.adId ? { ...x, note } : x) });
      this.editing.set(null);
      this.#said.set({ key: 'saved', values: { title: this.titleOf(e) } });
      this.#focusAfterRender(`edit-${e.adId}`);
    } catch (err) {
      this.error.set(this.#problem(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(e: ListEntry): Promise<void> {
    this.error.set(null);
    try {
      await this.#api.delete(`/lists/${this.id()}/ads/${e.adId}`);
      this.selected.update((ids) => ids.filter((x) => x !== e.adId));
      this.compared.update((ads) => ads && ads.some((a) => a.id === e.adId) ? null : ads);
      await this.load();
      this.#said.set({ key: 'removed', values: { title: this.titleOf(e) } });
    } catch (err) {
      this.error.set(this.#problem(err));
    }
  }

  protected async compare(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.#dropShots();
    try {
      const ads = await Promise.all(this.selected().map((id) => this.#api.get<AdView>(`/ads/${id}`)));
      this.compared.set(ads);
      this.#focusAfterRender('compare-title');
      // Only themes that keep screenshots have any (the municipal theme stores none).
      const shots: Record<string, string> = {};
      for (const ad of ads.filter((a) => a.artefacts.some((x) => x.kind === 'screenshot'))) {
        shots[ad.id] = URL.createObjectURL(await this.#api.blob(`/ads/${ad.id}/screenshot`));
      }
      this.shots.set(shots);
    } catch (err) {
      this.error.set(this.#problem(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected closeCompare(): void {
    this.compared.set(null);
    this.#dropShots();
  }

  /** The CSV leaves only once a colleague approved the request (Exports page). */
  protected async requestExport(): Promise<void> {
    const l = this.list();
    if (!l) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.#api.post('/exports', { kind: 'list-csv', subject: l.id });
      this.#said.set({ key: 'exportRequested', values: {} });
    } catch (err) {
      this.error.set(this.#problem(err));
    } finally {
      this.busy.set(false);
    }
  }

  async load(): Promise<void> {
    try {
      const view = await this.#api.get<ListView>(`/lists/${this.id()}`);
      this.list.set(view);
      const present = new Set(view.entries.map((e) => e.adId));
      this.selected.update((ids) => ids.filter((x) => present.has(x)));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 403)) this.notFound.set(true);
      else this.error.set(this.#problem(err));
    }
  }

  #focusAfterRender(id: string): void {
    afterNextRender(() => this.#document.getElementById(id)?.focus(), { injector: this.#injector });
  }

  #dropShots(): void {
    for (const url of Object.values(this.shots())) URL.revokeObjectURL(url);
    this.shots.set({});
  }

  #problem(err: unknown): string {
    return fill(this.t().failed, { detail: detailOf(err) });
  }
}
