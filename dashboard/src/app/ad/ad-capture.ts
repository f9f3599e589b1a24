// How the ad was captured, the hashes of what was kept, a download of the captured HTML (never
// opened here), and "verify": the API checks the captures against their hashes, signed manifests
// and the custody log, and answers what it checked.
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { Ad, Artefact, Verification } from './ad-types';
import { AD_TEXT } from './ad.text';

@Component({
  selector: 'bk-ad-capture',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="capture-h">
      <h2 id="capture-h">{{ t().captureTitle }}</h2>
      <dl class="facts">
        @for (row of meta(); track row[0]) { <dt>{{ row[0] }}</dt><dd>{{ row[1] }}</dd> }
      </dl>
      <h3>{{ t().artefacts }}</h3>
      <table>
        <thead><tr><th scope="col">{{ t().kind }}</th><th scope="col">{{ t().mime }}</th><th scope="col">{{ t().size }}</th><th scope="col">{{ t().sha }}</th></tr></thead>
        <tbody>
          @for (a of ad().artefacts; track $index) {
            <tr><td>{{ kindLabel(a) }}</td><td>{{ a.mime }}</td><td>{{ fill(t().bytes, { n: i18n.number(a.bytes) }) }}</td><td class="hash">{{ a.sha256 }}</td></tr>
          }
        </tbody>
      </table>
      <div class="capture-actions">
        <button type="button" (click)="verify()" [disabled]="busy()">{{ busy() ? t().verifying : t().verify }}</button>
        @if (hasHtml()) {
          <button type="button" class="secondary" (click)="download()">{{ t().downloadHtml }}</button>
          <span class="hint">{{ t().downloadHint }}</span>
        }
      </div>
      <div aria-live="polite" class="verify-result">
        @if (error(); as e) { <p class="error">{{ fill(t().actionFailed, { detail: e }) }}</p> }
        @if (result(); as r) {
          @if (r.verified) { <p class="verified">{{ fill(t().verified, { n: r.checked }) }}</p> }
          @else { <p class="error">{{ fill(t().notVerified, { f: r.failures.length, n: r.checked }) }}</p> }
          <details [open]="!r.verified">
            <summary>{{ t().checks }}</summary>
            <ul>
              @for (i of r.items; track $index) { <li>{{ i.what }}: {{ i.ok ? t().ok : t().failedCheck }}</li> }
              @for (f of r.failures; track $index) { <li class="error">{{ f.what }}: {{ f.why }}</li> }
            </ul>
          </details>
        }
      </div>
    </section>
  `,
  styles: `
    h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; word-break: break-all; }
    .hash { font-family: monospace; word-break: break-all; font-size: .85rem; }
    .capture-actions { display: flex; gap: .75rem; align-items: center; margin: .75rem 0; flex-wrap: wrap; }
    .verified { color: var(--ok); font-weight: 600; }
  `,
})
export class AdCapture {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  readonly ad = input.required<Ad>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<Verification | null>(null);
  protected readonly hasHtml = computed(() => this.ad().artefacts.some((a) => a.kind === 'html'));
  #url: string | null = null;

  protected readonly meta = computed((): [string, string][] => {
    const t = this.t();
    const m = this.ad().meta;
    const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
    return [
      [t.captureId, this.ad().captureId], [t.capturedAt, this.i18n.date(m.capturedAt, true)], [t.requestedUrl, m.requestedUrl],
      [t.finalUrl, m.finalUrl], [t.status, text(m.status)], [t.serverIp, text(m['serverIp'])], [t.software, m.softwareVersion],
      [t.method, m.method], [t.userAgent, text(m['userAgent'])],
    ];
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => { if (this.#url) URL.revokeObjectURL(this.#url); });
  }

  protected kindLabel(a: Artefact): string {
    const label = (this.t() as Record<string, string>)['k_' + a.kind] ?? a.kind;
    return a.kind === 'image' ? `${label} ${a.n + 1}` : label;
  }

  protected async verify(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      this.result.set(await this.#api.post<Verification>(`/ads/${this.ad().id}/verify`, {}));
    } catch (e) {
      this.error.set(detailOf(e));
    } finally {
      this.busy.set(false);
    }
  }

  /** The captured page as a file: fetched as a blob and saved, never opened in this origin. */
  protected async download(): Promise<void> {
    this.error.set(null);
    try {
      const blob = await this.#api.blob(`/ads/${this.ad().id}/html`);
      if (this.#url) URL.revokeObjectURL(this.#url);
      this.#url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
      const a = this.#document.createElement('a');
      a.href = this.#url;
      a.download = `${this.ad().id}.html`;
      a.click();
    } catch (e) {
      this.error.set(detailOf(e));
    }
  }
}
