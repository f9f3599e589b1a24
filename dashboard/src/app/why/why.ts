// Why this session reads ad content, asked once and kept for the session: every read is recorded
// with it in the audit trail.
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { detailOf } from '../core/api';
import { safeNext } from '../core/home';
import { I18n } from '../core/i18n';
import { Session } from '../core/session';
import { justificationOf, type Reason } from './justification';
import { WHY_TEXT } from './why.text';

@Component({
  selector: 'bk-why',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <p>{{ t().explain }}</p>
    <form (ngSubmit)="submit()" class="why">
      <fieldset>
        <legend>{{ t().reason }}</legend>
        <label><input type="radio" name="reason" value="signal" [(ngModel)]="reason"> {{ t().signal }}</label>
        <label><input type="radio" name="reason" value="case" [(ngModel)]="reason"> {{ t().case }}</label>
      </fieldset>
      @if (reason === 'case') {
        <label for="case-number">{{ t().caseNumber }}</label>
        <input id="case-number" name="caseNumber" required minlength="3" maxlength="200" [(ngModel)]="caseNumber" autocomplete="off">
      }
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      <button type="submit" [disabled]="busy()">{{ t().submit }}</button>
    </form>
  `,
})
export class Why {
  readonly #session = inject(Session);
  readonly #router = inject(Router);
  protected readonly t = inject(I18n).of(WHY_TEXT);
  readonly next = input<string>();

  protected reason: Reason = 'signal';
  protected caseNumber = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    const justification = justificationOf(this.reason, this.caseNumber);
    if (!justification) { this.error.set(this.t().caseMissing); return; }
    this.busy.set(true);
    try {
      await this.#session.justify(justification);
      await this.#router.navigateByUrl(safeNext(this.next(), this.#session.role() ?? 'expert'));
    } catch (e) {
      this.error.set(detailOf(e));
    } finally {
      this.busy.set(false);
    }
  }
}
