// Searching the ads of one's themes: filters and facets in the address, a virtual list that fetches
// pages as it scrolls, thumbnails for the rows in view only, and a selection that becomes a list.
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  type AfterViewInit, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, linkedSignal, signal, untracked, viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { SaveStanding } from '../searches/save-standing';
import { StandingInbox } from '../searches/standing-inbox';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { fill } from '../core/text';
import { isNear, moved, PageCache, pagesFor, type Range } from './result-window';
import {
  activeFilters, apiParams, atLeastCounts, choosable, type FilterKey, paramsOf, queryFromParams, SCORE_BANDS, type SearchQuery, type Sort,
  SORTS, toggled, withFilter,
} from './search-query';
import { SEARCH_TEXT } from './search.text';
import type { AdSummary, CreatedList, SearchAnswer, SearchFacets } from './search-types';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 76;
/** Rows fetched beyond the screen, so a calm scroll never shows an empty row. */
const FETCH_MARGIN = 40;
/** Thumbnails kept this far from the screen; further ones are let go (their object URLs revoked). */
const THUMB_MARGIN = 20;
const THUMB_REQUESTS = 4;
const SCROLL_SETTLE_MS = 60;
const MIN_INDICATOR_CHOICES = [1, 2, 3, 4, 5];
const SORT_LABEL = { score: 'sortScore', lastSeen: 'sortLastSeen', newest: 'sortNewest', oldest: 'sortOldest' } as const;
const FILTER_LABEL = {
  theme: 'theme', source: 'source', city: 'city', scoreBand: 'scoreBand', minIndicators: 'minIndicators', phone: 'phone', from: 'from', to: 'to',
} as const;

@Component({
  selector: 'bk-search-page',
  imports: [ScrollingModule, RouterLink, SaveStanding],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.html',
  styleUrl: './search-page.css',
})
export class SearchPage implements AfterViewInit {
  readonly #api = inject(Api);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #session = inject(Session);
  readonly #destroy = inject(DestroyRef);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(SEARCH_TEXT);
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly sorts = SORTS;
  protected readonly sortLabel = SORT_LABEL;
  protected readonly bands = SCORE_BANDS;
  protected readonly minChoices = MIN_INDICATOR_CHOICES;

  protected readonly themes = this.#session.themes;
  protected readonly phoneAllowed = this.#session.linksPeople;
  protected readonly standing = inject(StandingInbox).available;
  protected readonly fill = fill;
  readonly #params = toSignal(this.#route.queryParamMap);
  protected readonly query = computed(() => {
    const params = this.#params();
    return queryFromParams((name) => params?.get(name) ?? null, this.themes(), this.phoneAllowed());
  });
  protected readonly draftQ = linkedSignal(() => this.query().q);
  protected readonly draftPhone = linkedSignal(() => this.query().phone ?? '');

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly total = signal<number | null>(null);
  protected readonly facets = signal<SearchFacets | null>(null);
  protected readonly rows = signal<readonly (AdSummary | null)[]>([]);
  protected readonly range = signal<Range>({ start: 0, end: 0 });
  protected readonly active = signal(0);
  /** Selected ads by id, with their theme: a list belongs to one theme. */
  protected readonly selected = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly thumbs = signal<ReadonlyMap<number, string>>(new Map());
  protected readonly listName = signal('');
  protected readonly making = signal(false);
  protected readonly listError = signal<string | null>(null);

  protected readonly viewport = viewChild.required(CdkVirtualScrollViewport);

  protected readonly filters = computed(() => activeFilters(this.query()));
  protected readonly atLeast = computed(() => atLeastCounts(this.facets()?.indicatorCount ?? []));
  protected readonly cityFacet = computed(() => choosable(this.facets()?.city ?? []));
  protected readonly sourceFacet = computed(() => choosable(this.facets()?.source ?? []));
  protected readonly bandFacet = computed(() => this.facets()?.scoreBand ?? []);
  protected readonly countText = computed(() => {
    const n = this.total();
    if (n === null) return this.busy() ? this.t().searching : '';
    if (n === 0) return this.t().countNone;
    return n === 1 ? this.t().countOne : fill(this.t().count, { n: this.i18n.number(n) });
  });
  protected readonly activeInView = computed(() => {
    const r = this.range();
    return this.active() >= r.start && this.active() < r.end && (this.total() ?? 0) > 0;
  });
  protected readonly selectedText = computed(() => fill(this.t().selected, { n: this.i18n.number(this.selected().size) }));

