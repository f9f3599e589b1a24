// The network's ads on one time axis, each a bar from first to last seen; the chosen ad stands out.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { AdSummary } from './network-graph.ts';
import { timelineOf } from './network-timeline.ts';
import type { NetworkTexts } from './network.text';

const WIDTH = 900;
const LEFT = 190;
const ROW = 14;
const TOP = 22;
const DAY = 86_400_000;

@Component({
  selector: 'bk-network-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="timeline-box">
      <svg class="timeline" [attr.viewBox]="'0 0 ' + timeline().width + ' ' + timeline().height" [attr.height]="timeline().height" role="img" [attr.aria-label]="label()">
        @for (tick of ticks(); track tick.x) {
          <line class="tick" [attr.x1]="tick.x" [attr.x2]="tick.x" y1="14" [attr.y2]="timeline().height"></line>
          <text class="tick-label" [attr.x]="tick.x" y="10">{{ tick.text }}</text>
        }
        @for (row of timeline().rows; track row.id) {
          <g [class.chosen]="'ad:' + row.id === selected()">
            <text class="row-label" [attr.x]="LEFT - 8" [attr.y]="row.y + 10">{{ row.label }}</text>
            <rect class="bar" [attr.x]="row.x" [attr.y]="row.y + 2" [attr.width]="row.width" height="9" rx="2"><title>{{ row.label }}</title></rect>
          </g>
        }
      </svg>
    </div>
  `,
  styles: `
    .timeline-box { max-height: 22rem; overflow-y: auto; border: 1px solid var(--line); border-radius: var(--radius); }
    .timeline { width: 100%; min-width: 640px; display: block; }
    .tick { stroke: #c9d0d8; }
    .tick-label { font-size: 10px; fill: #4a5360; text-anchor: middle; }
    .row-label { font-size: 10px; fill: #1b1f24; text-anchor: end; }
    .bar { fill: #14375e; }
    .chosen .bar { fill: #c25400; }
    .chosen .row-label { font-weight: 700; }
  `,
})
export class NetworkTimelineView {
  readonly #i18n = inject(I18n);
  readonly ads = input.required<readonly AdSummary[]>();
  readonly selected = input<string | null>(null);
  readonly t = input.required<NetworkTexts>();
  protected readonly LEFT = LEFT;

  protected readonly timeline = computed(() => timelineOf(
    this.ads().map((a) => ({ id: a.id, label: short(a.title ?? a.id), from: Date.parse(a.firstSeen), to: Date.parse(a.lastSeen) })),
    { width: WIDTH, row: ROW, left: LEFT, top: TOP },
  ));
  /** Dates on the axis; with the time of day too where the network spans only a few days. */
  protected readonly ticks = computed(() => {
    const ticks = this.timeline().ticks;
    const withTime = (ticks.at(-1)?.at ?? 0) - (ticks[0]?.at ?? 0) < 3 * DAY;
    return ticks.map((tick) => ({ x: tick.x, text: this.#i18n.date(new Date(tick.at).toISOString(), withTime) }));
  });
  protected readonly label = computed(() => {
    const ticks = this.ticks();
    return fill(this.t().timelineLabel, { n: this.ads().length, from: ticks[0]?.text ?? '—', to: ticks.at(-1)?.text ?? '—' });
  });
}

function short(text: string): string {
  return text.length > 30 ? text.slice(0, 29) + '…' : text;
}
