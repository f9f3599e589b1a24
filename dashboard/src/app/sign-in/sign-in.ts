// Sign-in: name, password and, where the account has one, a one-time code. The code field is
// always offered: the API answers every failure alike, so the form cannot know who needs one.
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { ApiError } from '../core/api';
import { safeNext } from '../core/home';
import { I18n } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { Session } from '../core/session';
import { SIGN_IN_TEXT } from './sign-in.text';

@Component({
  selector: 'bk-sign-in',
  imports: [LangSwitch, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main id="main" class="sign-in">
      <bk-lang-switch />
      <h1><img src="favicon.svg" alt="" width="32" height="32"> Baken</h1>
      @if (ended()) { <p class="notice" role="status">{{ t().ended }}</p> }
      <form (ngSubmit)="submit()" #form="ngForm" novalidate>
        <label for="name">{{ t().name }}</label>
        <input id="name" name="name" autocomplete="username" required [(ngModel)]="name" autofocus>
        <label for="password">{{ t().password }}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required [(ngModel)]="password">
        <label for="totp">{{ t().totp }} <span class="hint">{{ t().totpHint }}</span></label>
        <input id="totp" name="totp" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="10" [(ngModel)]="totp">
        @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
        <button type="submit" [disabled]="busy()">{{ t().submit }}</button>
      </form>
    </main>
  `,
})
export class SignIn {
  protected readonly i18n = inject(I18n);
  readonly #session = inject(Session);
  readonly #router = inject(Router);
  protected readonly t = this.i18n.of(SIGN_IN_TEXT);

  readonly next = input<string>();
  readonly ended = input<string>();

  protected name = '';
  protected password = '';
  protected totp = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!this.name || !this.password) { this.error.set(this.t().missing); return; }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.#session.signIn(this.name, this.password, this.totp.trim());
      const role = this.#session.role();
      this.password = '';
      await this.#router.navigateByUrl(role ? safeNext(this.next(), role) : '/');
    } catch (e) {
      this.error.set(e instanceof ApiError && e.status === 401 ? this.t().wrong
        : e instanceof ApiError && e.status === 429 ? this.t().tooMany : this.t().failed);
    } finally {
      this.busy.set(false);
    }
  }
}
