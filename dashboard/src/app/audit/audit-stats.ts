// The monthly figures the API gives (GET /api/stats): per theme and source, with the totals per
// theme; small counts come suppressed from the API (null) and show as such. A bar per row in SVG.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, ApiError } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { AUDIT_TEXT } from './audit.text';
import { BarChart } from '../core/bar-chart';
import { monthOf } from './audit-query';

type Count = number | null;
interface Counts { captured: Count; kept: Count; deleted: Count; failed: Count }
interface Stats {
  month: string;
  rows: (Counts & { theme: string; source: string | null; runs: number })[];
  totals: (Counts & { theme: string })[];
  suppressedBelow: number | null;
}

@Component({
  selector: 'bk-audit-stats',
  imports: [FormsModule, BarChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{{ t().figures }}</h2>
      <form class="toolbar" (ngSubmit)="load()">
        <label for="s-month">{{ t().month }}</label>
        <input id="s-month" name="month" type="month" required [(ngModel)]="month">
        <button type="submit">{{ t().show }}</button>
      </form>
      <p role="status" class="status">{{ said() }}</p>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (stats(); as s) {
        @if (s.suppressedBelow !== null) { <p class="notice">{{ fill(t().suppressedNote, { n: s.suppressedBelow }) }}</p> }
        <table class="figures">
          <caption class="visually-hidden">{{ t().figures }} {{ s.month }}</caption>
          <thead><tr>
            <th scope="col">{{ t().theme }}</th><th scope="col">{{ t().source }}</th><th scope="col" class="num">{{ t().runs }}</th>
            <th scope="col" class="num">{{ t().captured }}</th><th scope="col" class="num">{{ t().kept }}</th>
            <th scope="col" class="num">{{ t().deleted }}</th><th scope="col" class="num">{{ t().failedCount }}</th>
          </tr></thead>
          <tbody>
            @for (r of s.rows; track r.theme + '/' + r.source) {
              <tr>
                <td>{{ r.theme }}</td><td>{{ r.source ?? t().allSources }}</td><td class="num">{{ i18n.number(r.runs) }}</td>
                <td class="num">{{ count(r.captured) }}</td><td class="num">{{ count(r.kept) }}</td>
                <td class="num">{{ count(r.deleted) }}</td><td class="num">{{ count(r.failed) }}</td>
              </tr>
            }
            @for (r of s.totals; track r.theme) {
              <tr class="total">
                <th scope="row">{{ r.theme }}</th><th scope="row">{{ t().total }}</th><td></td>
                <td class="num">{{ count(r.captured) }}</td><td class="num">{{ count(r.kept) }}</td>
                <td class="num">{{ count(r.deleted) }}</td><td class="num">{{ count(r.failed) }}</td>
              </tr>
            }
            @if (s.rows.length === 0) { <tr><td colspan="7">{{ t().noFigures }}</td></tr> }
          </tbody>
        </table>
        @if (chart().length) { <bk-bar-chart [title]="t().chartTitle" [items]="chart()" [suppressed]="t().suppressed" /> }
      }
    </section>
  `,
})
export class AuditStats {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(AUDIT_TEXT);
  protected readonly fill = fill;

  protected month = monthOf(new Date());
  protected readonly stats = signal<Stats | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly said = signal('');
  protected readonly chart = computed(() => (this.stats()?.rows ?? []).filter((r) => r.captured !== null).map((r) => ({
    label: `${r.theme} · ${r.source ?? this.t().allSources}`, value: r.captured,
  })));

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    this.said.set('');
    try {
      const s = await this.#api.get<Stats>('/stats', { month: this.month });
      this.stats.set(s);
      this.said.set(fill(this.t().figuresShown, { month: s.month }));
    } catch (e) {
      this.stats.set(null);
      this.error.set(e instanceof ApiError ? fill(this.t().failed, { detail: e.problem.detail }) : String(e));
    }
  }

  protected count(n: Count): string {
    return n === null ? this.t().suppressed : this.i18n.number(n);
  }
}
