// Saving the search page's filters as a standing search: a name and one theme; the period, order and
// page are left out, since each crawl run's new ads are what a standing search looks at.
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import type { SearchQuery } from '../search/search-query';
import { SEARCHES_TEXT } from './searches.text';
import { StandingInbox } from './standing-inbox';
import type { StandingQuery, StandingSearch } from './standing-types';

@Component({
  selector: 'bk-save-standing',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="save-standing">
      <summary>{{ t().save }}</summary>
      <p class="hint">{{ t().saveHint }}</p>
      <form (ngSubmit)="save()">
        <label for="standing-name">{{ t().saveName }}</label>
        <input id="standing-name" name="name" maxlength="200" autocomplete="off" [(ngModel)]="name">
        @if (query().theme === null) {
          <label for="standing-theme">{{ t().saveTheme }}</label>
          <select id="standing-theme" name="theme" [(ngModel)]="theme">
            @for (th of themes(); track th) { <option [value]="th">{{ th }}</option> }
          </select>
        }
        <button type="submit" [disabled]="busy()">{{ t().saveButton }}</button>
      </form>
      <p class="status" role="status" aria-live="polite">{{ said() }}@if (said()) { <a routerLink="/searches"> {{ t().inbox }}</a> }</p>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    </details>
  `,
  styles: `
    .save-standing form { display: grid; gap: .3rem; max-width: 20rem; }
    .status:empty { margin: 0; }
  `,
})
export class SaveStanding {
  readonly #api = inject(Api);
  readonly #inbox = inject(StandingInbox);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(SEARCHES_TEXT);
  protected readonly themes = inject(Session).themes;
  readonly query = input.required<SearchQuery>();
  protected name = '';
  protected theme = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  readonly #saved = signal<string | null>(null);
  protected readonly said = computed(() => { const name = this.#saved(); return name === null ? '' : fill(this.t().saved, { name }); });

  protected async save(): Promise<void> {
    const name = this.name.trim();
    if (!name) { this.error.set(this.t().nameMissing); return; }
    this.busy.set(true);
    this.error.set(null);
    try {
      const q = this.query();
      const saved = await this.#api.post<StandingSearch>('/searches', { theme: q.theme ?? (this.theme || this.themes()[0]), name, query: standingQuery(q) });
      this.#saved.set(saved.name);
      this.name = '';
      this.#inbox.refresh();
    } catch (e) {
      this.error.set(fill(this.t().failed, { detail: detailOf(e) }));
    } finally {
      this.busy.set(false);
    }
  }
}

function standingQuery(q: SearchQuery): StandingQuery {
  return {
    ...(q.q ? { q: q.q } : {}), ...(q.source ? { source: q.source } : {}), ...(q.city ? { city: q.city } : {}),
    ...(q.scoreBand ? { scoreBand: q.scoreBand } : {}), ...(q.minIndicators !== null ? { minIndicators: q.minIndicators } : {}),
    ...(q.phone ? { phone: q.phone } : {}),
  };
}
