// The ad's text with each span of evidence marked, and the list of indicators explaining each mark.
// Experts get the hits from the API; everyone else gets only their number, so only that is shown.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DOCUMENT } from '@angular/common';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { Ad, Evidence } from './ad-types';
import { AD_TEXT, type AdText } from './ad.text';
import { markedFields, numberEvidence } from './highlight';

@Component({
  selector: 'bk-ad-evidence',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="indicators-h">
      <h2 id="indicators-h">{{ t().indicatorsTitle }}</h2>
      @if (ad().hits; as hits) {
        @if (hits.length === 0) { <p>{{ t().noHits }}</p> }
        <ol class="ad-hits">
          @for (hit of hits; track hit.id) {
            <li>
              <strong>{{ hit.id }}</strong><span class="muted"> ({{ fill(t().weight, { w: hit.weight }) }})</span>
              <ul>
                @for (e of evidenceOf(hit.id); track e.ref) {
                  <li [id]="'why-' + e.ref">
                    <span class="ref">{{ e.ref + 1 }}.</span> {{ explain(e.evidence, t()) }}
                    @if (e.evidence.kind === 'span' && marked(e.ref)) {
                      <button type="button" class="secondary small" (click)="showMark(e.ref)">{{ fill(t().showInText, { n: e.ref + 1 }) }}</button>
                    }
                    @if (e.evidence.kind === 'linked') {
                      @for (other of e.evidence.ads; track other) { <a [routerLink]="['/ads', other]" class="ad-id">{{ other }}</a> }
                    }
                  </li>
                }
              </ul>
            </li>
          }
        </ol>
      } @else {
        <p class="notice">{{ fill(t().countOnly, { n: ad().indicatorCount }) }}</p>
      }
    </section>
    <section aria-labelledby="text-h">
      <h2 id="text-h">{{ t().textTitle }}</h2>
      @for (f of fields(); track f.field) {
        <h3>{{ label(f.field) }}</h3>
        <p class="ad-text">@for (s of f.segments; track $index) {@if (s.refs.length) {<mark [attr.id]="s.starts.length ? 'mark-' + s.starts[0] : null" [attr.tabindex]="s.starts.length ? -1 : null" [attr.aria-describedby]="describedBy(s.refs)" [title]="markTitle(s.refs)">{{ s.text }}</mark>@for (r of s.ends; track r) {<sup class="ref">{{ r + 1 }}</sup>}} @else {<span>{{ s.text }}</span>}}</p>
      } @empty {
        <p>{{ t().noText }}</p>
      }
    </section>
  `,
  styles: `
    h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
    .ad-text { white-space: pre-wrap; max-width: 70ch; }
    .ad-text mark { padding: 0 .1em; border-bottom: 2px solid #8a6d00; }
    .ref { font-size: .8em; color: var(--muted); }
    sup.ref { color: var(--ink); }
    .ad-hits > li { margin-bottom: .5rem; }
    .ad-hits ul { margin: .2rem 0; padding-left: 1.2rem; }
    .ad-id { margin-right: .5rem; font-family: monospace; }
    button.small { padding: .05rem .4rem; font-size: .85rem; margin-left: .4rem; }
  `,
})
export class AdEvidence {
  readonly #document = inject(DOCUMENT);
  readonly ad = input.required<Ad>();
  protected readonly t = inject(I18n).of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly numbered = computed(() => numberEvidence(this.ad().hits ?? []));
  protected readonly fields = computed(() => markedFields(this.ad().fields, this.numbered()));
  readonly #markedRefs = computed(() => new Set(this.fields().flatMap((f) => f.segments.flatMap((s) => s.starts))));

  protected evidenceOf(hitId: string) {
    return this.numbered().filter((e) => e.hit.id === hitId);
  }

  protected marked(ref: number): boolean {
    return this.#markedRefs().has(ref);
  }

  protected label(field: string): string {
    return (this.t() as Record<string, string>)['f_' + field] ?? field;
  }

  protected explain(e: Evidence, t: AdText): string {
    if (e.kind === 'span') return fill(t.evSpan, { field: this.label(e.field), text: e.text });
    if (e.kind === 'field') return fill(t.evField, { field: this.label(e.field), value: e.value === null ? '—' : String(e.value) });
    return fill(t.evLinked, { n: e.ads.length, reason: (t as Record<string, string>)['r_' + e.reason] ?? e.reason, value: e.value });
  }

  protected markTitle(refs: number[]): string {
    const ids = [...new Set(refs.map((r) => this.numbered()[r]?.hit.id ?? ''))].join(', ');
    return fill(this.t().markedBy, { refs: refs.map((r) => r + 1).join(', '), ids });
  }

  protected describedBy(refs: number[]): string {
    return refs.map((r) => 'why-' + r).join(' ');
  }

  /** Moves focus to the first mark of this evidence, so keyboard and screen-reader users land on it. */
  protected showMark(ref: number): void {
    const mark = this.#document.getElementById('mark-' + ref)
      ?? [...this.#document.querySelectorAll<HTMLElement>('mark[aria-describedby]')].find((m) => m.getAttribute('aria-describedby')?.split(' ').includes('why-' + ref));
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  }
}
