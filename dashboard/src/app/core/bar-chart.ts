// Counts as horizontal bars in SVG, scaled to the largest; a suppressed count (null) gets no bar but
// says so, so a hidden month is not mistaken for a zero.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { bars } from '../audit/audit-query';
import { I18n } from './i18n';
import { SUPPRESSED } from '../../../../src/reports/document.ts';

const CHART_WIDTH = 360;
const BAR_HEIGHT = 18;
const LABEL_WIDTH = 260;

@Component({
  selector: 'bk-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption>{{ title() }}</figcaption>
      <svg class="bars" role="img" [attr.aria-label]="title()" [attr.width]="labelWidth + chartWidth + 90" [attr.height]="items().length * barHeight * 1.5 + 6">
        <title>{{ title() }}</title>
        @for (b of drawn(); track b.label; let i = $index) {
          <text [attr.x]="0" [attr.y]="i * barHeight * 1.5 + barHeight - 4" class="bar-label">{{ b.label }}</text>
          @if (b.width !== null) {
            <rect [attr.x]="labelWidth" [attr.y]="i * barHeight * 1.5 + 2" [attr.width]="b.width" [attr.height]="barHeight" class="bar" />
          }
          <text [attr.x]="labelWidth + (b.width ?? 0) + 6" [attr.y]="i * barHeight * 1.5 + barHeight - 4" class="bar-value">{{ b.shown }}</text>
        }
      </svg>
    </figure>
  `,
})
export class BarChart {
  readonly #i18n = inject(I18n);
  readonly title = input.required<string>();
  readonly items = input.required<readonly { label: string; value: number | null }[]>();
  /** What a suppressed count reads as. */
  readonly suppressed = input(SUPPRESSED);
  protected readonly chartWidth = CHART_WIDTH;
  protected readonly barHeight = BAR_HEIGHT;
  protected readonly labelWidth = LABEL_WIDTH;

  protected readonly drawn = computed(() => {
    const widths = new Map(bars(this.items(), CHART_WIDTH).map((b) => [b.label, b.width]));
    return this.items().map((i) => ({
      label: i.label, width: i.value === null ? null : widths.get(i.label) ?? 0,
      shown: i.value === null ? this.suppressed() : this.#i18n.number(i.value),
    }));
  });
}
