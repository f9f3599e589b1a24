// Users: who may sign in, with which role and themes, with or without a second factor; adding one,
// changing, disabling (after a confirmation) and approving one that waits for a second admin.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type WritableSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, ApiError } from '../core/api';
import type { Role } from '../core/api-types';
import { I18n } from '../core/i18n';
import { ROLE_TEXT } from '../core/role.text';
import { Session } from '../core/session';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import { ROLES, type User } from './admin-types';
import { failureOf, focusSoon } from './admin-ui';
import { fieldProblems, type FieldProblems } from './problem-fields';

const NONE: FieldProblems = { fields: {}, general: [] };
const ADD_FIELDS = ['name', 'role', 'themes', 'password', 'totp'];
const EDIT_FIELDS = ['role', 'themes', 'password'];

@Component({
  selector: 'bk-users',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ t().users }}</h2>
    <p role="status" class="status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (users() === null) { <p>{{ t().loading }}</p> } @else {
      <table>
        <caption class="visually-hidden">{{ t().users }}</caption>
        <thead><tr>
          <th scope="col">{{ t().loginName }}</th><th scope="col">{{ t().role }}</th><th scope="col">{{ t().themes }}</th>
          <th scope="col">{{ t().secondFactor }}</th><th scope="col">{{ t().status }}</th><th scope="col">{{ t().actions }}</th>
        </tr></thead>
        <tbody>
          @for (u of users(); track u.id) {
            <tr>
              <th scope="row">{{ u.name }}</th>
              <td>{{ roles()[u.role] }}</td>
              <td>{{ u.themes.join(', ') }}</td>
              <td>{{ u.totp ? t().yes : t().no }}</td>
              <td>
                @if (!u.approved) {
                  <strong class="pending">{{ t().awaiting }}</strong>
                  @if (u.requestedBy.length) { <br><span class="muted">{{ fill(t().requestedBy, { names: u.requestedBy.join(', ') }) }}</span> }
                } @else {
                  {{ u.disabled ? t().disabled : t().active }}
                }
                @if (u.lockedUntil) { <br>{{ fill(t().lockedUntil, { time: i18n.date(u.lockedUntil, true) }) }} }
              </td>
              <td class="row-actions">
                @if (confirming()?.id === u.id) {
                  <span>{{ fill(t().confirmDisable, { name: u.name }) }}</span>
                  <button type="button" class="danger" id="confirm-yes" (click)="setDisabled(u, true)">{{ fill(t().confirm, { what: t().disable.toLowerCase() }) }}</button>
                  <button type="button" class="secondary" (click)="cancelConfirm(u)">{{ t().cancel }}</button>
                } @else {
                  @if (!u.approved) {
                    <button type="button" (click)="approve(u)" [attr.aria-label]="fill(t().approveUser, { name: u.name })">{{ t().approve }}</button>
                  }
                  <button type="button" class="secondary" [id]="'edit-' + u.id" (click)="startEdit(u)" [attr.aria-label]="fill(t().editUser, { name: u.name })">{{ t().edit }}</button>
                  @if (u.disabled) {
                    <button type="button" class="secondary" (click)="setDisabled(u, false)" [attr.aria-label]="fill(t().enableUser, { name: u.name })">{{ t().enable }}</button>
                  } @else if (u.id !== me()) {
                    <button type="button" class="secondary" [id]="'disable-' + u.id" (click)="askDisable(u)" [attr.aria-label]="fill(t().disableUser, { name: u.name })">{{ t().disable }}</button>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }

    @if (editing(); as u) {
      <form class="admin-form" (ngSubmit)="saveEdit(u)" novalidate id="edit-form" tabindex="-1" aria-labelledby="edit-title">
        <h3 id="edit-title">{{ fill(t().editing, { name: u.name }) }}</h3>
        @for (m of editProblems().general; track m) { <p class="error" role="alert">{{ m }}</p> }
        <label for="e-role">{{ t().role }}</label>
        <select id="e-role" name="role" [(ngModel)]="editRole" [attr.aria-describedby]="editProblems().fields['role'] ? 'e-role-error' : null">
          @for (r of roleList; track r) { <option [value]="r">{{ roles()[r] }}</option> }
        </select>
        @if (editProblems().fields['role']; as ms) { <p class="error" id="e-role-error">{{ ms.join(' ') }}</p> }
        <fieldset [attr.aria-describedby]="editProblems().fields['themes'] ? 'e-themes-error' : null">
          <legend>{{ t().themes }}</legend>
          @for (th of myThemes(); track th) {
            <label><input type="checkbox" [checked]="editThemes().includes(th)" (change)="toggle(editThemes, th)"> {{ th }}</label>
          }
        </fieldset>
        @if (editProblems().fields['themes']; as ms) { <p class="error" id="e-themes-error">{{ ms.join(' ') }}</p> }
        <label for="e-password">{{ t().newPassword }}</label>
        <input id="e-password" name="password" type="password" autocomplete="new-password" [(ngModel)]="editPassword"
          [attr.aria-invalid]="editProblems().fields['password'] ? true : null"
          [attr.aria-describedby]="'e-password-hint' + (editProblems().fields['password'] ? ' e-password-error' : '')">
        <p class="hint" id="e-password-hint">{{ t().newPasswordHint }} {{ t().passwordHint }}</p>
        @if (editProblems().fields['password']; as ms) { <p class="error" id="e-password-error">{{ ms.join(' ') }}</p> }
        <div class="form-buttons">
          <button type="submit" [disabled]="busy()">{{ t().save }}</button>
          <button type="button" class="secondary" (click)="stopEdit(u)">{{ t().cancel }}</button>
        </div>
      </form>
    }

    <form class="admin-form" (ngSubmit)="add()" novalidate aria-labelledby="add-title">
      <h3 id="add-title">{{ t().addUser }}</h3>
      <p class="hint">{{ t().fourEyes }}</p>
      @for (m of addProblems().general; track m) { <p class="error" role="alert">{{ m }}</p> }
      <label for="u-name">{{ t().name }}</label>
      <input id="u-name" name="name" autocomplete="off" required [(ngModel)]="name"
        [attr.aria-invalid]="addProblems().fields['name'] ? true : null"
        [attr.aria-describedby]="'u-name-hint' + (addProblems().fields['name'] ? ' u-name-error' : '')">
      <p class="hint" id="u-name-hint">{{ t().nameHint }}</p>
      @if (addProblems().fields['name']; as ms) { <p class="error" id="u-name-error">{{ ms.join(' ') }}</p> }
      <label for="u-role">{{ t().role }}</label>
      <select id="u-role" name="role" [(ngModel)]="role" [attr.aria-describedby]="addProblems().fields['role'] ? 'u-role-error' : null">
        @for (r of roleList; track r) { <option [value]="r">{{ roles()[r] }}</option> }
      </select>
      @if (addProblems().fields['role']; as ms) { <p class="error" id="u-role-error">{{ ms.join(' ') }}</p> }
      <fieldset [attr.aria-describedby]="addProblems().fields['themes'] ? 'u-themes-error' : null">
        <legend>{{ t().themes }}</legend>
        @for (th of myThemes(); track th) {
          <label><input type="checkbox" [checked]="themes().includes(th)" (change)="toggle(themes, th)"> {{ th }}</label>
        }
      </fieldset>
      @if (addProblems().fields['themes']; as ms) { <p class="error" id="u-themes-error">{{ ms.join(' ') }}</p> }
      <label for="u-password">{{ t().password }}</label>
      <input id="u-password" name="password" type="password" autocomplete="new-password" required [(ngModel)]="password"
        [attr.aria-invalid]="addProblems().fields['password'] ? true : null"
        [attr.aria-describedby]="'u-password-hint' + (addProblems().fields['password'] ? ' u-password-error' : '')">
      <p class="hint" id="u-password-hint">{{ t().passwordHint }}</p>
      @if (addProblems().fields['password']; as ms) { <p class="error" id="u-password-error">{{ ms.join(' ') }}</p> }
      <label class="inline"><input type="checkbox" name="totp" [(ngModel)]="totp" aria-describedby="u-totp-hint"> {{ t().totp }}</label>
      <p class="hint" id="u-totp-hint">{{ t().totpHint }}</p>
      <button type="submit" [disabled]="busy()">{{ t().add }}</button>
    </form>
  `,
})
export class Users {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  readonly #session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(ADMIN_TEXT);
  protected readonly roles = this.i18n.of(ROLE_TEXT);
  protected readonly fill = fill;
  protected readonly roleList = ROLES;

  protected readonly users = signal<User[] | null>(null);
  protected readonly said = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirming = signal<User | null>(null);
  protected readonly myThemes = this.#session.themes;
  protected readonly me = computed(() => this.#session.user()?.id ?? null);

  protected name = '';
  protected role: Role = 'analyst';
  protected password = '';
  protected totp = false;
  protected readonly themes = signal<string[]>([]);
  protected readonly addProblems = signal<FieldProblems>(NONE);

  protected readonly editing = signal<User | null>(null);
  protected editRole: Role = 'analyst';
  protected editPassword = '';
  protected readonly editThemes = signal<string[]>([]);
  protected readonly editProblems = signal<FieldProblems>(NONE);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.users.set(await this.#api.get<User[]>('/admin/users'));
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  protected toggle(list: WritableSignal<string[]>, theme: string): void {
    list.update((l) => (l.includes(theme) ? l.filter((x) => x !== theme) : [...l, theme]));
  }

  protected async add(): Promise<void> {
    const t = this.t();
    const local: Record<string, string[]> = {};
    if (!this.name.trim()) local['name'] = [t.nameRequired];
    if (this.themes().length === 0) local['themes'] = [t.themesRequired];
    if (this.password.length < 12) local['password'] = [t.passwordHint];
    if (Object.keys(local).length) { this.addProblems.set({ fields: local, general: [] }); this.#focusFirstError(); return; }
    await this.#act(async () => {
      const user = await this.#api.post<User>('/admin/users', { name: this.name.trim(), role: this.role, themes: this.themes(), password: this.password, ...(this.totp ? { totp: true } : {}) });
      this.addProblems.set(NONE);
      this.name = ''; this.password = ''; this.totp = false; this.themes.set([]);
      this.said.set(fill(user.approved ? t.added : t.addedAwaiting, { name: user.name }));
    }, (p) => this.addProblems.set(p), ADD_FIELDS);
  }

  protected startEdit(u: User): void {
    this.editing.set(u);
    this.editRole = u.role;
    this.editPassword = '';
    this.editThemes.set([...u.themes]);
    this.editProblems.set(NONE);
    focusSoon(this.#document, 'edit-form');
  }

  protected stopEdit(u: User): void {
    this.editing.set(null);
    focusSoon(this.#document, 'edit-' + u.id);
  }

  protected async saveEdit(u: User): Promise<void> {
    const t = this.t();
    if (this.editThemes().length === 0) { this.editProblems.set({ fields: { themes: [t.themesRequired] }, general: [] }); return; }
    const body: Record<string, unknown> = {};
    if (this.editRole !== u.role) body['role'] = this.editRole;
    if (this.editThemes().join() !== u.themes.join()) body['themes'] = this.editThemes();
    if (this.editPassword) body['password'] = this.editPassword;
    await this.#act(async () => {
      const changed = await this.#api.patch<User>(`/admin/users/${u.id}`, body);
      this.editing.set(null);
      this.said.set(fill(changed.approved ? t.changed : t.changedAwaiting, { name: changed.name }));
    }, (p) => this.editProblems.set(p), EDIT_FIELDS);
  }

  protected askDisable(u: User): void {
    this.confirming.set(u);
    focusSoon(this.#document, 'confirm-yes');
  }

  protected cancelConfirm(u: User): void {
    this.confirming.set(null);
    focusSoon(this.#document, 'disable-' + u.id);
  }

  protected async setDisabled(u: User, disabled: boolean): Promise<void> {
    this.confirming.set(null);
    await this.#act(async () => {
      await this.#api.patch<User>(`/admin/users/${u.id}`, { disabled });
      this.said.set(fill(disabled ? this.t().disabledDone : this.t().enabledDone, { name: u.name }));
    });
  }

  protected async approve(u: User): Promise<void> {
    await this.#act(async () => {
      await this.#api.post<User>(`/admin/users/${u.id}/approve`, {});
      this.said.set(fill(this.t().approved, { name: u.name }));
    });
  }

  /** One change: done, said, and the list read again; a refusal at its fields, or above the table. */
  async #act(change: () => Promise<void>, atFields?: (p: FieldProblems) => void, fields: string[] = []): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.said.set('');
    try {
      await change();
      await this.load();
    } catch (e) {
      if (!atFields) this.error.set(failureOf(e, this.t()));
      else if (e instanceof ApiError && e.status === 400) { atFields(fieldProblems(e.problem, fields)); this.#focusFirstError(); }
      else atFields({ fields: {}, general: [failureOf(e, this.t())] });
    } finally {
      this.busy.set(false);
    }
  }

  #focusFirstError(): void {
    setTimeout(() => this.#document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}
