// The profile page's evaluation: the theme's current profile measured on each labelled set the theme
// names (GET /api/admin/themes/:theme/evaluation), against issue 12's goals. Figures and ids only:
// admins read no ad content. Measured again whenever `version` changes (a saved profile).
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { Api } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import type { HitRate, SetEvaluation, ThemeEvaluation } from './admin-types';
import { failureOf } from './admin-ui';
import { percent } from './format';
import { EVALUATION_TEXT } from './profile-evaluation.text';

@Component({
  selector: 'bk-profile-evaluation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="evaluation" aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">{{ t().title }}</h3>
      <p role="status" class="muted">{{ busy() ? t().evaluating : '' }}</p>
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (result(); as r) {
        <p>{{ fill(t().intro, { profile: r.profile, theme: r.theme, threshold: r.threshold }) }}</p>
        @if (r.profile !== profile()) { <p class="notice">{{ fill(t().otherProfile, { profile: r.profile, open: profile() }) }}</p> }
        @for (set of r.sets; track set.name) {
          <section class="evaluation-set" [attr.aria-labelledby]="'set-' + set.name">
            <h4 [id]="'set-' + set.name">{{ fill(t().set, { name: set.name }) }} <span class="muted">· {{ set.file }}</span></h4>
            <p>{{ fill(t().adsLine, { ads: set.ads, flag: set.counts.tp + set.counts.fn, clean: set.counts.fp + set.counts.tn }) }}</p>
            <table class="figures">
              <caption class="visually-hidden">{{ fill(t().figures, { name: set.name }) }}</caption>
              <thead><tr><th scope="col">{{ t().figure }}</th><th scope="col" class="num">{{ t().value }}</th><th scope="col">{{ t().detail }}</th><th scope="col">{{ t().goal }}</th></tr></thead>
              <tbody>
                <tr class="precision">
                  <th scope="row">{{ t().precision }}</th><td class="num">{{ share(set.precision) }}</td>
                  <td>{{ fill(t().precisionDetail, { tp: set.counts.tp, kept: set.counts.tp + set.counts.fp }) }}</td><td class="muted">{{ t().noGoal }}</td>
                </tr>
                <tr class="recall">
                  <th scope="row">{{ t().recall }}</th><td class="num">{{ share(set.recall) }}</td>
                  <td>{{ fill(t().recallDetail, { tp: set.counts.tp, flag: set.counts.tp + set.counts.fn }) }}</td>
                  <td [class]="goalClass(set.goalsMet.recall)">{{ fill(t().atLeast, { goal: share(r.goals.recall) }) }}: {{ goalText(set.goalsMet.recall) }}</td>
                </tr>
                <tr class="clean-kept">
                  <th scope="row">{{ t().cleanKept }}</th><td class="num">{{ share(set.cleanKeptRate) }}</td>
                  <td>{{ fill(t().cleanKeptDetail, { fp: set.counts.fp, clean: set.counts.fp + set.counts.tn }) }}</td>
                  <td [class]="goalClass(set.goalsMet.cleanKeptRate)">{{ fill(t().atMost, { goal: share(r.goals.cleanKeptRate) }) }}: {{ goalText(set.goalsMet.cleanKeptRate) }}</td>
                </tr>
              </tbody>
            </table>
            <div class="table-scroll">
              <table class="indicator-rates">
                <caption>{{ fill(t().indicators, { name: set.name }) }}</caption>
                <thead><tr><th scope="col">{{ t().indicator }}</th><th scope="col" class="num">{{ t().weight }}</th><th scope="col" class="num">{{ t().onFlag }}</th><th scope="col" class="num">{{ t().onClean }}</th></tr></thead>
                <tbody>
                  @for (i of set.indicators; track i.id) {
                    <tr><th scope="row">{{ i.id }}</th><td class="num">{{ i.weight }}</td><td class="num">{{ rate(i.flag) }}</td><td class="num">{{ rate(i.clean) }}</td></tr>
                  }
                </tbody>
              </table>
            </div>
            @for (wrong of wrongOf(set); track wrong.kind) {
              <h5 [class]="wrong.kind">{{ fill(wrong.kind === 'misses' ? t().misses : t().falseKeeps, { n: wrong.ads.length }) }}</h5>
              <ul [class]="'wrong-ads ' + wrong.kind">
                @for (ad of wrong.ads; track ad.id) { <li><code>{{ ad.id }}</code> <span class="muted">{{ fill(t().wrongAd, { line: ad.line, score: ad.score }) }}</span></li> }
                @empty { <li class="muted">{{ t().none }}</li> }
              </ul>
            }
          </section>
        } @empty { <p>{{ fill(t().noSets, { theme: r.theme }) }}</p> }
      }
    </section>
  `,
})
export class ProfileEvaluation {
  readonly #api = inject(Api);
  readonly #i18n = inject(I18n);
  protected readonly t = this.#i18n.of(EVALUATION_TEXT);
  readonly #admin = this.#i18n.of(ADMIN_TEXT);
  protected readonly fill = fill;

  readonly theme = input.required<string>();
  /** The profile open in the editor, to say so when the theme uses another. */
  readonly profile = input.required<string>();
  /** Changes when a profile is saved, so the figures are measured again. */
  readonly version = input(0);

  protected readonly result = signal<ThemeEvaluation | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const theme = this.theme();
      this.version();
      untracked(() => void this.load(theme));
    });
  }

  async load(theme: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.#api.get<ThemeEvaluation>(`/admin/themes/${encodeURIComponent(theme)}/evaluation`));
    } catch (e) {
      this.result.set(null);
      this.error.set(failureOf(e, this.#admin()));
    } finally {
      this.busy.set(false);
    }
  }

  protected share(value: number | null): string {
    return percent(value, this.#i18n.locale());
  }

  protected rate(r: HitRate): string {
    return fill(this.t().rate, { hits: r.hits, ads: r.ads, share: this.share(r.rate) });
  }

  protected goalText(met: boolean | null): string {
    const t = this.t();
    return met === null ? t.unknown : met ? `${t.met} ✓` : `${t.notMet} ✗`;
  }

  protected goalClass(met: boolean | null): string {
    return met === null ? 'goal muted' : met ? 'goal ok' : 'goal not-met';
  }

  protected wrongOf(set: SetEvaluation) {
    return [{ kind: 'misses', ads: set.misses }, { kind: 'false-keeps', ads: set.falseKeeps }] as const;
  }
}
