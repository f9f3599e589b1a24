// One municipality in the monitor: its weekly trend, platforms and selection criteria as figures,
// the way to its inspection list (the only door to individual ads), and the council report.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { BarChart } from '../core/bar-chart';
import { I18n } from '../core/i18n';
import { saveFile } from '../core/save-file';
import { fill } from '../core/text';
import { monitorPeriod, monitorTheme } from './monitor-theme';
import { type Count, FIGURES, type MunicipalityView } from './monitor-types';
import { countText } from './monitor-view';
import { FIGURE_TEXT, MONITOR_TEXT, MUNICIPALITY_TEXT } from './monitor.text';
import { TrendChart } from './trend-chart';

@Component({
  selector: 'bk-municipality-page',
  imports: [RouterLink, BarChart, TrendChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/monitor" [queryParams]="{ theme }">← {{ t().back }}</a></p>
    @if (view(); as v) {
      <h1>{{ v.municipality.name }}</h1>
      <p class="muted">{{ v.municipality.province }} · {{ monitor().code }} {{ v.municipality.code }}</p>
      <p class="tools">
        <a class="button" [routerLink]="['/inspections', v.municipality.code]" [queryParams]="{ theme }">{{ t().inspectionList }}</a>
        <span class="report">
          {{ t().report }}:
          <button type="button" class="secondary" (click)="report('pdf')" [disabled]="busy()">{{ t().reportPdf }}</button>
          <button type="button" class="secondary" (click)="report('docx')" [disabled]="busy()">{{ t().reportDocx }}</button>
        </span>
      </p>
      <p class="status" role="status" aria-live="polite">{{ status() }}</p>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      <h2>{{ t().trend }}</h2>
      <bk-trend-chart [title]="t().trend" [weeks]="weeks()" [series]="series()" [suppressedBelow]="suppressedBelow()" [weekLabel]="monitor().week" [tableLabel]="t().trend" />
      <div class="panels">
        <section>
          <h2>{{ t().platforms }}</h2>
          <bk-bar-chart [title]="t().platforms" [items]="platforms()" [suppressed]="suppressedText()" />
        </section>
        <section>
          <h2>{{ t().criteria }}</h2>
          <bk-bar-chart [title]="t().criteria" [items]="criteria()" [suppressed]="suppressedText()" />
        </section>
      </div>
    } @else if (notFound()) {
      <h1>{{ t().back }}</h1>
      <p class="error" role="alert">{{ t().notFound }}</p>
    } @else {
      <h1>{{ t().loading }}</h1>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    }
  `,
  styles: `
    .tools { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    .report { display: inline-flex; gap: .5rem; align-items: center; }
    .status:empty { margin: 0; }
    .panels { display: flex; flex-wrap: wrap; gap: 2rem; }
  `,
})
export class MunicipalityPage implements OnInit {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(MUNICIPALITY_TEXT);
  protected readonly monitor = this.i18n.of(MONITOR_TEXT);
  protected readonly names = this.i18n.of(FIGURE_TEXT);
  protected readonly theme = monitorTheme();
  readonly #period = monitorPeriod();

  readonly code = input.required<string>();
  protected readonly view = signal<MunicipalityView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  readonly #downloaded = signal<string | null>(null);
  protected readonly status = computed(() => { const name = this.#downloaded(); return name ? fill(this.t().downloaded, { name }) : ''; });
  protected readonly suppressedBelow = computed(() => this.view()?.suppressedBelow ?? null);
  protected readonly weeks = computed(() => (this.view()?.weeks ?? []).map((w) => w.week));
  protected readonly series = computed(() => FIGURES.map((f) => ({ label: this.names()[f], values: (this.view()?.weeks ?? []).map((w) => w[f]) })));
  protected readonly platforms = computed(() => (this.view()?.platforms ?? []).map((p) => ({ label: p.source, value: p.active })));
  protected readonly criteria = computed(() => (this.view()?.criteria ?? []).map((c) => ({ label: c.label, value: c.count })));
  protected readonly suppressedText = computed(() => countText(null, this.suppressedBelow(), String));

  ngOnInit(): void {
    void this.load();
  }

  protected shown(value: Count): string {
    return countText(value, this.suppressedBelow(), (n) => this.i18n.number(n));
  }

  protected async report(format: 'pdf' | 'docx'): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const file = await this.#api.file(`/monitor/municipalities/${this.code()}/report?theme=${encodeURIComponent(this.theme ?? '')}&format=${format}`);
      saveFile(this.#document, file);
      this.#downloaded.set(file.name);
    } catch (err) {
      this.error.set(fill(this.t().failed, { detail: detailOf(err) }));
    } finally {
      this.busy.set(false);
    }
  }

  async load(): Promise<void> {
    try {
      this.view.set(await this.#api.get<MunicipalityView>(`/monitor/municipalities/${this.code()}`, { theme: this.theme ?? '', ...this.#period }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.notFound.set(true);
      else this.error.set(fill(this.t().failed, { detail: detailOf(err) }));
    }
  }
}
