// The ad's sightings on a line from the first to the last, each a dot with its date (for screen
// readers the same dates as a list).
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { AD_TEXT } from './ad.text';
import { placeSightings } from './timeline';

@Component({
  selector: 'bk-ad-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="sightings-h">
      <h2 id="sightings-h">{{ t().sightingsTitle }}</h2>
      @if (placed().length === 0) {
        <p>{{ t().sightingsNone }}</p>
      } @else {
        <p class="sightings-summary">{{ fill(t().sightingsSummary, { n: placed().length, from: i18n.date(placed()[0]!.at, true), to: i18n.date(placed().at(-1)!.at, true) }) }}</p>
        <ol class="timeline" [attr.aria-label]="t().timeline">
          @for (p of placed(); track $index) {
            <li [style.left.%]="p.position * 100" [title]="i18n.date(p.at, true)"><span class="visually-hidden">{{ i18n.date(p.at, true) }}</span></li>
          }
        </ol>
        <div class="timeline-ends" aria-hidden="true"><span>{{ i18n.date(placed()[0]!.at) }}</span><span>{{ i18n.date(placed().at(-1)!.at) }}</span></div>
      }
    </section>
  `,
  styles: `
    .timeline { position: relative; list-style: none; margin: 1rem .5rem .25rem; padding: 0; height: 1.25rem; border-bottom: 2px solid var(--muted); }
    .timeline li { position: absolute; bottom: -.45rem; width: .8rem; height: .8rem; margin-left: -.4rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--paper); }
    .timeline-ends { display: flex; justify-content: space-between; font-size: .85rem; color: var(--muted); }
  `,
})
export class AdTimeline {
  protected readonly i18n = inject(I18n);
  readonly sightings = input.required<{ seenAt: string }[]>();
  protected readonly t = this.i18n.of(AD_TEXT);
  protected readonly fill = fill;
  protected readonly placed = computed(() => placeSightings(this.sightings().map((s) => s.seenAt)));
}
