// Search by photo (issue 16): the chosen picture is shown from the browser's memory (an object URL)
// and sent once to POST /api/images/search; each match shows it beside the ad's own picture, fetched
// through the ad's authorised image route. Object URLs are revoked when a new search starts or the page goes.
import { ChangeDetectionStrategy, Component, inject, signal, type OnDestroy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { AdSummary } from '../search/search-types';
import { PHOTO_TEXT } from './photo-search.text';

interface PhotoMatch { id: string; theme: string; distance: number; image: number | null; summary: AdSummary | null }
interface PhotoAnswer { hash: string; maxDistance: number; themes: string[]; total: number; truncated: boolean; hits: PhotoMatch[] }
interface Shown { url: string | null; failed: boolean }

@Component({
  selector: 'bk-photo-search',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .pair { display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap; }
    .pair figure { margin: 0; }
    .pair img { max-width: 240px; max-height: 180px; display: block; }
    .photo-matches { list-style: none; padding: 0; }
    .photo-matches > li { border-top: 1px solid #ccc; padding: 0.75rem 0; }
  `,
  template: `
    <h1>{{ t().title }}</h1>
    <p>{{ t().intro }}</p>
    <form class="photo-form" (ngSubmit)="search()">
      <label for="photo-file">{{ t().file }}</label>
      <input id="photo-file" type="file" accept="image/*" (change)="choose($event)">
      <label for="photo-distance">{{ t().distance }}</label>
      <input id="photo-distance" name="maxDistance" type="number" min="0" step="1" [ngModel]="maxDistance()" (ngModelChange)="maxDistance.set($event)">
      <button type="submit" [disabled]="busy()">{{ busy() ? t().searching : t().search }}</button>
    </form>
    @if (chosen(); as url) {
      <figure class="chosen"><img [src]="url" [alt]="t().chosen" id="photo-chosen"><figcaption>{{ t().chosen }}</figcaption></figure>
    }
    <p role="status" class="status" id="photo-status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert" id="photo-error">{{ message }}</p> }
    @if (answer(); as a) {
      @if (a.hits.length > 0) {
        <h2>{{ t().matches }}</h2>
        <ol class="photo-matches">
          @for (m of a.hits; track m.id; let i = $index) {
            <li class="photo-match" [attr.data-ad]="m.id">
              <p>
                <a [routerLink]="['/ads', m.id]">{{ m.summary?.title ?? t().untitled }}</a>
                · {{ m.summary?.city ?? '' }} · <span class="distance">{{ fill(t().distanceOf, { d: m.distance }) }}</span>
                @if (m.image === null) { · {{ t().olderVersion }} }
              </p>
              <div class="pair">
                <figure><img [src]="chosen()" [alt]="t().yours"><figcaption>{{ t().yours }}</figcaption></figure>
                <figure>
                  @if (pictures()[i]?.url; as url) { <img class="theirs" [src]="url" [alt]="t().theirs"> }
                  @else if (pictures()[i]?.failed) { <span>{{ t().pictureFailed }}</span> }
                  <figcaption>{{ t().theirs }}</figcaption>
                </figure>
              </div>
            </li>
          }
        </ol>
      }
    }
  `,
})
export class PhotoSearchPage implements OnDestroy {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(PHOTO_TEXT);
  protected readonly fill = fill;

  protected readonly chosen = signal<string | null>(null);
  protected readonly maxDistance = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly said = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly answer = signal<PhotoAnswer | null>(null);
  protected readonly pictures = signal<Shown[]>([]);
  #file: File | null = null;
  #urls: string[] = [];

  protected choose(event: Event): void {
    this.#file = (event.target as HTMLInputElement).files?.[0] ?? null;
    const old = this.chosen();
    if (old) URL.revokeObjectURL(old);
    this.chosen.set(this.#file ? URL.createObjectURL(this.#file) : null);
    this.answer.set(null);
    this.#revokePictures();
  }

  protected async search(): Promise<void> {
    if (!this.#file) {
      this.error.set(this.t().noFile);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.said.set('');
    this.#revokePictures();
    try {
      const d = this.maxDistance();
      const a = await this.#api.upload<PhotoAnswer>('/images/search', this.#file, d === null || String(d) === '' ? {} : { maxDistance: String(d) });
      this.answer.set(a);
      const hash = a.hash;
      this.said.set(a.total === 0 ? fill(this.t().none, { d: a.maxDistance, hash })
        : fill(this.t().found, { n: a.total, d: a.maxDistance, hash }) + (a.truncated ? ` ${fill(this.t().truncated, { n: a.hits.length })}` : ''));
      this.pictures.set(a.hits.map(() => ({ url: null, failed: false })));
      a.hits.forEach((m, i) => void this.#picture(m).then((shown) => this.pictures.update((all) => all.map((x, j) => (j === i ? shown : x)))));
    } catch (e) {
      this.answer.set(null);
      this.error.set(fill(this.t().failed, { detail: detailOf(e) }));
    } finally {
      this.busy.set(false);
    }
  }

  ngOnDestroy(): void {
    const chosen = this.chosen();
    if (chosen) URL.revokeObjectURL(chosen);
    this.#revokePictures();
  }

  /** The matching picture itself where it is in the ad's latest capture, else the ad's thumbnail. */
  async #picture(m: PhotoMatch): Promise<Shown> {
    try {
      const url = URL.createObjectURL(await this.#api.blob(m.image === null ? `/ads/${m.id}/thumbnail` : `/ads/${m.id}/images/${m.image}`));
      this.#urls.push(url);
      return { url, failed: false };
    } catch {
      return { url: null, failed: true };
    }
  }

  #revokePictures(): void {
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls = [];
    this.pictures.set([]);
  }
}
