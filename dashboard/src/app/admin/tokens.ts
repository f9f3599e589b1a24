// Service tokens: what exists, for which role and themes, until when; making one (its secret shown
// once, with a copy button), approving one that waits for a second admin, revoking after a confirmation.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, ApiError } from '../core/api';
import type { Role } from '../core/api-types';
import { I18n } from '../core/i18n';
import { ROLE_TEXT } from '../core/role.text';
import { Session } from '../core/session';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import { ROLES, type Token } from './admin-types';
import { failureOf, focusSoon } from './admin-ui';
import { endOfDay } from './format';
import { fieldProblems, type FieldProblems } from './problem-fields';

const NONE: FieldProblems = { fields: {}, general: [] };
const FIELDS = ['name', 'role', 'themes', 'expiresAt'];

@Component({
  selector: 'bk-tokens',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ t().tokens }}</h2>
    <p role="status" class="status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

    @if (secret(); as s) {
      <section class="secret" aria-labelledby="secret-title" id="secret-box" tabindex="-1">
        <h3 id="secret-title">{{ fill(t().secretTitle, { name: s.name }) }}</h3>
        <p class="warning" id="secret-warning"><strong>{{ t().secretWarning }}</strong></p>
        <label for="secret-value">{{ t().secretLabel }}</label>
        <div class="secret-row">
          <input id="secret-value" readonly [value]="s.secret" aria-describedby="secret-warning" (focus)="select($event)">
          <button type="button" (click)="copy(s.secret)">{{ t().copy }}</button>
        </div>
        <button type="button" class="secondary" (click)="forgetSecret()">{{ t().secretDone }}</button>
      </section>
    }

    @if (tokens() === null) { <p>{{ t().loading }}</p> } @else {
      <table>
        <caption class="visually-hidden">{{ t().tokens }}</caption>
        <thead><tr>
          <th scope="col">{{ t().name }}</th><th scope="col">{{ t().role }}</th><th scope="col">{{ t().themes }}</th>
          <th scope="col">{{ t().createdBy }}</th><th scope="col">{{ t().expires }}</th><th scope="col">{{ t().status }}</th><th scope="col">{{ t().actions }}</th>
        </tr></thead>
        <tbody>
          @for (k of tokens(); track k.id) {
            <tr>
              <th scope="row">{{ k.name }}</th>
              <td>{{ roles()[k.role] }}</td>
              <td>{{ k.themes.join(', ') }}</td>
              <td>{{ k.createdBy }}</td>
              <td>{{ k.expiresAt ? i18n.date(k.expiresAt, true) : t().never }}</td>
              <td>{{ statusOf(k) }}</td>
              <td class="row-actions">
                @if (!k.revokedAt) {
                  @if (confirming()?.id === k.id) {
                    <span>{{ fill(t().confirmRevoke, { name: k.name }) }}</span>
                    <button type="button" class="danger" id="confirm-yes" (click)="revoke(k)">{{ fill(t().confirm, { what: t().revoke.toLowerCase() }) }}</button>
                    <button type="button" class="secondary" (click)="cancelConfirm(k)">{{ t().cancel }}</button>
                  } @else {
                    @if (!k.approvedBy) {
                      <button type="button" (click)="approve(k)" [attr.aria-label]="fill(t().approveToken, { name: k.name })">{{ t().approve }}</button>
                    }
                    <button type="button" class="secondary" [id]="'revoke-' + k.id" (click)="askRevoke(k)" [attr.aria-label]="fill(t().revokeToken, { name: k.name })">{{ t().revoke }}</button>
                  }
                }
              </td>
            </tr>
          } @empty { <tr><td colspan="7">{{ t().noItems }}</td></tr> }
        </tbody>
      </table>
    }

    <form class="admin-form" (ngSubmit)="create()" novalidate aria-labelledby="token-title">
      <h3 id="token-title">{{ t().createToken }}</h3>
      <p class="hint">{{ t().fourEyes }}</p>
      @for (m of problems().general; track m) { <p class="error" role="alert">{{ m }}</p> }
      <label for="k-name">{{ t().tokenName }}</label>
      <input id="k-name" name="name" autocomplete="off" required [(ngModel)]="name"
        [attr.aria-invalid]="problems().fields['name'] ? true : null" [attr.aria-describedby]="problems().fields['name'] ? 'k-name-error' : null">
      @if (problems().fields['name']; as ms) { <p class="error" id="k-name-error">{{ ms.join(' ') }}</p> }
      <label for="k-role">{{ t().role }}</label>
      <select id="k-role" name="role" [(ngModel)]="role" [attr.aria-describedby]="problems().fields['role'] ? 'k-role-error' : null">
        @for (r of roleList; track r) { <option [value]="r">{{ roles()[r] }}</option> }
      </select>
      @if (problems().fields['role']; as ms) { <p class="error" id="k-role-error">{{ ms.join(' ') }}</p> }
      <fieldset [attr.aria-describedby]="problems().fields['themes'] ? 'k-themes-error' : null">
        <legend>{{ t().themes }}</legend>
        @for (th of myThemes(); track th) {
          <label><input type="checkbox" [checked]="themes().includes(th)" (change)="toggle(th)"> {{ th }}</label>
        }
      </fieldset>
      @if (problems().fields['themes']; as ms) { <p class="error" id="k-themes-error">{{ ms.join(' ') }}</p> }
      <label for="k-expires">{{ t().expires }}</label>
      <input id="k-expires" name="expires" type="date" [(ngModel)]="expires"
        [attr.aria-invalid]="problems().fields['expiresAt'] ? true : null"
        [attr.aria-describedby]="'k-expires-hint' + (problems().fields['expiresAt'] ? ' k-expires-error' : '')">
      <p class="hint" id="k-expires-hint">{{ t().expiresHint }}</p>
      @if (problems().fields['expiresAt']; as ms) { <p class="error" id="k-expires-error">{{ ms.join(' ') }}</p> }
      <button type="submit" [disabled]="busy()">{{ t().create }}</button>
    </form>
  `,
})
export class Tokens {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  readonly #session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(ADMIN_TEXT);
  protected readonly roles = this.i18n.of(ROLE_TEXT);
  protected readonly fill = fill;
  protected readonly roleList = ROLES;

  protected readonly tokens = signal<Token[] | null>(null);
  protected readonly said = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirming = signal<Token | null>(null);
  /** The secret of the token just made: only in this signal, gone when the admin says it is stored. */
  protected readonly secret = signal<{ name: string; secret: string } | null>(null);
  protected readonly myThemes = this.#session.themes;
  protected readonly problems = signal<FieldProblems>(NONE);

  protected name = '';
  protected role: Role = 'admin';
  protected expires = '';
  protected readonly themes = signal<string[]>([]);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.tokens.set(await this.#api.get<Token[]>('/admin/tokens'));
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  protected statusOf(k: Token): string {
    const t = this.t();
    if (k.revokedAt) return t.revoked;
    if (k.expiresAt && new Date(k.expiresAt).getTime() < Date.now()) return t.expired;
    return k.approvedBy ? t.active : t.pending;
  }

  protected toggle(theme: string): void {
    this.themes.update((l) => (l.includes(theme) ? l.filter((x) => x !== theme) : [...l, theme]));
  }

  protected async create(): Promise<void> {
    const t = this.t();
    const local: Record<string, string[]> = {};
    if (!this.name.trim()) local['name'] = [t.nameRequired];
    if (this.themes().length === 0) local['themes'] = [t.themesRequired];
    if (Object.keys(local).length) { this.problems.set({ fields: local, general: [] }); return; }
    const expiresAt = endOfDay(this.expires);
    await this.#act(async () => {
      const made = await this.#api.post<{ token: Token; secret: string }>('/admin/tokens', {
        name: this.name.trim(), role: this.role, themes: this.themes(), ...(expiresAt ? { expiresAt } : {}),
      });
      this.problems.set(NONE);
      this.name = ''; this.expires = ''; this.themes.set([]);
      this.secret.set({ name: made.token.name, secret: made.secret });
      this.said.set(fill(t.created, { name: made.token.name }));
      focusSoon(this.#document, 'secret-box');
    }, true);
  }

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(secret: string): Promise<void> {
    try {
      await this.#document.defaultView?.navigator.clipboard.writeText(secret);
      this.said.set(this.t().copied);
    } catch {
      this.said.set(this.t().copyFailed);
    }
  }

  protected forgetSecret(): void {
    this.secret.set(null);
    focusSoon(this.#document, 'k-name');
  }

  protected askRevoke(k: Token): void {
    this.confirming.set(k);
    focusSoon(this.#document, 'confirm-yes');
  }

  protected cancelConfirm(k: Token): void {
    this.confirming.set(null);
    focusSoon(this.#document, 'revoke-' + k.id);
  }

  protected async revoke(k: Token): Promise<void> {
    this.confirming.set(null);
    await this.#act(async () => {
      await this.#api.delete(`/admin/tokens/${k.id}`);
      this.said.set(fill(this.t().revokedDone, { name: k.name }));
    });
  }

  protected async approve(k: Token): Promise<void> {
    await this.#act(async () => {
      await this.#api.post<Token>(`/admin/tokens/${k.id}/approve`, {});
      this.said.set(fill(this.t().tokenApproved, { name: k.name }));
    });
  }

  async #act(change: () => Promise<void>, atFields = false): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.said.set('');
    try {
      await change();
      await this.load();
    } catch (e) {
      if (!atFields) this.error.set(failureOf(e, this.t()));
      else if (e instanceof ApiError && e.status === 400) this.problems.set(fieldProblems(e.problem, FIELDS));
      else this.problems.set({ fields: {}, general: [failureOf(e, this.t())] });
    } finally {
      this.busy.set(false);
    }
  }
}
