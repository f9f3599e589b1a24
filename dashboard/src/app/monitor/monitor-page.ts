// The supervisor's monitor: the online supply per municipality over whole weeks, as figures only
// (small counts suppressed), on a table, a map and a trend; individual ads only via an inspection list.
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { MonitorMap } from './monitor-map';
import { monitorTheme } from './monitor-theme';
import { type Count, FIGURES, type MonitorView } from './monitor-types';
import { byActive, countText, outcomeTotal, weekChoices, weeksBetween } from './monitor-view';
import { FIGURE_TEXT, MONITOR_TEXT } from './monitor.text';
import { TrendChart } from './trend-chart';

const WEEKS_OFFERED = 26;
const DEFAULT_SPAN = 8;
const TREND_FIGURES = ['active', 'new', 'gone'] as const;

@Component({
  selector: 'bk-monitor-page',
  imports: [RouterLink, MonitorMap, TrendChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    @if (theme === null) {
      <p class="error" role="alert">{{ t().noTheme }}</p>
    } @else {
      <p class="hint">{{ fill(t().intro, { n: view()?.suppressedBelow ?? 5 }) }}</p>
      <form class="filters" (submit)="$event.preventDefault(); load()">
        <label for="monitor-from">{{ t().from }}</label>
        <select id="monitor-from" (change)="from.set(value($event))">
          @for (w of weeks; track w) { <option [value]="w" [selected]="w === from()">{{ w }}</option> }
        </select>
        <label for="monitor-to">{{ t().to }}</label>
        <select id="monitor-to" (change)="to.set(value($event))">
          @for (w of weeks; track w) { <option [value]="w" [selected]="w === to()">{{ w }}</option> }
        </select>
        <label for="monitor-province">{{ t().province }}</label>
        <select id="monitor-province" (change)="province.set(value($event))">
          <option value="" [selected]="province() === ''">{{ t().allProvinces }}</option>
          @for (p of provinces(); track p) { <option [value]="p" [selected]="p === province()">{{ p }}</option> }
        </select>
        <button type="submit" [disabled]="busy()">{{ t().show }}</button>
      </form>
      <p class="status" role="status" aria-live="polite">{{ busy() ? t().loading : '' }}</p>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

      @if (view(); as v) {
        <h2>{{ t().municipalities }}</h2>
        <p class="muted">{{ fill(t().period, { from: v.from, to: v.to }) }}</p>
        @if (v.municipalities.length === 0) { <p>{{ t().none }}</p> }
        @else {
          <div class="scroll">
            <table class="monitor">
              <thead>
                <tr>
                  <th scope="col">{{ t().municipality }}</th><th scope="col">{{ t().province }}</th>
                  @for (f of figures; track f) { <th scope="col" class="num">{{ names()[f] }}</th> }
                  <th scope="col" class="num">{{ t().inspections }}</th>
                </tr>
              </thead>
              <tbody>
                @for (m of rows(); track m.code) {
                  <tr>
                    <th scope="row"><a [routerLink]="['/monitor', m.code]" [queryParams]="{ theme, from: v.from, to: v.to }">{{ m.name }}</a></th>
                    <td>{{ m.province }}</td>
                    @for (f of figures; track f) { <td class="num">{{ shown(m[f]) }}</td> }
                    <td class="num">{{ shown(inspected(m.inspections)) }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan="2">{{ t().totals }}</th>
                  @for (f of figures; track f) { <td class="num">{{ shown(v.totals[f]) }}</td> }
                  <td></td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p class="muted">{{ fill(t().unresolved, { ambiguous: shown(v.unresolved.ambiguous), unknown: shown(v.unresolved.unknown) }) }}</p>
        }
        <div class="panels">
          <section aria-labelledby="map-title">
            <h2 id="map-title">{{ t().map }}</h2>
            <bk-monitor-map [municipalities]="v.municipalities" [suppressedBelow]="v.suppressedBelow" />
          </section>
          <section aria-labelledby="trend-title">
            <h2 id="trend-title">{{ t().trend }}</h2>
            @if (trend(); as tr) {
              <bk-trend-chart [title]="t().trendLabel" [weeks]="tr.weeks" [series]="trendSeries()" [suppressedBelow]="v.suppressedBelow" [weekLabel]="t().week" [tableLabel]="t().trend" />
            }
          </section>
        </div>
      }
    }
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .status:empty { margin: 0; }
    .scroll { overflow-x: auto; }
    .num { text-align: right; }
    .panels { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
    .panels > section { flex: 1 1 420px; }
  `,
})
export class MonitorPage implements OnInit {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(MONITOR_TEXT);
  protected readonly names = this.i18n.of(FIGURE_TEXT);
  protected readonly fill = fill;
  protected readonly figures = FIGURES;
  protected readonly theme = monitorTheme();
  protected readonly weeks = weekChoices(new Date(), WEEKS_OFFERED);

  protected readonly from = signal(this.weeks[DEFAULT_SPAN - 1]!);
  protected readonly to = signal(this.weeks[0]!);
  protected readonly province = signal('');
  protected readonly view = signal<MonitorView | null>(null);
  /** The selection's totals week by week: one call per week, as the period's answer sums them. */
  protected readonly trend = signal<{ weeks: string[]; totals: MonitorView['totals'][] } | null>(null);
  protected readonly trendSeries = computed(() => TREND_FIGURES.map((f) => ({ label: this.names()[f], values: (this.trend()?.totals ?? []).map((x) => x[f]) })));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Every province an answer named, so choosing one does not empty the choice. */
  readonly #seen = signal<readonly string[]>([]);
  protected readonly provinces = computed(() => [...this.#seen()].sort((a, b) => a.localeCompare(b, 'nl')));
  protected readonly inspected = outcomeTotal;
  protected readonly rows = computed(() => byActive(this.view()?.municipalities ?? []));

  ngOnInit(): void {
    if (this.theme !== null) void this.load();
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected shown(value: Count): string {
    return countText(value, this.view()?.suppressedBelow ?? null, (n) => this.i18n.number(n));
  }

  async load(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const view = await this.#api.get<MonitorView>('/monitor', this.#params(this.from(), this.to()));
      this.view.set(view);
      this.#seen.update((known) => [...new Set([...known, ...view.provinces.map((p) => p.province), ...view.municipalities.map((m) => m.province)])]);
      const weeks = weeksBetween(this.from(), this.to());
      const perWeek = await Promise.all(weeks.map((w) => this.#api.get<MonitorView>('/monitor', this.#params(w, w))));
      this.trend.set({ weeks, totals: perWeek.map((v) => v.totals) });
    } catch (err) {
      this.error.set(fill(this.t().failed, { detail: detailOf(err) }));
    } finally {
      this.busy.set(false);
    }
  }

  #params(from: string, to: string): Record<string, string> {
    return { theme: this.theme!, from, to, ...(this.province() ? { province: this.province() } : {}) };
  }
}
