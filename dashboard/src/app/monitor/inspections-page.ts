// A municipality's inspection list: the ads the selection criteria chose with their reasons, compared
// side by side, a visit planned, the outcome recorded (with a note), the list exported as CSV. The
// monitor shows figures only; this is where a supervisor opens individual ads.
import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Api, ApiError, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { canCompare, COMPARE_MAX, compareRows, togglePick, type Fields } from '../lists/compare';
import { CompareTable, type ComparedAd } from '../lists/compare-table';
import type { AdView } from '../lists/list-types';
import { monitorTheme } from './monitor-theme';
import { type InspectionEntry, type InspectionList, type Outcome, OUTCOMES } from './monitor-types';
import { INSPECTIONS_TEXT, OUTCOME_TEXT } from './monitor.text';

type Said = { key: 'planned' | 'recorded' | 'exported'; values: Readonly<Record<string, string>> };

@Component({
  selector: 'bk-inspections-page',
  imports: [RouterLink, CompareTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a [routerLink]="['/monitor', code()]" [queryParams]="{ theme }">← {{ t().back }}</a></p>
    <h1>{{ fill(t().title, { name: name() ?? code() }) }}</h1>
    <p class="hint">{{ t().intro }}</p>
    <p class="status" role="status" aria-live="polite">{{ status() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (notFound()) {
      <p class="error" role="alert">{{ t().notFound }}</p>
    } @else if (entries(); as list) {
      <div class="tools">
        <button type="button" (click)="compare()" [disabled]="!comparable() || busy()" aria-describedby="compare-hint">{{ t().compare }} ({{ selected().length }})</button>
        <span id="compare-hint" class="hint">{{ t().compareHint }}</span>
        <button type="button" class="secondary export" (click)="exportCsv()" [disabled]="busy() || list.length === 0">{{ t().export }}</button>
      </div>
      @if (list.length === 0) { <p>{{ t().empty }}</p> }
      @else {
        <div class="scroll">
          <table class="inspections">
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">{{ t().select }}</span></th>
                <th scope="col">{{ t().ad }}</th><th scope="col">{{ t().reasons }}</th><th scope="col">{{ t().state }}</th>
                <th scope="col">{{ t().plan }}</th><th scope="col">{{ t().outcome }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of list; track e.adId) {
                <tr [id]="'entry-' + e.adId" [class.chosen]="isSelected(e.adId)">
                  <td>
                    <input type="checkbox" [id]="'pick-' + e.adId" [checked]="isSelected(e.adId)" (change)="toggle(e.adId)"
                      [disabled]="!e.ad || (!isSelected(e.adId) && selected().length >= max)" [attr.aria-label]="fill(t().selectAd, { title: titleOf(e) })">
                  </td>
                  <td>
                    @if (e.ad) { <a [routerLink]="['/ads', e.adId]">{{ titleOf(e) }}</a><br><span class="muted small">{{ e.ad.source }} · {{ e.ad.city ?? '—' }}</span> }
                    @else { <span>{{ e.adId }}</span> <span class="muted">({{ t().gone }})</span> }
                    @if (!e.selected) { <br><span class="muted small">{{ t().unselected }}</span> }
                  </td>
                  <td><ul class="reasons">@for (c of e.criteria; track c.id) { <li><strong>{{ c.label }}</strong>: {{ c.reason }}</li> }</ul></td>
                  <td class="state">{{ stateText(e) }}</td>
                  <td>
                    <form class="inline" (submit)="$event.preventDefault(); plan(e, planInput.value)">
                      <label class="visually-hidden" [for]="'plan-' + e.adId">{{ fill(t().planLabel, { title: titleOf(e) }) }}</label>
                      <input #planInput type="date" [id]="'plan-' + e.adId" [value]="e.plannedFor ?? ''">
                      <button type="submit" class="secondary small" [disabled]="busy()">{{ t().savePlan }}</button>
                    </form>
                  </td>
                  <td>
                    <form class="outcome" (submit)="$event.preventDefault(); record(e, outcomeInput.value, noteInput.value)">
                      <label class="visually-hidden" [for]="'outcome-' + e.adId">{{ fill(t().outcomeLabel, { title: titleOf(e) }) }}</label>
                      <select #outcomeInput [id]="'outcome-' + e.adId">
                        <option value="" [selected]="e.outcome === null">{{ t().chooseOutcome }}</option>
                        @for (o of outcomes; track o) { <option [value]="o" [selected]="o === e.outcome">{{ outcomeNames()[o] }}</option> }
                      </select>
                      <label class="visually-hidden" [for]="'note-' + e.adId">{{ fill(t().noteLabel, { title: titleOf(e) }) }}</label>
                      <textarea #noteInput [id]="'note-' + e.adId" rows="2" maxlength="2000" [value]="e.note ?? ''"></textarea>
                      <button type="submit" class="secondary small" [disabled]="busy()">{{ t().saveOutcome }}</button>
                      @if (e.outcomeBy) { <span class="hint small">{{ fill(t().by, { by: e.outcomeBy, at: i18n.date(e.outcomeAt, true) }) }}</span> }
                    </form>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p>{{ t().loading }}</p>
    }

    @if (comparedAds(); as ads) {
      <bk-compare-table [ads]="ads" [rows]="rows()" (closed)="compared.set(null)" />
    }
  `,
  styles: `
    .tools { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .5rem 0; }
    .tools .export { margin-left: auto; }
    .status:empty { margin: 0; }
    .scroll { overflow-x: auto; }
    tr.chosen td { background: var(--wash); }
    .reasons { margin: 0; padding-left: 1rem; max-width: 22rem; }
    .inline, .outcome { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
    .outcome textarea { width: 14rem; }
    .small { font-size: .85rem; }
    button.small { padding: .15rem .5rem; }
  `,
})
export class InspectionsPage implements OnInit {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  readonly #injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(INSPECTIONS_TEXT);
  protected readonly outcomeNames = this.i18n.of(OUTCOME_TEXT);
  protected readonly fill = fill;
  protected readonly max = COMPARE_MAX;
  protected readonly outcomes = OUTCOMES;
  protected readonly theme = monitorTheme();

  readonly code = input.required<string>();
  protected readonly entries = signal<InspectionEntry[] | null>(null);
  protected readonly name = signal<string | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly selected = signal<string[]>([]);
  protected readonly comparable = computed(() => canCompare(this.selected().length));
  protected readonly compared = signal<AdView[] | null>(null);
  protected readonly rows = computed(() => compareRows((this.compared() ?? []).map((ad): Fields => ({ ...ad.fields, source: ad.source }))));
  protected readonly comparedAds = computed(() => this.compared()?.map((ad): ComparedAd => ({ id: ad.id, title: this.adTitle(ad) })) ?? null);
  readonly #said = signal<Said | null>(null);
  protected readonly status = computed(() => {
    const said = this.#said();
    if (!said) return '';
    const values = said.key === 'recorded' ? { ...said.values, outcome: this.outcomeNames()[said.values['outcome'] as Outcome] } : said.values;
    return fill(this.t()[said.key], values);
  });

  ngOnInit(): void {
    void this.load();
  }

  protected titleOf(e: InspectionEntry): string {
    return e.ad ? e.ad.title ?? this.t().untitled : e.adId;
  }

  protected adTitle(ad: AdView): string {
    return typeof ad.fields['title'] === 'string' ? ad.fields['title'] : this.t().untitled;
  }

  protected stateText(e: InspectionEntry): string {
    const state = this.t()[`s_${e.state}`];
    if (e.state === 'planned') return `${state}: ${this.i18n.date(e.plannedFor)}`;
    if (e.state === 'done' && e.outcome) return `${state}: ${this.outcomeNames()[e.outcome]}`;
    return state;
  }

  protected isSelected(adId: string): boolean {
    return this.selected().includes(adId);
  }

  protected toggle(adId: string): void {
    this.selected.update((ids) => togglePick(ids, adId));
  }

  protected async compare(): Promise<void> {
    await this.#act(async () => {
      this.compared.set(await Promise.all(this.selected().map((id) => this.#api.get<AdView>(`/ads/${id}`))));
      afterNextRender(() => this.#document.getElementById('compare-title')?.focus(), { injector: this.#injector });
      return null;
    });
  }

  protected async plan(e: InspectionEntry, date: string): Promise<void> {
    await this.#act(async () => {
      this.#replace(await this.#api.put<InspectionEntry>(this.#entryPath(e, 'plan'), { plannedFor: date === '' ? null : date }));
      return { key: 'planned', values: { title: this.titleOf(e), date: date === '' ? '—' : this.i18n.date(date) } };
    });
  }

  protected async record(e: InspectionEntry, outcome: string, note: string): Promise<void> {
    if (outcome === '') {
      this.error.set(fill(this.t().failed, { detail: this.t().chooseOutcome }));
      return;
    }
    await this.#act(async () => {
      this.#replace(await this.#api.put<InspectionEntry>(this.#entryPath(e, 'outcome'), { outcome, ...(note.trim() ? { note } : {}) }));
      return { key: 'recorded', values: { title: this.titleOf(e), outcome } };
    });
  }

  protected async exportCsv(): Promise<void> {
    await this.#act(async () => {
      // Like every export of ads, it leaves once a colleague approves it (Exports page).
      await this.#api.post('/exports', { kind: 'inspection-csv', theme: this.theme, subject: this.code() });
      return { key: 'exported', values: {} };
    });
  }

  async load(): Promise<void> {
    try {
      const list = await this.#api.get<InspectionList>(`/inspections/${this.code()}`, { theme: this.theme ?? '' });
      this.name.set(list.municipality.name ?? list.municipality.code);
      this.entries.set(list.entries);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) this.notFound.set(true);
      else this.error.set(fill(this.t().failed, { detail: detailOf(err) }));
    }
  }

  #entryPath(e: InspectionEntry, what: 'plan' | 'outcome'): string {
    return `/inspections/${this.code()}/${e.adId}/${what}?theme=${encodeURIComponent(this.theme ?? '')}`;
  }

  #replace(updated: InspectionEntry): void {
    this.entries.update((list) => list && list.map((x) => x.adId === updated.adId ? updated : x));
  }

  async #act(work: () => Promise<Said | null>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const said = await work();
      if (said) this.#said.set(said);
    } catch (err) {
      this.error.set(fill(this.t().failed, { detail: detailOf(err) }));
    } finally {
      this.busy.set(false);
    }
  }
}
