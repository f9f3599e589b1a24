// The ad's versions, and what changed between two of them, field by field, word by word (the API
// computes the diff: GET /api/ads/:id/versions?from=&to=).
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { Ad, Versions } from './ad-types';
import { AD_TEXT } from './ad.text';

@Component({
  selector: 'bk-ad-versions',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="versions-h">
      <h2 id="versions-h">{{ t().versionsTitle }}</h2>
      <table>
        <thead><tr><th scope="col">{{ t().version }}</th><th scope="col">{{ t().capturedAt }}</th><th scope="col">{{ t().contentHash }}</th></tr></thead>
        <tbody>
          @for (v of ad().versions; track v.captureId) {
            <tr><td>{{ v.version }}</td><td>{{ i18n.date(v.capturedAt, true) }}</td><td class="hash">{{ v.contentHash }}</td></tr>
          }
        </tbody>
      </table>
      @if (ad().versions.length < 2) {
        <p class="one-version">{{ t().oneVersion }}</p>
      } @else {
        <form class="compare" (ngSubmit)="compare()">
          <label for="v-from">{{ t().compareFrom }}</label>
          <select id="v-from" name="from" [(ngModel)]="from">
            @for (v of ad().versions; track v.captureId) { <option [ngValue]="v.version">{{ v.version }}</option> }
          </select>
          <label for="v-to">{{ t().compareTo }}</label>
          <select id="v-to" name="to" [(ngModel)]="to">
            @for (v of ad().versions; track v.captureId) { <option [ngValue]="v.version">{{ v.version }}</option> }
          </select>
          <button type="submit" [disabled]="busy()">{{ t().compare }}</button>
        </form>
        <div aria-live="polite">
          @if (error(); as e) { <p class="error">{{ fill(t().actionFailed, { detail: e }) }}</p> }
          @if (result()?.diff; as diff) {
            <h3>{{ fill(t().diffTitle, { a: diff.from, b: diff.to }) }}</h3>
            @if (changes(diff.fields).length === 0) { <p>{{ t().noChanges }}</p> }
            <table class="diff">
              <thead><tr><th scope="col">{{ t().field }}</th><th scope="col">{{ t().change }}</th><th scope="col">{{ t().content }}</th></tr></thead>
              <tbody>
                @for (f of changes(diff.fields); track f.field) {
                  <tr>
                    <th scope="row">{{ label(f.field) }}</th>
                    <td>{{ changeLabel(f.change) }}</td>
                    <td class="diff-text">@for (p of f.parts; track $index) {@if (p.op === 'add') {<ins><span class="visually-hidden">{{ t().insLabel }} </span>{{ p.text }}</ins>} @else if (p.op === 'remove') {<del><span class="visually-hidden">{{ t().delLabel }} </span>{{ p.text }}</del>} @else {<span>{{ p.text }}</span>}}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </div>
      }
    </section>
  `,
  styles: `
    h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
    .hash { font-family: monospace; word-break: break-all; }
    .compare { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: .75rem 0; }
    .compare label { margin: 0; }
    .diff-text { white-space: pre-wrap; }
    ins { background: #d7f5dd; color: #0f3d1c; text-decoration: underline; }
    del { background: #fbe0e0; color: #6b0d10; text-decoration: line-through; }
  `,
})
export class AdVersions {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  readonly ad = input.required<Ad>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected from = 1;
  protected to = 1;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<Versions | null>(null);

  constructor() {
    // The two latest versions are compared at once: what changed last is what a reader asks first.
    effect(() => {
      const ad = this.ad();
      untracked(() => {
        this.result.set(null);
        const n = ad.versions.length;
        if (n < 2) return;
        this.from = ad.versions[n - 2]!.version;
        this.to = ad.versions[n - 1]!.version;
        void this.compare();
      });
    });
  }

  protected async compare(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.#api.get<Versions>(`/ads/${this.ad().id}/versions`, { from: this.from, to: this.to }));
    } catch (e) {
      this.error.set(detailOf(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected changes(fields: NonNullable<Versions['diff']>['fields']) {
    return fields.filter((f) => f.change !== 'same');
  }

  protected label(field: string): string {
    return (this.t() as Record<string, string>)['f_' + field] ?? field;
  }

  protected changeLabel(change: 'same' | 'changed' | 'added' | 'removed'): string {
    return this.t()[change];
  }
}
