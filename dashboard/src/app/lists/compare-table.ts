// Ads side by side (compare.ts), for a control list and an inspection list alike: one row per field,
// the rows that differ marked in words as well as colour, and the screenshots where the theme keeps them.
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { CompareRow } from './compare';
import { COMPARE_TEXT, FIELD_TEXT } from './lists.text';

export interface ComparedAd { id: string; title: string; shot?: string }

@Component({
  selector: 'bk-compare-table',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="compare" aria-labelledby="compare-title">
      <h2 id="compare-title" tabindex="-1">{{ t().comparison }}</h2>
      <p class="hint">{{ t().differsLegend }}</p>
      <div class="scroll">
        <table class="compare-table">
          <thead>
            <tr>
              <th scope="col">{{ t().field }}</th>
              @for (ad of ads(); track ad.id) { <th scope="col"><a [routerLink]="['/ads', ad.id]">{{ ad.title }}</a></th> }
            </tr>
          </thead>
          <tbody>
            @if (hasShots()) {
              <tr>
                <th scope="row">{{ t().screenshot }}</th>
                @for (ad of ads(); track ad.id) {
                  <td>@if (ad.shot; as src) { <img class="shot" [src]="src" [alt]="fill(t().screenshotOf, { title: ad.title })"> }</td>
                }
              </tr>
            }
            @for (row of rows(); track row.field) {
              <tr [class.differs]="row.differs">
                <th scope="row">{{ label(row.field) }}@if (row.differs) { <span class="diff-mark">≠ {{ t().differs }}</span> }</th>
                @for (value of row.values; track $index) { <td>{{ value || '—' }}</td> }
              </tr>
            }
          </tbody>
        </table>
      </div>
      <button type="button" class="secondary" (click)="closed.emit()">{{ t().closeCompare }}</button>
    </section>
  `,
  styles: `
    .compare { margin-top: 1.5rem; }
    .compare h2:focus { outline: none; }
    .scroll { overflow-x: auto; }
    .compare-table th[scope="row"] { width: 12rem; white-space: nowrap; }
    .compare-table td { overflow-wrap: anywhere; }
    .compare-table tr.differs th, .compare-table tr.differs td { background: var(--mark); }
    .diff-mark { display: block; font-weight: normal; font-size: .85rem; }
    .shot { max-width: 100%; max-height: 16rem; border: 1px solid var(--line); }
  `,
})
export class CompareTable {
  readonly ads = input.required<readonly ComparedAd[]>();
  readonly rows = input.required<readonly CompareRow[]>();
  readonly closed = output<void>();
  protected readonly t = inject(I18n).of(COMPARE_TEXT);
  protected readonly fields = inject(I18n).of(FIELD_TEXT);
  protected readonly fill = fill;
  protected readonly hasShots = computed(() => this.ads().some((ad) => ad.shot !== undefined));

  protected label(field: string): string {
    return (this.fields() as Readonly<Record<string, string>>)[field] ?? field;
  }
}
