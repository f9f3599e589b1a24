// The screenshot (zoomable with buttons, keys and the wheel) and the images of the latest capture,
// fetched as blobs and shown as object URLs, revoked when the page goes. A theme that stores no
// screenshots or photos (toezicht) says so instead of showing a broken image.
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { Ad } from './ad-types';
import { AD_TEXT } from './ad.text';
import { scaleOf, ZOOM_DEFAULT, zoomByKey, zoomByWheel, zoomIn, zoomOut } from './zoom';

interface Shown { url: string | null; error: string | null }

@Component({
  selector: 'bk-ad-media',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="shot-h">
      <h2 id="shot-h">{{ t().shotTitle }}</h2>
      @if (hasShot()) {
        <div class="zoom-tools" role="group" [attr.aria-label]="t().shotTitle">
          <button type="button" class="secondary" (click)="step.set(zoomOut(step()))" [disabled]="step() === 0">{{ t().zoomOut }}</button>
          <button type="button" class="secondary" (click)="step.set(zoomIn(step()))">{{ t().zoomIn }}</button>
          <button type="button" class="secondary" (click)="step.set(ZOOM_DEFAULT)">{{ t().zoomReset }}</button>
          <span class="zoom-level" aria-live="polite">{{ fill(t().zoomLevel, { p: percent() }) }}</span>
        </div>
        <div class="viewer" tabindex="0" role="region" [attr.aria-label]="t().viewer" (keydown)="key($event)" (wheel)="wheel($event)">
          @if (shot().url; as url) {
            <img [src]="url" [alt]="fill(t().shotAlt, { date: i18n.date(ad().meta.capturedAt, true) })" class="shot" [style.transform]="'scale(' + scale() + ')'">
          } @else if (shot().error; as error) {
            <p class="error">{{ fill(t().mediaFailed, { detail: error }) }}</p>
          } @else {
            <p>{{ t().loading }}</p>
          }
        </div>
      } @else {
        <p class="notice no-shot">{{ fill(t().noShot, { theme: ad().theme }) }}</p>
      }
    </section>
    <section aria-labelledby="images-h">
      <h2 id="images-h">{{ t().imagesTitle }}</h2>
      @if (imageCount() > 0) {
        <ul class="images">
          @for (img of images(); track $index) {
            <li>
              @if (img.url; as url) { <img [src]="url" [alt]="fill(t().imageAlt, { n: $index + 1, total: imageCount() })"> }
              @else if (img.error; as error) { <p class="error">{{ fill(t().mediaFailed, { detail: error }) }}</p> }
              @else { <p>{{ t().loading }}</p> }
            </li>
          }
        </ul>
      } @else {
        <p class="notice no-images">{{ fill(t().noImages, { theme: ad().theme }) }}</p>
      }
    </section>
  `,
  styles: `
    .zoom-tools { display: flex; gap: .5rem; align-items: center; margin-bottom: .5rem; }
    .viewer { overflow: auto; max-height: 70vh; border: 1px solid var(--line); background: var(--wash); }
    .shot { display: block; transform-origin: 0 0; max-width: 100%; }
    .images { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
    .images img { display: block; max-width: 220px; max-height: 220px; border: 1px solid var(--line); }
  `,
})
export class AdMedia {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  readonly ad = input.required<Ad>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly zoomIn = zoomIn;
  protected readonly zoomOut = zoomOut;
  protected readonly ZOOM_DEFAULT = ZOOM_DEFAULT;
  protected readonly step = signal(ZOOM_DEFAULT);
  protected readonly scale = computed(() => scaleOf(this.step()));
  protected readonly percent = computed(() => Math.round(this.scale() * 100));
  protected readonly hasShot = computed(() => this.ad().artefacts.some((a) => a.kind === 'screenshot'));
  protected readonly imageCount = computed(() => this.ad().artefacts.filter((a) => a.kind === 'image').length);
  protected readonly shot = signal<Shown>({ url: null, error: null });
  protected readonly images = signal<Shown[]>([]);
  #urls: string[] = [];

  constructor() {
    inject(DestroyRef).onDestroy(() => this.#revoke());
    effect(() => {
      const ad = this.ad();
      untracked(() => this.#load(ad));
    });
  }

  protected key(event: KeyboardEvent): void {
    const next = zoomByKey(this.step(), event.key);
    if (next === null) return;
    event.preventDefault();
    this.step.set(next);
  }

  /** Ctrl (or a trackpad's pinch, which arrives as Ctrl + wheel) zooms; a plain wheel keeps
   *  scrolling, so the page never traps a reader scrolling past the screenshot. */
  protected wheel(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    this.step.set(zoomByWheel(this.step(), event.deltaY));
  }

  #load(ad: Ad): void {
    this.#revoke();
    const images = ad.artefacts.filter((a) => a.kind === 'image');
    this.images.set(images.map(() => ({ url: null, error: null })));
    this.shot.set({ url: null, error: null });
    if (ad.artefacts.some((a) => a.kind === 'screenshot')) void this.#fetch(`/ads/${ad.id}/screenshot`).then((s) => this.shot.set(s));
    images.forEach((img, i) => {
      void this.#fetch(`/ads/${ad.id}/images/${img.n}`).then((s) => this.images.update((all) => all.map((x, j) => (j === i ? s : x))));
    });
  }

  async #fetch(path: string): Promise<Shown> {
    try {
      const url = URL.createObjectURL(await this.#api.blob(path));
      this.#urls.push(url);
      return { url, error: null };
    } catch (e) {
      return { url: null, error: detailOf(e) };
    }
  }

  #revoke(): void {
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = [];
  }
}
