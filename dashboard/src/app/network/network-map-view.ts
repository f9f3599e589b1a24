// The cities of the network on the Netherlands, drawn from bundled open data (no tile server): the
// outline from Natural Earth, the places from GeoNames, each city a point sized by its ads.
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { geoMercator, geoPath } from 'd3-geo';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { citiesOf, placeFinder } from './network-cities.ts';
import type { AdSummary } from './network-graph.ts';
import { type MapData, NetworkMapData } from './network-map-data';
import type { NetworkTexts } from './network.text';

const WIDTH = 420;
const HEIGHT = 480;

@Component({
  selector: 'bk-network-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed()) { <p class="error" role="alert">{{ t().mapFailed }}</p> }
    @else if (!drawn()) { <p class="muted" role="status">{{ t().mapLoading }}</p> }
    @else {
      <div class="map-layout">
        <figure class="map-figure">
          <svg class="map" [attr.viewBox]="'0 0 ' + WIDTH + ' ' + HEIGHT" role="img" [attr.aria-label]="label()">
            <path class="land" [attr.d]="drawn()!.land"></path>
            @for (c of drawn()!.points; track c.city) {
              <circle class="city" [attr.cx]="c.x" [attr.cy]="c.y" [attr.r]="c.r"><title>{{ c.city }}: {{ c.count }}</title></circle>
              <text class="city-name" [attr.x]="c.x + c.r + 3" [attr.y]="c.y + 4">{{ c.city }}</text>
            }
          </svg>
          <figcaption class="attribution">{{ t().attribution }}</figcaption>
        </figure>
        <table class="places">
          <caption class="visually-hidden">{{ t().places }}</caption>
          <thead><tr><th scope="col">{{ t().city }}</th><th scope="col">{{ t().ads }}</th></tr></thead>
          <tbody>
            @for (c of cities(); track c.city) {
              <tr><td>{{ c.city }}@if (!c.place) { <span class="muted"> ({{ t().notOnMap }})</span> }</td><td>{{ i18n.number(c.count) }}</td></tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .map-layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
    .map-figure { margin: 0; }
    .map { width: 420px; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: var(--radius); background: #eef4f8; display: block; }
    .land { fill: #ffffff; stroke: #4a5360; stroke-width: .8; }
    .city { fill: rgba(194, 84, 0, .75); stroke: #1b1f24; stroke-width: .8; }
    .city-name { font-size: 10px; fill: #1b1f24; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
    .attribution { font-size: .85rem; color: var(--muted); margin-top: .25rem; }
    .places { width: auto; min-width: 16rem; }
  `,
})
export class NetworkMapView {
  readonly #data = inject(NetworkMapData);
  protected readonly i18n = inject(I18n);
  readonly ads = input.required<readonly AdSummary[]>();
  readonly t = input.required<NetworkTexts>();
  protected readonly WIDTH = WIDTH;
  protected readonly HEIGHT = HEIGHT;

  readonly #map = signal<MapData | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    this.#data.load().then((data) => this.#map.set(data), () => this.failed.set(true));
  }

  readonly #find = computed(() => {
    const map = this.#map();
    return map ? placeFinder(map.places) : null;
  });

  protected readonly cities = computed(() => {
    const find = this.#find();
    return find ? citiesOf(this.ads().map((a) => ({ id: a.id, city: a.city })), find) : [];
  });

  protected readonly drawn = computed(() => {
    const map = this.#map();
    if (!map) return null;
    const projection = geoMercator().fitExtent([[12, 12], [WIDTH - 12, HEIGHT - 12]], map.outline);
    const land = geoPath(projection)(map.outline) ?? '';
    const points = this.cities().flatMap((c) => {
      const at = c.place ? projection([c.place.lng, c.place.lat]) : null;
      return at ? [{ city: c.city, count: c.count, x: at[0], y: at[1], r: 3 + 2.5 * Math.sqrt(c.count) }] : [];
    });
    return { land, points };
  });

  protected readonly label = computed(() => fill(this.t().mapLabel, { n: this.drawn()?.points.length ?? 0 }));
}
