// The map's bundled data (generated at build time by dashboard/scripts/map-data.ts): static files of
// the dashboard itself, not the API, loaded once and only by the routes that draw a map.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Feature, MultiPolygon } from 'geojson';
import { firstValueFrom } from 'rxjs';
import type { PlaceRow } from './network-cities.ts';

export interface MapData { outline: Feature<MultiPolygon>; places: PlaceRow[] }

@Injectable({ providedIn: 'root' })
export class NetworkMapData {
  readonly #http = inject(HttpClient);
  #data: Promise<MapData> | null = null;
  #outline: Promise<Feature<MultiPolygon>> | null = null;

  load(): Promise<MapData> {
    this.#data ??= Promise.all([this.outline(), firstValueFrom(this.#http.get<PlaceRow[]>('/map/nl-places.json'))])
      .then(([outline, places]) => ({ outline, places }));
    this.#data.catch(() => { this.#data = null; });
    return this.#data;
  }

  /** The country's outline alone, for a map whose points carry their own coordinates. */
  outline(): Promise<Feature<MultiPolygon>> {
    this.#outline ??= firstValueFrom(this.#http.get<Feature<MultiPolygon>>('/map/nl-outline.json'));
    this.#outline.catch(() => { this.#outline = null; });
    return this.#outline;
  }
}
