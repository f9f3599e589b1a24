// The auditor's transparency page (GET /api/transparency): per theme a table of the figures per month
// and for the period, and bars where people would rather look than read. Figures only; suppressed
// counts come from the API as null and read as such.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, detailOf } from '../core/api';
import { BarChart } from '../core/bar-chart';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { byKind, byRole, FIGURES, type Figure } from '../../../../src/reports/transparency-figures.ts';
import { monthStart } from '../../../../src/reports/transparency-period.ts';
import { OVERSIGHT_TEXT } from './oversight.text';

type Figures = Record<Figure, number | null>;
interface Report {
  from: string; to: string; months: string[]; suppressedBelow: number;
  themes: { theme: string; months: { month: string; figures: Figures }[]; period: Figures }[];
  auditChain: { checked: number; ok: boolean; breaks: number; checkpointProblems: number };
}

/** The last month that has ended (UTC): the newest a report may cover. */
const lastEnded = () => monthStart(new Date().toISOString().slice(0, 7), -1).slice(0, 7);

@Component({
  selector: 'bk-oversight-page',
  imports: [FormsModule, BarChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <p>{{ t().intro }}</p>
    <form class="toolbar" (ngSubmit)="load()">
      <label for="o-from">{{ t().from }}</label>
      <input id="o-from" name="from" type="month" required [max]="latest" [(ngModel)]="from">
      <label for="o-to">{{ t().to }}</label>
      <input id="o-to" name="to" type="month" required [max]="latest" [(ngModel)]="to">
      <button type="submit">{{ t().show }}</button>
    </form>
    <p role="status" class="status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (report(); as r) {
      <p class="notice">{{ fill(t().suppressedNote, { n: r.suppressedBelow }) }}</p>
      <p class="chain" [class.error]="!r.auditChain.ok">{{ r.auditChain.ok ? fill(t().chainOk, { n: r.auditChain.checked })
        : fill(t().chainBroken, { n: r.auditChain.checked, breaks: r.auditChain.breaks, checkpoints: r.auditChain.checkpointProblems }) }}</p>
      @for (th of views(); track th.theme) {
        <section [attr.aria-labelledby]="'theme-' + th.theme">
          <h2 [id]="'theme-' + th.theme">{{ th.theme }}</h2>
          <bk-bar-chart [title]="fill(t().keptChart, { theme: th.theme })" [items]="th.kept" [suppressed]="t().suppressed" />
          <bk-bar-chart [title]="fill(t().searchChart, { theme: th.theme })" [items]="th.searches" [suppressed]="t().suppressed" />
          <bk-bar-chart [title]="fill(t().readChart, { theme: th.theme })" [items]="th.reads" [suppressed]="t().suppressed" />
          <div class="table-scroll">
            <table class="figures transparency">
              <caption class="visually-hidden">{{ th.theme }} {{ r.from }} – {{ r.to }}</caption>
              <thead><tr>
                <th scope="col">{{ t().figure }}</th>
                @for (m of th.months; track m.month) { <th scope="col" class="num">{{ m.month }}</th> }
                <th scope="col" class="num">{{ t().period }}</th>
              </tr></thead>
              <tbody>
                @for (f of figures; track f) {
                  <tr [class.part]="f.includes(':')">
                    <th scope="row">{{ t()[f] }}</th>
                    @for (m of th.months; track m.month) { <td class="num">{{ count(m.figures[f]) }}</td> }
                    <td class="num">{{ count(th.period[f]) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      } @empty { <p>{{ t().noThemes }}</p> }
    }
  `,
})
export class OversightPage {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(OVERSIGHT_TEXT);
  protected readonly fill = fill;
  protected readonly figures = FIGURES;
  protected readonly latest = lastEnded();

  protected from = this.latest;
  protected to = this.latest;
  protected readonly report = signal<Report | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly said = signal('');
  /** Each theme with its bars, worked out once per answer and language. */
  protected readonly views = computed(() => (this.report()?.themes ?? []).map((th) => ({
    ...th,
    kept: th.months.map((m) => ({ label: m.month, value: m.figures.kept })),
    searches: this.#partBars(th.period, byRole('searches')),
    reads: this.#partBars(th.period, byKind('reads')),
  })));

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    this.said.set(this.t().loading);
    try {
      const r = await this.#api.get<Report>('/transparency', { from: this.from, to: this.to });
      this.report.set(r);
      this.said.set(fill(this.t().shown, { from: r.from, to: r.to }));
    } catch (e) {
      this.report.set(null);
      this.said.set('');
      this.error.set(fill(this.t().loadFailed, { detail: detailOf(e) }));
    }
  }

  protected count(n: number | null): string {
    return n === null ? this.t().suppressed : this.i18n.number(n);
  }

  #partBars(period: Figures, parts: readonly Figure[]) {
    return parts.map((f) => ({ label: this.t()[f], value: period[f] }));
  }
}
