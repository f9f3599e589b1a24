// Source health: per source of the admin's themes, when it last yielded ads, how many of its pages
// failed, how many of its runs were given up (their owner gone), what share of its ad pages the extractor
// still understands, and the alert of a run whose yield dropped (a site that changed its page structure).
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Api } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import type { SourceHealth as Health } from './admin-types';
import { failureOf } from './admin-ui';
import { percent } from './format';

@Component({
  selector: 'bk-source-health',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ t().health }}</h2>
    <p>{{ t().healthIntro }}</p>
    <div class="toolbar"><button type="button" class="secondary" (click)="load()">{{ t().refresh }}</button></div>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (sources() === null) { <p>{{ t().loading }}</p> } @else {
      @for (s of alerted(); track s.source) {
        <p class="error" role="alert">{{ alertText(s) }}</p>
      }
      <div class="table-scroll">
        <table class="source-health">
          <caption class="visually-hidden">{{ t().health }}</caption>
          <thead><tr>
            <th scope="col">{{ t().source }}</th><th scope="col">{{ t().theme }}</th><th scope="col">{{ t().lastSuccess }}</th>
            <th scope="col">{{ t().failureRate }}</th><th scope="col">{{ t().abandonedRuns }}</th><th scope="col">{{ t().yield }}</th><th scope="col">{{ t().usualYield }}</th>
            <th scope="col">{{ t().alert }}</th>
          </tr></thead>
          <tbody>
            @for (s of sources(); track s.source) {
              <tr>
                <th scope="row">{{ s.name }} <span class="muted">({{ s.source }})</span></th>
                <td>{{ s.theme }}</td>
                <td>{{ i18n.date(s.lastSuccess, true) }}</td>
                <td>{{ pct(s.failureRate) }} <span class="muted">{{ fill(t().failedOf, { failed: s.failed, tried: s.captured + s.failed, runs: s.runs }) }}</span></td>
                <td>{{ fill(t().abandonedOf, { abandoned: s.abandoned, runs: s.runs }) }}</td>
                <td>{{ pct(s.yield) }}</td>
                <td>{{ pct(s.usualYield) }}</td>
                <td>
                  @if (s.alert) { <span class="state state-failed">{{ t().yieldDropped }}</span> } @else { <span class="state state-done">{{ t().healthy }}</span> }
                </td>
              </tr>
            } @empty { <tr><td colspan="8">{{ t().noItems }}</td></tr> }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class SourceHealth {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(ADMIN_TEXT);
  protected readonly fill = fill;

  protected readonly sources = signal<Health[] | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    try {
      this.sources.set(await this.#api.get<Health[]>('/admin/source-health'));
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  protected alerted(): Health[] {
    return (this.sources() ?? []).filter((s) => s.alert !== null);
  }

  protected pct(value: number | null): string {
    return percent(value, this.i18n.locale());
  }

  protected alertText(s: Health): string {
    const a = s.alert!;
    return fill(a.baseline === null ? this.t().alertFirst : this.t().alertDrop, {
      name: s.name, yield: this.pct(a.yield), usual: this.pct(a.baseline), floor: this.pct(a.floor), time: this.i18n.date(a.raisedAt, true),
    });
  }
}
