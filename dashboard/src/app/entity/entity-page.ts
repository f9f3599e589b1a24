// The page of a phone number, a picture or a template text: every kept ad of one theme that carries
// it, on a timeline with its versions, the names and cities it went under, its movement on the map,
// and the networks it belongs to (for the roles that see networks).
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { NetworkMapView } from '../network/network-map-view';
import type { AdSummary } from '../network/network-graph';
import { NETWORK_TEXT } from '../network/network.text';
import { ENTITY_TEXT } from './entity.text';
import { ENTITY_KINDS, type Entity, type EntityKind } from './entity-types';

type State = { kind: 'loading' } | { kind: 'entity'; entity: Entity } | { kind: 'failed'; status: number; detail: string };

const MAX_ADS = 200;

@Component({
  selector: 'bk-entity-page',
  imports: [RouterLink, NetworkMapView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ title() }}</h1>
    @switch (state().kind) {
      @case ('loading') { <p aria-live="polite">{{ t().loading }}</p> }
      @case ('failed') { <p class="error" role="alert">{{ failure() }}</p> }
      @case ('entity') {
        @if (entity(); as e) {
          <p class="muted">{{ fill(t().intro, { theme: e.theme }) }}</p>
          <section aria-labelledby="timeline-h">
            <h2 id="timeline-h">{{ t().timeline }}</h2>
            <p role="status">{{ fill(t().ads, { n: e.ads.length }) }}</p>
            @if (e.truncated) { <p class="muted">{{ fill(t().truncated, { n: MAX_ADS }) }}</p> }
            <table class="entity-ads">
              <thead><tr>
                <th scope="col">{{ t().ad }}</th><th scope="col">{{ t().city }}</th><th scope="col">{{ t().firstSeen }}</th>
                <th scope="col">{{ t().lastSeen }}</th><th scope="col">{{ t().versions }}</th>
              </tr></thead>
              <tbody>
                @for (ad of e.ads; track ad.id) {
                  <tr [attr.data-ad]="ad.id">
                    <td>
                      @if (ad.summary; as s) { <a [routerLink]="['/ads', ad.id]">{{ s.title || fill(t().untitled, { id: ad.id }) }}</a> }
                      @else { {{ ad.id }} <span class="muted">({{ t().gone }})</span> }
                    </td>
                    <td>{{ ad.summary?.city ?? '' }}</td>
                    <td>{{ ad.summary ? i18n.date(ad.summary.firstSeen, true) : '' }}</td>
                    <td>{{ ad.summary ? i18n.date(ad.summary.lastSeen, true) : '' }}</td>
                    <td>
                      @for (v of ad.versions; track v.version) { <span class="version">v{{ v.version }} · {{ i18n.date(v.capturedAt) }}</span> }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </section>
          <div class="entity-columns">
            <section aria-labelledby="aliases-h">
              <h2 id="aliases-h">{{ t().aliases }}</h2>
              @if (e.aliases.length === 0) { <p>{{ t().noAliases }}</p> } @else {
                <table class="aliases"><thead><tr><th scope="col">{{ t().name }}</th><th scope="col" class="num">{{ t().count }}</th><th scope="col">{{ t().from }}</th><th scope="col">{{ t().to }}</th></tr></thead>
                  <tbody>@for (a of e.aliases; track a.value) { <tr><td>{{ a.value }}</td><td class="num">{{ a.ads }}</td><td>{{ i18n.date(a.firstSeen) }}</td><td>{{ i18n.date(a.lastSeen) }}</td></tr> }</tbody>
                </table>
              }
              <h2 id="cities-h">{{ t().cities }}</h2>
              @if (e.cities.length === 0) { <p>{{ t().noCities }}</p> } @else {
                <table class="cities"><thead><tr><th scope="col">{{ t().place }}</th><th scope="col" class="num">{{ t().count }}</th><th scope="col">{{ t().from }}</th><th scope="col">{{ t().to }}</th></tr></thead>
                  <tbody>@for (c of e.cities; track c.value) { <tr><td>{{ c.value }}</td><td class="num">{{ c.ads }}</td><td>{{ i18n.date(c.firstSeen) }}</td><td>{{ i18n.date(c.lastSeen) }}</td></tr> }</tbody>
                </table>
              }
              <h2 id="networks-h">{{ t().networks }}</h2>
              @if (e.networks; as networks) {
                @if (networks.length === 0) { <p>{{ t().noNetworks }}</p> } @else {
                  <ul class="networks">
                    @for (n of networks; track n.ad) { <li><a [routerLink]="['/ads', n.ad, 'network']">{{ networkLabel(n) }}</a></li> }
                  </ul>
                }
              }
            </section>
            <section aria-labelledby="movement-h">
              <h2 id="movement-h">{{ t().movement }}</h2>
              @if (e.movement.length === 0) { <p>{{ t().noMovement }}</p> } @else {
                <ol class="movement">
                  @for (m of e.movement; track m.at + m.adId) { <li>{{ fill(t().movedTo, { city: m.city, date: i18n.date(m.at) }) }}</li> }
                </ol>
                <bk-network-map [ads]="places()" [t]="mapText()" />
              }
            </section>
          </div>
        }
      }
    }
  `,
  styles: `
    .entity-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
    @media (max-width: 900px) { .entity-columns { grid-template-columns: minmax(0, 1fr); } }
    .version { display: inline-block; margin-right: .6rem; white-space: nowrap; }
    .num { text-align: right; }
  `,
})
export class EntityPage {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(ENTITY_TEXT);
  protected readonly mapText = this.i18n.of(NETWORK_TEXT);
  protected readonly fill = fill;
  protected readonly MAX_ADS = MAX_ADS;
  /** The route's :kind, :value and ?theme (withComponentInputBinding). */
  readonly kind = input.required<string>();
  readonly value = input.required<string>();
  readonly theme = input<string>('');
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly entity = computed(() => { const s = this.state(); return s.kind === 'entity' ? s.entity : null; });
  protected readonly title = computed(() => {
    const kind = this.kind();
    return (ENTITY_KINDS as readonly string[]).includes(kind) ? fill(this.t()[kind as EntityKind], { value: this.value() }) : this.value();
  });
  protected readonly failure = computed(() => {
    const s = this.state();
    if (s.kind !== 'failed') return '';
    if (s.status === 404 || s.status === 400) return this.t().notFound;
    if (s.status === 403) return this.t().forbidden;
    return fill(this.t().failed, { detail: s.detail });
  });
  /** The movement on the map: each move a point at its city. */
  protected readonly places = computed<AdSummary[]>(() => (this.entity()?.movement ?? []).map((m) => ({
    id: `${m.adId}@${m.at}`, city: m.city, title: null, source: '', score: 0, indicatorCount: 0, firstSeen: m.at, lastSeen: m.at,
  })));

  constructor() {
    effect(() => {
      const [kind, value, theme] = [this.kind(), this.value(), this.theme()];
      untracked(() => void this.#load(kind, value, theme));
    });
  }

  protected networkLabel(n: { size: number; reasons: string[] }): string {
    const t = this.t() as Record<string, string>;
    return fill(this.t().network, { n: n.size, reasons: n.reasons.map((r) => t[r] ?? r).join(', ') });
  }

  async #load(kind: string, value: string, theme: string): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      const entity = await this.#api.get<Entity>(`/entities/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`, { theme });
      this.state.set({ kind: 'entity', entity });
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : { status: 0, detail: String(e) };
      this.state.set({ kind: 'failed', status: problem.status, detail: problem.detail });
    }
  }
}