  #cache: PageCache<AdSummary> | null = null;
  #settle: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;
  readonly #thumbState = new Map<number, 'queued' | 'loading' | 'done' | 'none'>();
  #thumbQueue: number[] = [];
  #thumbsInFlight = 0;

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => void this.#start(query));
    });
    this.#destroy.onDestroy(() => {
      if (this.#settle !== null) clearTimeout(this.#settle);
      this.#dropThumbs();
    });
  }

  ngAfterViewInit(): void {
    this.viewport().renderedRangeStream.pipe(takeUntilDestroyed(this.#destroy)).subscribe((range) => {
      this.range.set(range);
      this.#need();
    });
  }

  // ── the search, as the address says ──

  async #start(query: SearchQuery): Promise<void> {
    const generation = ++this.#generation;
    this.#dropThumbs();
    this.busy.set(true);
    this.error.set(null);
    this.total.set(null);
    this.active.set(0);
    try {
      const answer = await this.#api.get<SearchAnswer>('/ads', apiParams(query, 1, PAGE_SIZE));
      if (generation !== this.#generation) return;
      const cache = new PageCache<AdSummary>(answer.total, PAGE_SIZE);
      cache.claim([1]);
      cache.fill(1, answer.hits);
      this.#cache = cache;
      this.facets.set(answer.facets);
      this.rows.set(cache.rows);
      this.total.set(answer.total);
      this.viewport().scrollToOffset(0);
      this.viewport().checkViewportSize();
      this.#fetchNeeded(this.range());
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#cache = null;
      this.rows.set([]);
      this.facets.set(null);
      this.error.set(this.#problem(e, this.t().failed));
    } finally {
      if (generation === this.#generation) this.busy.set(false);
    }
  }

  /** Once scrolling rests a moment, fetches the pages the rows near the screen need and the thumbnails
   *  of the rows on it: dragging the scroll bar across 100,000 results asks for no page flown past. */
  #need(): void {
    if (this.#settle !== null) clearTimeout(this.#settle);
    this.#settle = setTimeout(() => { this.#settle = null; this.#fetchNeeded(this.range()); }, SCROLL_SETTLE_MS);
  }

  #fetchNeeded(range: Range): void {
    const cache = this.#cache;
    const total = this.total() ?? 0;
    if (cache) {
      for (const page of cache.claim(pagesFor(range, PAGE_SIZE, total, FETCH_MARGIN))) void this.#fetchPage(page, cache);
    }
    this.#wantThumbs(range);
  }

  async #fetchPage(page: number, cache: PageCache<AdSummary>): Promise<void> {
    const generation = this.#generation;
    try {
      const answer = await this.#api.get<SearchAnswer>('/ads', apiParams(this.query(), page, PAGE_SIZE));
      if (generation !== this.#generation) return;
      cache.fill(page, answer.hits);
      this.rows.set(cache.rows);
      this.#wantThumbs(this.range());
    } catch (e) {
      cache.release(page);
      if (generation === this.#generation) this.error.set(this.#problem(e, this.t().failed));
    }
  }

  #go(query: SearchQuery): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: paramsOf(query) });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const phone = this.draftPhone().trim();
    this.#go({ ...this.query(), q: this.draftQ(), ...(this.phoneAllowed() ? { phone: phone === '' ? null : phone } : {}) });
  }

  protected choose(key: Exclude<FilterKey, 'minIndicators'>, event: Event): void {
    const value = (event.target as HTMLSelectElement | HTMLInputElement).value;
    this.#go(withFilter(this.query(), key, value === '' ? null : value));
  }

  protected chooseMin(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.#go(withFilter(this.query(), 'minIndicators', value === '' ? null : Number(value)));
  }

  protected chooseSort(event: Event): void {
    this.#go({ ...this.query(), sort: (event.target as HTMLSelectElement).value as Sort });
  }

  protected facet(key: 'city' | 'source' | 'scoreBand', value: string): void {
    this.#go(toggled(this.query(), key, value));
  }

  protected facetMin(min: number): void {
    this.#go(toggled(this.query(), 'minIndicators', min));
  }

  protected clear(key: FilterKey): void {
    this.#go(withFilter(this.query(), key, null));
  }

  protected clearAll(): void {
    this.#go({ ...this.query(), theme: null, source: null, city: null, scoreBand: null, minIndicators: null, phone: null, from: null, to: null });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fmt(text: string, n: string | number): string {
    return fill(text, { n });
  }

  protected filterName(key: FilterKey): string {
    return this.t()[FILTER_LABEL[key]];
  }

  protected clearLabel(key: FilterKey, value: string): string {
    return fill(this.t().clear, { name: `${this.filterName(key)} ${value}` });
  }

  // ── the result list: keyboard, selection, opening ──

  protected keydown(event: KeyboardEvent): void {
    const total = this.total() ?? 0;
    const visible = Math.max(1, Math.floor(this.viewport().getViewportSize() / ROW_HEIGHT) - 1);
    const next = moved(event.key, this.active(), total, visible);
    if (next !== null) {
      event.preventDefault();
      this.#activate(next);
      return;
    }
    const hit = this.rows()[this.active()];
    if (event.key === 'Enter' && hit) {
      event.preventDefault();
      this.open(hit);
    } else if (event.key === ' ' && hit) {
      event.preventDefault();
      this.toggle(hit);
    }
  }

  /** Makes row i the active one and scrolls it into view when it is not. */
  #activate(i: number): void {
    this.active.set(i);
    const vp = this.viewport();
    const top = vp.measureScrollOffset('top');
    const height = vp.getViewportSize();
    if (i * ROW_HEIGHT < top) vp.scrollToOffset(i * ROW_HEIGHT);
    else if ((i + 1) * ROW_HEIGHT > top + height) vp.scrollToOffset((i + 1) * ROW_HEIGHT - height);
  }

  protected focused(): void {
    // Keyboard focus arriving on the list starts at the first row on screen.
    if (!this.activeInView()) this.active.set(this.range().start);
  }

  protected open(hit: AdSummary): void {
    void this.#router.navigate(['/ads', hit.id]);
  }

  protected clickRow(i: number, hit: AdSummary | null): void {
    this.active.set(i);
    if (hit) this.open(hit);
  }

  protected clickCheck(event: Event, i: number, hit: AdSummary | null): void {
    event.stopPropagation();
    this.active.set(i);
    if (hit) this.toggle(hit);
  }

  protected toggle(hit: AdSummary): void {
    this.selected.update((s) => {
      const next = new Map(s);
      if (next.has(hit.id)) next.delete(hit.id);
      else next.set(hit.id, hit.theme);
      return next;
    });
  }

  protected clearSelection(): void {
    this.selected.set(new Map());
  }

  protected isSelected(hit: AdSummary | null): boolean {
    return hit !== null && this.selected().has(hit.id);
  }

  protected defaultListName(): string {
    return fill(this.t().listDefault, { date: this.i18n.date(new Date().toISOString(), true) });
  }

  protected async makeList(event: Event): Promise<void> {
    event.preventDefault();
    const themes = [...new Set(this.selected().values())];
    if (themes.length !== 1) { this.listError.set(this.t().mixedThemes); return; }
    this.making.set(true);
    this.listError.set(null);
    try {
      const name = this.listName().trim() || this.defaultListName();
      const list = await this.#api.post<CreatedList>('/lists', { theme: themes[0], name });
      for (const id of this.selected().keys()) await this.#api.put(`/lists/${list.id}/ads/${id}`, {});
      this.selected.set(new Map());
      await this.#router.navigate(['/lists', list.id]);
    } catch (e) {
      this.listError.set(this.#problem(e, this.t().listFailed));
    } finally {
      this.making.set(false);
    }
  }

  // ── thumbnails: fetched for the rows on screen, let go when they leave ──

  #wantThumbs(range: Range): void {
    const rows = this.rows();
    for (let i = range.start; i < range.end; i++) {
      // An ad without a picture (the municipal theme keeps none) is not asked for one: it keeps the placeholder.
      if (rows[i]?.picture && !this.#thumbState.has(i)) {
        this.#thumbState.set(i, 'queued');
        this.#thumbQueue.push(i);
      }
    }
    const far = [...this.thumbs().keys()].filter((i) => !isNear(i, range, THUMB_MARGIN));
    if (far.length > 0) {
      this.thumbs.update((m) => {
        const next = new Map(m);
        for (const i of far) { URL.revokeObjectURL(next.get(i)!); next.delete(i); this.#thumbState.delete(i); }
        return next;
      });
    }
    this.#thumbQueue = this.#thumbQueue.filter((i) => {
      if (isNear(i, range, THUMB_MARGIN)) return true;
      this.#thumbState.delete(i);
      return false;
    });
    this.#pump();
  }

  #pump(): void {
    while (this.#thumbsInFlight < THUMB_REQUESTS && this.#thumbQueue.length > 0) {
      const i = this.#thumbQueue.shift()!;
      this.#thumbsInFlight++;
      void this.#fetchThumb(i, this.#generation).finally(() => { this.#thumbsInFlight--; this.#pump(); });
    }
  }

  async #fetchThumb(i: number, generation: number): Promise<void> {
    const hit = this.rows()[i];
    if (!hit) { this.#thumbState.delete(i); return; }
    this.#thumbState.set(i, 'loading');
    try {
      const blob = await this.#api.blob(`/ads/${hit.id}/thumbnail`);
      if (generation !== this.#generation || !isNear(i, this.range(), THUMB_MARGIN)) {
        if (generation === this.#generation) this.#thumbState.delete(i);
        return;
      }
      const url = URL.createObjectURL(blob);
      this.thumbs.update((m) => new Map(m).set(i, url));
      this.#thumbState.set(i, 'done');
    } catch {
      // The picture could not be read or may not be shown: the placeholder stays.
      if (generation === this.#generation) this.#thumbState.set(i, 'none');
    }
  }

  #dropThumbs(): void {
    for (const url of this.thumbs().values()) URL.revokeObjectURL(url);
    this.thumbs.set(new Map());
    this.#thumbState.clear();
    this.#thumbQueue = [];
  }

  #problem(e: unknown, template: string): string {
    if (e instanceof ApiError && e.status === 403) return this.t().forbidden;
    return fill(template, { detail: detailOf(e) });
  }
}
