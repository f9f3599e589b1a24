// The municipalities on the country's outline (bundled Natural Earth data, no tile server): a point
// per municipality at its coordinates, its area by the active ads; a suppressed count draws small.
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon } from 'geojson';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { NetworkMapData } from '../network/network-map-data';
import type { MonitorMunicipality } from './monitor-types';
import { countText, pointRadius } from './monitor-view';
import { MONITOR_TEXT } from './monitor.text';

const WIDTH = 420;
const HEIGHT = 480;

@Component({
  selector: 'bk-monitor-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed()) { <p class="error" role="alert">{{ t().mapFailed }}</p> }
    @else if (!drawn()) { <p class="muted" role="status">{{ t().mapLoading }}</p> }
    @else {
      <figure class="map-figure">
        <svg class="map" [attr.viewBox]="'0 0 ' + width + ' ' + height" role="img" [attr.aria-label]="label()">
          <path class="land" [attr.d]="drawn()!.land"></path>
          @for (p of drawn()!.points; track p.code) {
            <circle class="place" [class.suppressed]="p.suppressed" [attr.cx]="p.x" [attr.cy]="p.y" [attr.r]="p.r"><title>{{ p.name }}: {{ p.shown }}</title></circle>
          }
        </svg>
        <figcaption class="attribution">{{ t().mapAttribution }}</figcaption>
      </figure>
    }
  `,
  styles: `
    .map-figure { margin: 0; }
    .map { width: 420px; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: var(--radius); background: #eef4f8; display: block; }
    .land { fill: #ffffff; stroke: #4a5360; stroke-width: .8; }
    .place { fill: rgba(20, 55, 94, .6); stroke: #1b1f24; stroke-width: .8; }
    .place.suppressed { fill: #ffffff; }
    .attribution { font-size: .85rem; color: var(--muted); margin-top: .25rem; }
  `,
})
export class MonitorMap {
  readonly #data = inject(NetworkMapData);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(MONITOR_TEXT);
  readonly municipalities = input.required<readonly MonitorMunicipality[]>();
  readonly suppressedBelow = input<number | null>(null);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  readonly #outline = signal<Feature<MultiPolygon> | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    this.#data.outline().then((o) => this.#outline.set(o), () => this.failed.set(true));
  }

  protected readonly drawn = computed(() => {
    const outline = this.#outline();
    if (!outline) return null;
    const projection = geoMercator().fitExtent([[12, 12], [WIDTH - 12, HEIGHT - 12]], outline);
    const largest = Math.max(0, ...this.municipalities().map((m) => m.active ?? 0));
    const points = this.municipalities().flatMap((m) => {
      const at = projection([m.lng, m.lat]);
      return at ? [{
        code: m.code, name: m.name, x: at[0], y: at[1], r: pointRadius(m.active, largest), suppressed: m.active === null,
        shown: countText(m.active, this.suppressedBelow(), (n) => this.i18n.number(n)),
      }] : [];
    });
    return { land: geoPath(projection)(outline) ?? '', points };
  });

  protected readonly label = computed(() => fill(this.t().mapLabel, { n: this.drawn()?.points.length ?? 0 }));
}
