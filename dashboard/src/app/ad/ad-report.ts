// The official report (proces-verbaal van bevindingen) of the ad, for experts: the officer and unit
// fill the standard text. Like every export it is requested here, approved by a colleague, and then
// downloaded by the requester on the Exports page.
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import type { Ad } from './ad-types';
import { AD_REPORT_TEXT } from './ad-report.text';

@Component({
  selector: 'bk-ad-report',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="pv-h">
      <h2 id="pv-h">{{ t().title }}</h2>
      <p>{{ t().intro }}</p>
      <form class="pv-form" (ngSubmit)="make()">
        <label for="pv-officer">{{ t().officer }}</label>
        <input id="pv-officer" name="officer" [(ngModel)]="officer" maxlength="200" autocomplete="name" required>
        <label for="pv-unit">{{ t().unit }}</label>
        <input id="pv-unit" name="unit" [(ngModel)]="unit" maxlength="200" autocomplete="organization" required>
        <label for="pv-format">{{ t().format }}</label>
        <select id="pv-format" name="format" [(ngModel)]="format">
          <option value="docx">{{ t().docx }}</option>
          <option value="pdf">{{ t().pdf }}</option>
        </select>
        <button type="submit" [disabled]="busy()">{{ t().make }}</button>
      </form>
      <p class="pv-result" aria-live="polite">{{ message() }}</p>
    </section>
  `,
  styles: `
    .pv-form { display: grid; grid-template-columns: max-content 1fr; gap: .5rem; align-items: center; }
    .pv-form label { margin: 0; }
    .pv-form button { grid-column: 2; justify-self: start; }
  `,
})
export class AdReport {
  readonly #api = inject(Api);
  readonly ad = input.required<Ad>();
  protected readonly t = inject(I18n).of(AD_REPORT_TEXT);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected officer = '';
  protected unit = '';
  protected format: 'docx' | 'pdf' = 'docx';

  protected async make(): Promise<void> {
    const officer = this.officer.trim();
    const unit = this.unit.trim();
    if (!officer || !unit) { this.message.set(this.t().missing); return; }
    this.busy.set(true);
    try {
      await this.#api.post('/exports', { kind: 'pv', subject: this.ad().id, params: { officer, unit, format: this.format } });
      this.message.set(this.t().requested);
    } catch (e) {
      this.message.set(fill(this.t().failed, { detail: detailOf(e) }));
    } finally {
      this.busy.set(false);
    }
  }
}
