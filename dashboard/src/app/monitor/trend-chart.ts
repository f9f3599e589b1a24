// Counts per week as lines in SVG, one per figure, with the same numbers in a table for screen
// readers and keyboard users; a suppressed week breaks its line and reads "< 5" in the table.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n';
import type { Count } from './monitor-types';
import { countText, trendLines, type TrendSeries } from './monitor-view';

const WIDTH = 520;
const HEIGHT = 160;
const COLOURS = ['#14375e', '#c25400', '#1e6b34', '#6b2d8c', '#a4161a', '#4a5360'];

@Component({
  selector: 'bk-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="trend">
      <figcaption>{{ title() }}</figcaption>
      <svg role="img" [attr.aria-label]="title()" [attr.viewBox]="'-30 -10 ' + (width + 60) + ' ' + (height + 40)" class="trend-svg">
        <line class="axis" x1="0" [attr.y1]="height" [attr.x2]="width" [attr.y2]="height" />
        @for (line of lines(); track line.label; let i = $index) {
          <path [attr.d]="line.path" [attr.stroke]="colour(i)" class="line" />
          @for (p of line.points; track p.x) { <circle [attr.cx]="p.x" [attr.cy]="p.y" r="3" [attr.fill]="colour(i)"><title>{{ line.label }}: {{ p.value }}</title></circle> }
        }
        @if (weeks().length > 0) {
          <text [attr.x]="0" [attr.y]="height + 18" class="tick">{{ weeks()[0] }}</text>
          <text [attr.x]="width" [attr.y]="height + 18" class="tick end">{{ weeks()[weeks().length - 1] }}</text>
        }
      </svg>
      <ul class="legend">
        @for (s of series(); track s.label; let i = $index) { <li><span class="swatch" [style.background]="colour(i)"></span>{{ s.label }}</li> }
      </ul>
      <details>
        <summary>{{ tableLabel() }}</summary>
        <table class="trend-table">
          <thead><tr><th scope="col">{{ weekLabel() }}</th>@for (s of series(); track s.label) { <th scope="col" class="num">{{ s.label }}</th> }</tr></thead>
          <tbody>
            @for (w of weeks(); track w; let i = $index) {
              <tr><th scope="row">{{ w }}</th>@for (s of series(); track s.label) { <td class="num">{{ shown(s.values[i] ?? null) }}</td> }</tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
  styles: `
    .trend { margin: 0 0 1rem; }
    .trend-svg { width: 100%; max-width: 600px; height: auto; display: block; }
    .axis { stroke: var(--line); }
    .line { fill: none; stroke-width: 2; }
    .tick { font-size: 11px; fill: var(--muted); }
    .tick.end { text-anchor: end; }
    .legend { display: flex; gap: 1rem; list-style: none; padding: 0; margin: .25rem 0; flex-wrap: wrap; }
    .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: middle; }
    .num { text-align: right; }
  `,
})
export class TrendChart {
  readonly #i18n = inject(I18n);
  readonly title = input.required<string>();
  readonly weeks = input.required<readonly string[]>();
  readonly series = input.required<readonly TrendSeries[]>();
  readonly suppressedBelow = input<number | null>(null);
  readonly weekLabel = input('Week');
  readonly tableLabel = input('Tabel');
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly lines = computed(() => trendLines(this.series(), WIDTH, HEIGHT));

  protected colour(i: number): string {
    return COLOURS[i % COLOURS.length]!;
  }

  protected shown(value: Count): string {
    return countText(value, this.suppressedBelow(), (n) => this.#i18n.number(n));
  }
}
