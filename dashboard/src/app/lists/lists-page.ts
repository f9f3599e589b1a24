// All control lists of the user's themes: make one, open one, delete one (after a confirmation).
import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import type { ListRecord } from './list-types';
import { LISTS_TEXT } from './lists.text';

@Component({
  selector: 'bk-lists-page',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <p class="muted">{{ t().intro }}</p>

    <section aria-labelledby="new-list" class="new-list">
      <h2 id="new-list">{{ t().newList }}</h2>
      <form (ngSubmit)="create()">
        <div class="row">
          <div>
            <label for="list-name">{{ t().name }}</label>
            <input id="list-name" name="name" maxlength="200" autocomplete="off" [(ngModel)]="name">
          </div>
          <div>
            <label for="list-theme">{{ t().theme }}</label>
            <select id="list-theme" name="theme" [(ngModel)]="theme">
              @for (th of themes(); track th) { <option [value]="th">{{ th }}</option> }
            </select>
          </div>
          <button type="submit" [disabled]="busy()">{{ t().create }}</button>
        </div>
      </form>
    </section>

    <p class="status" role="status" aria-live="polite">{{ status() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

    <h2>{{ t().yourLists }}</h2>
    @if (lists(); as all) {
      @if (all.length === 0) {
        <p>{{ t().none }}</p>
      } @else {
        <table class="lists">
          <caption class="visually-hidden">{{ count() }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ t().name }}</th><th scope="col">{{ t().theme }}</th><th scope="col" class="num">{{ t().size }}</th>
              <th scope="col">{{ t().createdBy }}</th><th scope="col">{{ t().createdAt }}</th><th scope="col">{{ t().updated }}</th>
              <th scope="col">{{ t().actions }}</th>
            </tr>
          </thead>
          <tbody>
            @for (list of all; track list.id) {
              <tr>
                <td><a [routerLink]="['/lists', list.id]">{{ list.name }}</a></td>
                <td>{{ list.theme }}</td>
                <td class="num">{{ i18n.number(list.size) }}</td>
                <td>{{ list.createdBy }}</td>
                <td>{{ i18n.date(list.createdAt, true) }}</td>
                <td>{{ i18n.date(list.updatedAt, true) }}</td>
                <td>
                  @if (confirming() === list.id) {
                    <div class="confirm" role="group" [attr.aria-label]="fill(t().deleteLabel, { name: list.name })">
                      <span>{{ fill(t().confirmDelete, { name: list.name }) }}</span>
                      <button type="button" class="danger" [id]="'confirm-' + list.id" (click)="remove(list)">{{ t().confirm }}</button>
                      <button type="button" class="secondary" (click)="cancel(list)">{{ t().cancel }}</button>
                    </div>
                  } @else {
                    <button type="button" class="secondary" [id]="'delete-' + list.id" [attr.aria-label]="fill(t().deleteLabel, { name: list.name })"
                      (click)="ask(list)">{{ t().delete }}</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (!error()) {
      <p>{{ t().loading }}</p>
    }
  `,
  styles: `
    .new-list .row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
    .new-list input { min-width: 18rem; }
    .status:empty { margin: 0; }
    .num { text-align: right; }
    .confirm { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
  `,
})
export class ListsPage {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(LISTS_TEXT);
  protected readonly fill = fill;
  readonly #session = inject(Session);
  readonly #document = inject(DOCUMENT);
  readonly #injector = inject(Injector);
  protected readonly themes = this.#session.themes;

  protected name = '';
  protected theme = '';
  protected readonly lists = signal<ListRecord[] | null>(null);
  protected readonly busy = signal(false);
  /** What was just done, said again in the language switched to. */
  readonly #said = signal<{ key: 'created' | 'deleted'; values: Readonly<Record<string, string>> } | null>(null);
  protected readonly status = computed(() => {
    const said = this.#said();
    return said ? fill(this.t()[said.key], said.values) : '';
  });
  protected readonly error = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly count = computed(() => fill(this.t().count, { n: this.lists()?.length ?? 0 }));

  constructor() {
    this.theme = this.themes()[0] ?? '';
    void this.load();
  }

  protected async create(): Promise<void> {
    const name = this.name.trim();
    if (!name) { this.error.set(this.t().nameMissing); return; }
    this.busy.set(true);
    this.error.set(null);
    try {
      const created = await this.#api.post<ListRecord>('/lists', { name, theme: this.theme || this.themes()[0] });
      this.name = '';
      await this.load();
      this.#said.set({ key: 'created', values: { name: created.name } });
    } catch (e) {
      this.error.set(e instanceof ApiError && e.status === 409 ? this.t().nameTaken : this.#problem(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected ask(list: ListRecord): void {
    this.confirming.set(list.id);
    this.#focusAfterRender(`confirm-${list.id}`);
  }

  protected cancel(list: ListRecord): void {
    this.confirming.set(null);
    this.#focusAfterRender(`delete-${list.id}`);
  }

  protected async remove(list: ListRecord): Promise<void> {
    this.error.set(null);
    try {
      await this.#api.delete(`/lists/${list.id}`);
      this.confirming.set(null);
      await this.load();
      this.#said.set({ key: 'deleted', values: { name: list.name } });
    } catch (e) {
      this.error.set(this.#problem(e));
    }
  }

  async load(): Promise<void> {
    try {
      this.lists.set(await this.#api.get<ListRecord[]>('/lists'));
    } catch (e) {
      this.error.set(this.#problem(e));
    }
  }

  #focusAfterRender(id: string): void {
    afterNextRender(() => this.#document.getElementById(id)?.focus(), { injector: this.#injector });
  }

  #problem(e: unknown): string {
    if (e instanceof ApiError && e.status === 403) return this.t().forbidden;
    return fill(this.t().failed, { detail: detailOf(e) });
  }
}
