// Putting the ad on one of its theme's control lists, and (experts) the legal hold with its case and
// the request to export its evidence, which leaves only once a colleague approved it (Exports page).
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import type { Ad, LegalHold, List } from './ad-types';
import { AD_TEXT } from './ad.text';

@Component({
  selector: 'bk-ad-actions',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="list-h">
      <h2 id="list-h">{{ t().listTitle }}</h2>
      @if (lists(); as lists) {
        @if (lists.length === 0) {
          <p>{{ fill(t().listNone, { theme: ad().theme }) }} <a routerLink="/lists">{{ t().listMake }}</a></p>
        } @else {
          <form class="inline-form" (ngSubmit)="addToList()">
            <label for="ad-list">{{ t().listChoose }}</label>
            <select id="ad-list" name="list" [(ngModel)]="listId">
              @for (l of lists; track l.id) { <option [value]="l.id">{{ l.name }}</option> }
            </select>
            <button type="submit" [disabled]="busy()">{{ t().listAdd }}</button>
          </form>
        }
      }
      <p aria-live="polite" class="list-result">{{ listMessage() }}</p>
    </section>
    @if (ad().hold !== undefined) {
      <section aria-labelledby="hold-h">
        <h2 id="hold-h">{{ t().holdTitle }}</h2>
        <p class="hold-state" aria-live="polite">
          @if (hold(); as h) { {{ fill(t().holdCurrent, { case: h.caseNumber, by: h.by, at: i18n.date(h.at, true) }) }} }
          @else { {{ t().holdNone }} }
        </p>
        @if (hold()) {
          <button type="button" class="danger" (click)="release()" [disabled]="busy()">{{ t().release }}</button>
        } @else {
          <form class="inline-form" (ngSubmit)="place()">
            <label for="hold-case">{{ t().caseNumber }}</label>
            <input id="hold-case" name="caseNumber" [(ngModel)]="caseNumber" maxlength="100" autocomplete="off" required>
            <button type="submit" [disabled]="busy()">{{ t().place }}</button>
          </form>
        }
        @if (holdError(); as e) { <p class="error" role="alert">{{ e }}</p> }
      </section>
    }
    @if (exports()) {
      <section aria-labelledby="export-h">
        <h2 id="export-h">{{ t().exportTitle }}</h2>
        <button type="button" class="secondary" (click)="requestExport('warc')" [disabled]="busy()">{{ t().exportWarc }}</button>
        <button type="button" class="secondary" (click)="requestExport('bundle')" [disabled]="busy()">{{ t().exportBundle }}</button>
        <p aria-live="polite" class="export-result">{{ exportMessage() }}</p>
      </section>
    }
  `,
  styles: `
    .inline-form { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
    .inline-form label { margin: 0; }
  `,
})
export class AdActions {
  readonly #api = inject(Api);
  readonly #session = inject(Session);
  protected readonly i18n = inject(I18n);
  readonly ad = input.required<Ad>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly lists = signal<List[] | null>(null);
  protected readonly hold = signal<Ad['hold']>(null);
  protected readonly busy = signal(false);
  protected readonly listMessage = signal('');
  protected readonly holdError = signal<string | null>(null);
  protected readonly exportMessage = signal('');
  /** Only experts may export evidence (src/accounts/roles.ts: ads.export). */
  protected readonly exports = computed(() => this.#session.role() === 'expert');
  protected listId = '';
  protected caseNumber = '';

  constructor() {
    effect(() => {
      const ad = this.ad();
      untracked(() => {
        this.hold.set(ad.hold ?? null);
        void this.#loadLists(ad.theme);
      });
    });
  }

  async #loadLists(theme: string): Promise<void> {
    try {
      const lists = await this.#api.get<List[]>('/lists', { theme });
      this.listId = lists[0]?.id ?? '';
      this.lists.set(lists);
    } catch (e) {
      this.lists.set([]);
      this.listMessage.set(fill(this.t().actionFailed, { detail: detailOf(e) }));
    }
  }

  protected async addToList(): Promise<void> {
    const list = this.lists()?.find((l) => l.id === this.listId);
    if (!list) return;
    await this.#act(async () => {
      const { added } = await this.#api.put<{ added: boolean }>(`/lists/${list.id}/ads/${this.ad().id}`, {});
      this.listMessage.set(fill(added ? this.t().listAdded : this.t().listAlready, { name: list.name }));
    }, (m) => this.listMessage.set(m));
  }

  protected async place(): Promise<void> {
    const caseNumber = this.caseNumber.trim();
    if (!caseNumber) { this.holdError.set(this.t().caseMissing); return; }
    await this.#act(async () => {
      const h = await this.#api.put<LegalHold>(`/ads/${this.ad().id}/hold`, { caseNumber });
      this.#setHold({ caseNumber: h.caseNumber, by: h.by, at: h.at });
      this.caseNumber = '';
    }, (m) => this.holdError.set(m));
  }

  protected async release(): Promise<void> {
    await this.#act(async () => {
      await this.#api.delete(`/ads/${this.ad().id}/hold`);
      this.#setHold(null);
    }, (m) => this.holdError.set(m));
  }

  protected async requestExport(kind: 'warc' | 'bundle'): Promise<void> {
    await this.#act(async () => {
      await this.#api.post('/exports', { kind, subject: this.ad().id });
      this.exportMessage.set(this.t().exportRequested);
    }, (m) => this.exportMessage.set(m));
  }

  #setHold(hold: Ad['hold']): void {
    this.hold.set(hold);
    this.holdError.set(null);
  }

  async #act(run: () => Promise<void>, failed: (message: string) => void): Promise<void> {
    this.busy.set(true);
    try {
      await run();
    } catch (e) {
      failed(fill(this.t().actionFailed, { detail: detailOf(e) }));
    } finally {
      this.busy.set(false);
    }
  }
}
