// One ad, everything the caller may see of it: the text with its evidence marked and explained
// (experts; others the count), fields, screenshot and images, versions and their diff, sightings,
// the capture with its hashes and a verify action, a control list, (experts) the legal hold, and the
// pages of the phone numbers, pictures and template text it shares with other ads.
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import { AdActions } from './ad-actions';
import { AdReport } from './ad-report';
import { AdCapture } from './ad-capture';
import { AdEvidence } from './ad-evidence';
import { AdMedia } from './ad-media';
import { AdTimeline } from './ad-timeline';
import type { Ad, Price } from './ad-types';
import { AdVersions } from './ad-versions';
import { AD_TEXT } from './ad.text';

type State = { kind: 'loading' } | { kind: 'ad'; ad: Ad } | { kind: 'failed'; status: number; detail: string };

const LIST_FIELDS = ['alias', 'age', 'phones', 'email', 'city', 'languages', 'services', 'prices', 'licence', 'posted'] as const;

@Component({
  selector: 'bk-ad-page',
  imports: [RouterLink, AdEvidence, AdMedia, AdVersions, AdTimeline, AdCapture, AdActions, AdReport],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().kind) {
      @case ('loading') { <h1>{{ fill(t().titleFallback, { id: id() }) }}</h1><p aria-live="polite">{{ t().loading }}</p> }
      @case ('failed') {
        <h1>{{ fill(t().titleFallback, { id: id() }) }}</h1>
        <p class="error" role="alert">{{ failure() }}</p>
        <p><a routerLink="/search">{{ t().back }}</a></p>
      }
      @case ('ad') {
        @if (ad(); as ad) {
          <h1>{{ ad.fields.title || fill(t().titleFallback, { id: ad.id }) }}</h1>
          <dl class="ad-summary">
            <div><dt>{{ t().theme }}</dt><dd>{{ ad.theme }}</dd></div>
            <div><dt>{{ t().source }}</dt><dd>{{ ad.source }}</dd></div>
            <div><dt>{{ t().score }}</dt><dd>{{ i18n.number(ad.score, 1) }}</dd></div>
            <div><dt>{{ t().version }}</dt><dd>{{ ad.version }}</dd></div>
            <div><dt>{{ t().firstSeen }}</dt><dd>{{ i18n.date(ad.firstSeen, true) }}</dd></div>
            <div><dt>{{ t().lastSeen }}</dt><dd>{{ i18n.date(ad.lastSeen, true) }}</dd></div>
            <div><dt>{{ t().gone }}</dt><dd>{{ ad.goneAt ? i18n.date(ad.goneAt, true) : t().notGone }}</dd></div>
            <div class="wide"><dt>{{ t().url }}</dt><dd class="url">{{ ad.url }}</dd></div>
          </dl>
          @if (linksPeople()) { <p><a [routerLink]="['/ads', ad.id, 'network']">{{ t().network }}</a></p> }
          <div class="ad-columns">
            <div>
              <bk-ad-evidence [ad]="ad" />
              <section aria-labelledby="fields-h">
                <h2 id="fields-h">{{ t().fieldsTitle }}</h2>
                <dl class="facts">
                  @for (f of listFields(ad); track f) {
                    <dt>{{ label(f) }}</dt>
                    <dd>
                      @if (f === 'phones' && linksPeople()) {
                        @for (p of ad.fields.phones ?? []; track p) {
                          <a [routerLink]="['/search']" [queryParams]="{ phone: p }" [attr.aria-label]="fill(t().phoneSearch, { phone: p })" class="phone">{{ p }}</a>
                        }
                      } @else { {{ value(ad, f) }} }
                    </dd>
                  }
                </dl>
              </section>
              @if (linksPeople()) {
                <section aria-labelledby="entities-h">
                  <h2 id="entities-h">{{ t().entitiesTitle }}</h2>
                  <ul class="entities">
                    @for (p of ad.fields.phones ?? []; track p) {
                      <li><a class="entity-link" [routerLink]="['/entities', 'phone', p]" [queryParams]="{ theme: ad.theme }">{{ fill(t().phoneEntity, { phone: p }) }}</a></li>
                    }
                    @for (hash of ad.pictures; track hash; let n = $index) {
                      <li><a class="entity-link" [routerLink]="['/entities', 'picture', hash]" [queryParams]="{ theme: ad.theme }">{{ fill(t().pictureEntity, { n: n + 1 }) }}</a></li>
                    }
                    @if (ad.fields.text) {
                      <li><a class="entity-link" [routerLink]="['/entities', 'template', ad.id]" [queryParams]="{ theme: ad.theme }">{{ t().templateEntity }}</a></li>
                    }
                  </ul>
                </section>
              }
              <bk-ad-versions [ad]="ad" />
              <bk-ad-timeline [sightings]="ad.sightings" />
              <bk-ad-actions [ad]="ad" />
              <!-- Experts alone are answered the hold (ads.hold), and they alone may export the ad. -->
              @if (ad.hold !== undefined) { <bk-ad-report [ad]="ad" /> }
            </div>
            <div>
              <bk-ad-media [ad]="ad" />
              <bk-ad-capture [ad]="ad" />
            </div>
          </div>
        }
      }
    }
  `,
  styles: `
    .ad-summary { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 0 .5rem; }
    .ad-summary dt { font-size: .85rem; color: var(--muted); }
    .ad-summary dd { margin: 0; font-weight: 600; }
    .ad-summary .wide { flex-basis: 100%; }
    .url { word-break: break-all; font-weight: normal; }
    .ad-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
    @media (max-width: 900px) { .ad-columns { grid-template-columns: minmax(0, 1fr); } }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; }
    .phone { margin-right: .75rem; }
  `,
})
export class AdPage {
  readonly #api = inject(Api);
  readonly #session = inject(Session);
  protected readonly i18n = inject(I18n);
  /** The route's :id (withComponentInputBinding). */
  readonly id = input.required<string>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly ad = computed(() => { const s = this.state(); return s.kind === 'ad' ? s.ad : null; });
  /** Linking ads to a person by phone number: not for municipal supervision (the API refuses it). */
  protected readonly linksPeople = this.#session.linksPeople;
  protected readonly failure = computed(() => {
    const s = this.state();
    if (s.kind !== 'failed') return '';
    if (s.status === 404) return this.t().notFound;
    if (s.status === 403) return this.t().forbidden;
    return fill(this.t().failed, { detail: s.detail });
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.#load(id));
    });
  }

  async #load(id: string): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'ad', ad: await this.#api.get<Ad>(`/ads/${encodeURIComponent(id)}`) });
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : { status: 0, detail: String(e) };
      this.state.set({ kind: 'failed', status: problem.status, detail: problem.detail });
    }
  }

  protected listFields(ad: Ad): string[] {
    return LIST_FIELDS.filter((f) => ad.fields[f] !== undefined && ad.fields[f] !== null);
  }

  protected label(field: string): string {
    return (this.t() as Record<string, string>)['f_' + field] ?? field;
  }

  protected value(ad: Ad, field: string): string {
    const v = ad.fields[field];
    if (field === 'posted' && typeof v === 'string') return this.i18n.date(v);
    if (field === 'prices' && Array.isArray(v)) {
      return (v as Price[]).map((p) => `${p.label}: ${new Intl.NumberFormat(this.i18n.locale(), { style: 'currency', currency: p.currency }).format(p.amount)}`).join(' · ');
    }
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number') return this.i18n.number(v);
    return String(v);
  }
}
