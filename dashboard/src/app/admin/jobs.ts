// Jobs: the newest scheduled crawls and purges of the admin's themes, what they did or why they failed.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import type { Job } from './admin-types';
import { failureOf } from './admin-ui';
import { JOB_STATES, jobsIn, type JobState, resultSummary } from './format';

@Component({
  selector: 'bk-jobs',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ t().jobs }}</h2>
    <div class="toolbar">
      <label for="job-state">{{ t().filterState }}</label>
      <select id="job-state" name="state" [ngModel]="state()" (ngModelChange)="state.set($event)">
        <option value="">{{ t().all }}</option>
        @for (s of states; track s) { <option [value]="s">{{ stateName(s) }}</option> }
      </select>
      <button type="button" class="secondary" (click)="load()">{{ t().refresh }}</button>
    </div>
    <p role="status" class="status">{{ jobs() === null ? '' : fill(t().jobsShown, { n: shown().length }) }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (jobs() === null) { <p>{{ t().loading }}</p> } @else {
      <table class="jobs">
        <caption class="visually-hidden">{{ t().jobs }}</caption>
        <thead><tr>
          <th scope="col">{{ t().state }}</th><th scope="col">{{ t().kind }}</th><th scope="col">{{ t().theme }}</th><th scope="col">{{ t().schedule }}</th>
          <th scope="col">{{ t().slot }}</th><th scope="col">{{ t().started }}</th><th scope="col">{{ t().finished }}</th>
          <th scope="col">{{ t().attempts }}</th><th scope="col">{{ t().result }}</th><th scope="col">{{ t().failure }}</th>
        </tr></thead>
        <tbody>
          @for (j of shown(); track j.id) {
            <tr>
              <td><span [class]="'state state-' + j.state">{{ stateName(j.state) }}</span></td>
              <td>{{ j.kind === 'crawl' ? t().crawl : t().purge }}{{ j.source ? ' · ' + j.source : '' }}</td>
              <td>{{ j.theme }}</td>
              <td>{{ j.schedule }}</td>
              <td>{{ i18n.date(j.slot, true) }}</td>
              <td>{{ i18n.date(j.startedAt, true) }}</td>
              <td>{{ i18n.date(j.finishedAt, true) }}</td>
              <td>{{ i18n.number(j.attempts) }}</td>
              <td>{{ summary(j) }}</td>
              <td class="failure">{{ j.error ?? '' }}</td>
            </tr>
          } @empty { <tr><td colspan="10">{{ t().noJobs }}</td></tr> }
        </tbody>
      </table>
    }
  `,
})
export class Jobs {
  readonly #api = inject(Api);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(ADMIN_TEXT);
  protected readonly fill = fill;
  protected readonly states = JOB_STATES;

  protected readonly jobs = signal<Job[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly state = signal<JobState | ''>('');
  protected readonly shown = computed(() => jobsIn(this.jobs() ?? [], this.state()));

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set(null);
    try {
      this.jobs.set(await this.#api.get<Job[]>('/admin/jobs', { limit: 200 }));
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  protected stateName(s: JobState): string {
    const t = this.t();
    return s === 'failed' ? t.failedState : t[s];
  }

  protected summary(j: Job): string {
    return resultSummary(j.result);
  }
}
