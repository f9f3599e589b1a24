// The audit trail for the oversight: the events of the auditor's themes, filtered (the filters live
// in the URL), a page at a time; the check of the hash chain; and the monthly figures.
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import { AuditStats } from './audit-stats';
import { AUDIT_TEXT } from './audit.text';
import { apiParams, AUDIT_ACTIONS, type AuditFilter, COMMON_OUTCOMES, filterFromQuery, NO_FILTER, pageCount, queryOfFilter } from './audit-query';

interface Entry {
  seq: number; at: string; prevHash: string; hash: string;
  body: { action: string; user?: string | null; role?: string | null; themes?: string[]; resources?: string[];
    count?: number; justification?: string | null; outcome?: string; query?: Record<string, unknown> };
}
interface Trail { total: number; page: number; pageSize: number; entries: Entry[] }
interface Verdict { checked: number; ok: boolean; breaks: { seq: number; why: string }[]; checkpoints: string[] }

@Component({
  selector: 'bk-audit-page',
  imports: [FormsModule, AuditStats],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>

    <form class="filters" (ngSubmit)="apply()" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">{{ t().filters }}</h2>
      <div>
        <label for="f-action">{{ t().action }}</label>
        <select id="f-action" name="action" [(ngModel)]="draft.action">
          <option value="">{{ t().anyAction }}</option>
          @for (a of actions; track a) { <option [value]="a">{{ a }}</option> }
        </select>
      </div>
      <div>
        <label for="f-outcome">{{ t().outcome }}</label>
        <input id="f-outcome" name="outcome" maxlength="100" autocomplete="off" list="f-outcomes" [(ngModel)]="draft.outcome" aria-describedby="f-outcome-hint">
        <datalist id="f-outcomes">@for (o of outcomes; track o) { <option [value]="o"></option> }</datalist>
        <span class="visually-hidden" id="f-outcome-hint">{{ t().outcomeHint }}</span>
      </div>
      <div>
        <label for="f-user">{{ t().user }}</label>
        <input id="f-user" name="user" maxlength="100" autocomplete="off" [(ngModel)]="draft.user">
      </div>
      <div>
        <label for="f-theme">{{ t().theme }}</label>
        <select id="f-theme" name="theme" [(ngModel)]="draft.theme">
          <option value="">{{ t().anyTheme }}</option>
          @for (th of themes(); track th) { <option [value]="th">{{ th }}</option> }
        </select>
      </div>
      <div>
        <label for="f-from">{{ t().from }}</label>
        <input id="f-from" name="from" type="date" [(ngModel)]="draft.from">
      </div>
      <div>
        <label for="f-to">{{ t().to }}</label>
        <input id="f-to" name="to" type="date" [(ngModel)]="draft.to">
      </div>
      <div class="filter-buttons">
        <button type="submit">{{ t().apply }}</button>
        <button type="button" class="secondary" (click)="clear()">{{ t().clear }}</button>
      </div>
    </form>

    <h2 id="trail-title">{{ t().trail }}</h2>
    <p role="status" class="status">{{ summary() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (trail(); as tr) {
      <div class="table-scroll">
        <table class="trail" aria-labelledby="trail-title">
          <thead><tr>
            <th scope="col">{{ t().seq }}</th><th scope="col">{{ t().at }}</th><th scope="col">{{ t().action }}</th>
            <th scope="col">{{ t().user }}</th><th scope="col">{{ t().role }}</th><th scope="col">{{ t().themes }}</th>
            <th scope="col">{{ t().query }}</th><th scope="col">{{ t().count }}</th><th scope="col">{{ t().justification }}</th><th scope="col">{{ t().outcome }}</th>
          </tr></thead>
          <tbody>
            @for (e of tr.entries; track e.seq) {
              <tr>
                <td>{{ e.seq }}</td>
                <td>{{ i18n.date(e.at, true) }}</td>
                <td><code>{{ e.body.action }}</code></td>
                <td>{{ e.body.user ?? '—' }}</td>
                <td>{{ e.body.role ?? '—' }}</td>
                <td>{{ (e.body.themes ?? []).join(', ') }}</td>
                <td class="query">{{ queryOf(e) }}</td>
                <td>{{ e.body.count ?? '' }}</td>
                <td>{{ e.body.justification ?? '' }}</td>
                <td>{{ e.body.outcome ?? '' }}</td>
              </tr>
            } @empty { <tr><td colspan="10">{{ t().none }}</td></tr> }
          </tbody>
        </table>
      </div>
      @if (pages() > 1) {
        <nav class="paging" [attr.aria-label]="t().paging">
          <button type="button" class="secondary" [disabled]="filter().page <= 1" (click)="goTo(filter().page - 1)">{{ t().previous }}</button>
          <span>{{ filter().page }} / {{ pages() }}</span>
          <button type="button" class="secondary" [disabled]="filter().page >= pages()" (click)="goTo(filter().page + 1)">{{ t().next }}</button>
        </nav>
      }
    } @else if (!error()) { <p>{{ t().loading }}</p> }

    <section aria-labelledby="chain-title">
      <h2 id="chain-title">{{ t().chain }}</h2>
      <p class="muted">{{ t().chainExplain }}</p>
      <button type="button" (click)="verify()" [disabled]="checking()">{{ checking() ? t().checking : t().check }}</button>
      <div role="status" class="verdict">
        @if (verdict(); as v) {
          @if (v.ok) {
            <p class="ok"><strong>{{ fill(t().intact, { n: i18n.number(v.checked) }) }}</strong></p>
          } @else {
            <p class="error">{{ v.breaks.length ? fill(t().broken, { seq: v.breaks[0]!.seq }) : t().brokenCheckpoints }}</p>
            <ul>
              @for (b of v.breaks; track b.seq) { <li>{{ fill(t().breakAt, { seq: b.seq, why: b.why }) }}</li> }
              @for (c of v.checkpoints; track c) { <li>{{ t().checkpointProblems }} {{ c }}</li> }
            </ul>
          }
        }
        @if (verifyError(); as message) { <p class="error">{{ message }}</p> }
      </div>
    </section>

    <bk-audit-stats />
  `,
})
export class AuditPage {
  readonly #api = inject(Api);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(AUDIT_TEXT);
  protected readonly fill = fill;
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly outcomes = COMMON_OUTCOMES;
  readonly #session = inject(Session);
  protected readonly themes = this.#session.themes;

  protected readonly filter = toSignal(this.#route.queryParamMap.pipe(map((q) => filterFromQuery(Object.fromEntries(q.keys.map((k) => [k, q.get(k)]))))),
    { initialValue: NO_FILTER });
  protected draft: AuditFilter = { ...NO_FILTER };
  protected readonly trail = signal<Trail | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pages = computed(() => pageCount(this.trail()?.total ?? 0));
  protected readonly summary = computed(() => {
    const tr = this.trail();
    if (tr?.total === 1) return this.t().shownOne;
    return tr ? fill(this.t().shown, { total: this.i18n.number(tr.total), page: tr.page, pages: this.pages() }) : '';
  });

  protected readonly checking = signal(false);
  protected readonly verdict = signal<Verdict | null>(null);
  protected readonly verifyError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const f = this.filter();
      untracked(() => { this.draft = { ...f }; void this.load(f); });
    });
  }

  async load(f: AuditFilter): Promise<void> {
    this.error.set(null);
    try {
      this.trail.set(await this.#api.get<Trail>('/audit', apiParams(f)));
    } catch (e) {
      this.trail.set(null);
      this.error.set(this.#failure(e));
    }
  }

  protected apply(): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: queryOfFilter({ ...this.draft, user: this.draft.user.trim(), outcome: this.draft.outcome.trim(), page: 1 }) });
  }

  protected clear(): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: {} });
  }

  protected goTo(page: number): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: queryOfFilter({ ...this.filter(), page }) });
  }

  protected queryOf(e: Entry): string {
    const q = e.body.query;
    if (!q || Object.keys(q).length === 0) return '';
    return Object.entries(q).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
  }

  protected async verify(): Promise<void> {
    this.checking.set(true);
    this.verdict.set(null);
    this.verifyError.set(null);
    try {
      this.verdict.set(await this.#api.get<Verdict>('/audit/verify'));
    } catch (e) {
      this.verifyError.set(this.#failure(e));
    } finally {
      this.checking.set(false);
    }
  }

  #failure(e: unknown): string {
    if (e instanceof ApiError && e.status === 403) return this.t().forbidden;
    return fill(this.t().failed, { detail: detailOf(e) });
  }
}
