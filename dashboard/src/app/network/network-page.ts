// The ad's network for experts and analysts: the graph (with its view controls and a side panel),
// the same nodes and links as tables for keyboard and screen-reader users, a timeline and a map.
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import {
  type AdSummary, buildGraph, FULL_VIEW, type GraphView, type KindMode, LINK_KINDS, type LinkKind, neighboursOf,
  type NetworkAnswer, REASONS, type Reason, viewOf,
} from './network-graph.ts';
import { kindName, NetworkGraphView, nodeName } from './network-graph-view';
import { layoutGraph } from './network-layout.ts';
import { NetworkMapView } from './network-map-view';
import { NetworkTimelineView } from './network-timeline-view';
import { NETWORK_TEXT } from './network.text';

const MAX_ADS = 200;
const KIND_TITLE = { phone: 'kindPhone', photo: 'kindPhoto', text: 'kindText' } as const;
const MODES: readonly KindMode[] = ['shown', 'collapsed', 'hidden'];

@Component({
  selector: 'bk-network-page',
  imports: [RouterLink, NetworkGraphView, NetworkTimelineView, NetworkMapView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ title() }}</h1>
    <p class="muted">{{ t().intro }}</p>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    } @else if (!answer()) {
      <p role="status">{{ t().loading }}</p>
    } @else {
      @if (answer()!.truncated) { <p class="notice">{{ truncatedText() }}</p> }
      @if (answer()!.ads.length === 1) { <p class="notice">{{ t().alone }}</p> }

      <form class="network-view" (submit)="$event.preventDefault()">
        <fieldset>
          <legend>{{ t().view }}</legend>
          @for (kind of kinds; track kind) {
            <label [for]="'mode-' + kind">{{ t()[kindTitle[kind]] }}</label>
            <select [id]="'mode-' + kind" [value]="view().kinds[kind]" (change)="setMode(kind, $event)">
              @for (mode of modes; track mode) { <option [value]="mode" [selected]="view().kinds[kind] === mode">{{ t()[mode] }}</option> }
            </select>
          }
          <p class="hint view-hint">{{ t().viewHint }}</p>
        </fieldset>
        <fieldset>
          <legend>{{ t().reasons }}</legend>
          @for (reason of reasons; track reason) {
            <label class="check"><input type="checkbox" [checked]="view().reasons.has(reason)" (change)="toggleReason(reason)">
              <span [class]="'swatch ' + reason" aria-hidden="true"></span>{{ t()[reason] }}</label>
          }
        </fieldset>
      </form>
      <p role="status" class="counts">{{ countsText() }}</p>

      <div class="network-main">
        <section class="graph-section" aria-labelledby="graph-heading">
          <h2 id="graph-heading">{{ t().graph }}</h2>
          <bk-network-graph [graph]="shown()" [layout]="layout()" [selected]="selected()" [t]="t()" (choose)="selected.set($event)" />
          <ul class="legend" [attr.aria-label]="t().legend">
            <li><span class="key ad" aria-hidden="true"></span>{{ t().kindAd }}</li>
            <li><span class="key root" aria-hidden="true"></span>{{ t().root }}</li>
            <li><span class="key phone" aria-hidden="true"></span>{{ t().kindPhone }}</li>
            <li><span class="key photo" aria-hidden="true"></span>{{ t().kindPhoto }}</li>
            <li><span class="key text" aria-hidden="true"></span>{{ t().kindText }}</li>
          </ul>
        </section>
        <aside class="node-panel" aria-labelledby="details-heading">
          <h2 id="details-heading">{{ t().details }}</h2>
          @if (chosen(); as n) {
            <p class="chosen-name"><strong>{{ kind(n.kind) }}:</strong> {{ name(n) }}</p>
            @if (n.kind === 'ad') {
              <dl>
                <dt>{{ t().city }}</dt><dd>{{ n.ad?.city ?? t().unknown }}</dd>
                <dt>{{ t().source }}</dt><dd>{{ n.ad?.source ?? t().unknown }}</dd>
                <dt>{{ t().score }}</dt><dd>{{ n.ad ? i18n.number(n.ad.score, 1) : '—' }}</dd>
                <dt>{{ t().indicators }}</dt><dd>{{ n.ad ? i18n.number(n.ad.indicatorCount) : '—' }}</dd>
                <dt>{{ t().firstSeen }}</dt><dd>{{ i18n.date(n.ad?.firstSeen, true) }}</dd>
                <dt>{{ t().lastSeen }}</dt><dd>{{ i18n.date(n.ad?.lastSeen, true) }}</dd>
              </dl>
              <p><a class="button" [routerLink]="['/ads', n.label]">{{ t().openAd }}</a></p>
            }
            <h3>{{ t().linkedTo }}</h3>
            <ul class="neighbours">
              @for (m of neighbours(); track m.id) {
                <li><button type="button" class="secondary" (click)="selected.set(m.id)">{{ kind(m.kind) }}: {{ name(m) }}</button></li>
              }
            </ul>
          } @else {
            <p class="muted">{{ t().noSelection }}</p>
          }
        </aside>
      </div>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{{ t().list }}</h2>
        <div class="tables">
          <table>
            <caption>{{ t().nodes }}</caption>
            <thead><tr><th scope="col">{{ t().kind }}</th><th scope="col">{{ t().node }}</th><th scope="col">{{ t().city }}</th><th scope="col">{{ t().edges }}</th><th scope="col"><span class="visually-hidden">{{ t().select }}</span></th></tr></thead>
            <tbody>
              @for (row of nodeRows(); track row.id) {
                <tr [class.chosen-row]="row.id === selected()">
                  <td>{{ row.kind }}</td><td>{{ row.name }}</td><td>{{ row.city }}</td><td>{{ row.degree }}</td>
                  <td><button type="button" class="secondary" [attr.aria-pressed]="row.id === selected()" [attr.aria-label]="t().select + ': ' + row.name" (click)="selected.set(row.id)">{{ t().select }}</button></td>
                </tr>
              }
            </tbody>
          </table>
          <table>
            <caption>{{ t().edges }}</caption>
            <thead><tr><th scope="col">{{ t().from }}</th><th scope="col">{{ t().to }}</th><th scope="col">{{ t().reason }}</th><th scope="col">{{ t().value }}</th></tr></thead>
            <tbody>
              @for (row of edgeRows(); track row.id) {
                <tr><td>{{ row.from }}</td><td>{{ row.to }}</td><td>{{ row.reason }}</td><td class="value">{{ row.value }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{{ t().timeline }}</h2>
        <bk-network-timeline [ads]="ads()" [selected]="selected()" [t]="t()" />
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{{ t().map }}</h2>
        <bk-network-map [ads]="ads()" [t]="t()" />
      </section>
    }
  `,
  styles: `
    .network-view { display: flex; gap: 1rem; flex-wrap: wrap; }
    .network-view fieldset { display: flex; gap: .3rem 1rem; flex-wrap: wrap; align-items: center; }
    .network-view fieldset > label { margin: 0; }
    .view-hint { margin: 0; flex-basis: 100%; font-size: .9rem; }
    .check { display: inline-flex; align-items: center; gap: .35rem; font-weight: normal; margin: 0; }
    .swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid; }
    .swatch.shared-phone { border-color: #a4161a; }
    .swatch.shared-image { border-color: #1e6b34; border-top-style: dashed; }
    .swatch.template-text { border-color: #5b3b8c; border-top-style: dotted; }
    .network-main { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1rem; align-items: start; }
    .node-panel { border: 1px solid var(--line); border-radius: var(--radius); padding: .5rem .8rem; background: var(--wash); }
    .node-panel h2 { margin-top: .25rem; }
    .node-panel h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
    .node-panel dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .6rem; margin: 0 0 .5rem; }
    .node-panel dt { font-weight: 600; }
    .node-panel dd { margin: 0; }
    .neighbours { list-style: none; padding: 0; margin: 0; display: grid; gap: .25rem; max-height: 16rem; overflow-y: auto; }
    .neighbours button { width: 100%; text-align: left; overflow-wrap: anywhere; }
    .legend { display: flex; gap: 1rem; flex-wrap: wrap; list-style: none; padding: 0; margin: .4rem 0 0; font-size: .9rem; }
    .key { display: inline-block; width: .8rem; height: .8rem; margin-right: .35rem; vertical-align: -1px; }
    .key.ad { background: #14375e; border-radius: 50%; }
    .key.root { background: #c25400; border-radius: 50%; border: 2px solid #1b1f24; }
    .key.phone { background: #a4161a; }
    .key.photo { background: #1e6b34; transform: rotate(45deg) scale(.85); }
    .key.text { width: 0; height: 0; border-left: .45rem solid transparent; border-right: .45rem solid transparent; border-bottom: .8rem solid #5b3b8c; }
    .tables { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; max-height: 28rem; overflow-y: auto; }
    .tables caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    .chosen-row td { background: #fff0a8; }
    .value { overflow-wrap: anywhere; font-size: .9rem; }
    @media (max-width: 900px) { .network-main, .tables { grid-template-columns: 1fr; } }
  `,
})
export class NetworkPage {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(NETWORK_TEXT);
  readonly id = input.required<string>();

  protected readonly kinds = LINK_KINDS;
  protected readonly kindTitle = KIND_TITLE;
  protected readonly modes = MODES;
  protected readonly reasons = REASONS;

  protected readonly answer = signal<NetworkAnswer | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly view = signal<GraphView>(FULL_VIEW);
  protected readonly selected = signal<string | null>(null);

  protected readonly graph = computed(() => {
    const answer = this.answer();
    return answer ? buildGraph(answer) : { nodes: [], edges: [] };
  });
  /** Laid out once per network, so nodes keep their places while the view changes. */
  protected readonly layout = computed(() => layoutGraph(this.graph()));
  protected readonly shown = computed(() => viewOf(this.graph(), this.view()));
  protected readonly ads = computed<AdSummary[]>(() => (this.answer()?.ads ?? []).flatMap((a) => (a.summary ? [a.summary] : [])));

  protected readonly chosen = computed(() => this.shown().nodes.find((n) => n.id === this.selected()) ?? null);
  protected readonly neighbours = computed(() => {
    const id = this.selected();
    return id ? neighboursOf(this.shown(), id) : [];
  });

  protected readonly title = computed(() => fill(this.t().title, { id: this.id() }));
  protected readonly truncatedText = computed(() => fill(this.t().truncated, { n: MAX_ADS }));
  protected readonly countsText = computed(() => {
    const g = this.shown();
    return fill(this.t().counts, { ads: g.nodes.filter((n) => n.kind === 'ad').length, nodes: g.nodes.length, edges: g.edges.length });
  });

  protected readonly nodeRows = computed(() => {
    const t = this.t();
    const g = this.shown();
    const degree = new Map<string, number>();
    for (const e of g.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    return g.nodes.map((n) => ({ id: n.id, kind: kindName(n.kind, t), name: nodeName(n, t) + (n.root ? ` (${t.root})` : ''), city: n.ad?.city ?? '', degree: degree.get(n.id) ?? 0 }));
  });
  protected readonly edgeRows = computed(() => {
    const t = this.t();
    const g = this.shown();
    const names = new Map(g.nodes.map((n) => [n.id, nodeName(n, t)]));
    return g.edges.map((e) => ({ id: e.id, from: names.get(e.source) ?? e.source, to: names.get(e.target) ?? e.target, reason: t[e.reason], value: e.value }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.#load(id));
    });
  }

  protected kind(kind: Parameters<typeof kindName>[0]): string { return kindName(kind, this.t()); }
  protected name(n: Parameters<typeof nodeName>[0]): string { return nodeName(n, this.t()); }

  protected setMode(kind: LinkKind, event: Event): void {
    const mode = (event.target as HTMLSelectElement).value as KindMode;
    this.view.update((v) => ({ ...v, kinds: { ...v.kinds, [kind]: mode } }));
  }

  protected toggleReason(reason: Reason): void {
    this.view.update((v) => {
      const reasons = new Set(v.reasons);
      if (reasons.has(reason)) reasons.delete(reason); else reasons.add(reason);
      return { ...v, reasons };
    });
  }

  async #load(id: string): Promise<void> {
    this.answer.set(null);
    this.error.set(null);
    this.selected.set(null);
    try {
      const answer = await this.#api.get<NetworkAnswer>(`/ads/${encodeURIComponent(id)}/network`);
      this.answer.set(answer);
      this.selected.set('ad:' + answer.ad);
    } catch (e) {
      const t = this.t();
      this.error.set(e instanceof ApiError && e.status === 404 ? t.notFound
        : e instanceof ApiError && e.status === 403 ? t.forbidden
          : fill(t.failed, { detail: detailOf(e) }));
    }
  }
}
