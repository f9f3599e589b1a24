// Reference data of the municipal themes (issue 14): per theme and kind the version in force and the
// ones before it; an upload form that shows, when the server refuses a file, every bad row and why.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { Api, ApiError } from '../core/api';
import type { Problem } from '../core/api-types';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { failureOf, focusSoon } from './admin-ui';
import { REFERENCE_TEXT } from './reference-data.text';

const KINDS = ['licences', 'kvk', 'reports'] as const;
type Kind = (typeof KINDS)[number];

export interface ReferenceImport {
  id: string; theme: string; kind: Kind; version: number; fileName: string; sha256: string; rows: number; importedBy: string; importedAt: string;
}
interface Refusal { file: string; detail: string; rows: NonNullable<Problem['rows']>; badRows: number }

@Component({
  selector: 'bk-reference-data',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- A tab of Administration under its heading for admins; a page of its own for supervisors. -->
    @if (inAdmin) { <h2>{{ t().title }}</h2> } @else { <h1>{{ t().title }}</h1> }
    <p>{{ t().intro }}</p>
    <p role="status" class="status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

    @if (themes() === null) { <p>{{ t().loading }}</p> } @else if (themes()!.length === 0) { <p>{{ t().noThemes }}</p> } @else {
      <form class="reference-upload" (ngSubmit)="upload()">
        @if (themes()!.length > 1) {
          <label for="reference-theme">{{ t().theme }}</label>
          <select id="reference-theme" name="theme" [ngModel]="theme()" (ngModelChange)="theme.set($event)">
            @for (th of themes(); track th) { <option [value]="th">{{ th }}</option> }
          </select>
        }
        <label for="reference-kind">{{ t().kind }}</label>
        <select id="reference-kind" name="kind" [ngModel]="kind()" (ngModelChange)="kind.set($event)">
          @for (k of kinds; track k) { <option [value]="k">{{ t()[k] }}</option> }
        </select>
        <label for="reference-file">{{ t().file }}</label>
        <input id="reference-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" (change)="choose($event)">
        <button type="submit" [disabled]="busy()">{{ busy() ? t().uploading : t().upload }}</button>
      </form>

      @if (refusal(); as r) {
        <section class="row-errors" aria-labelledby="row-errors-title" id="row-errors" tabindex="-1">
          <h3 id="row-errors-title">{{ r.rows.length > 0 ? fill(t().refusedRows, { file: r.file, n: r.badRows }) : fill(t().refused, { detail: r.detail }) }}</h3>
          @if (r.rows.length > 0) {
            <table>
              <caption>{{ fill(t().rowErrors, { file: r.file }) }}</caption>
              <thead><tr><th scope="col">{{ t().row }}</th><th scope="col">{{ t().field }}</th><th scope="col">{{ t().reason }}</th></tr></thead>
              <tbody>
                @for (e of r.rows; track $index) { <tr><td>{{ e.row }}</td><td>{{ e.field ?? '' }}</td><td>{{ e.reason }}</td></tr> }
              </tbody>
            </table>
          }
        </section>
      }

      @for (th of themes(); track th) {
        <section class="reference-theme" [attr.aria-label]="th">
          @if (themes()!.length > 1) { <h3>{{ th }}</h3> }
          @for (k of kinds; track k) {
            <section class="reference-kind" [attr.data-kind]="k" [attr.aria-labelledby]="'kind-' + th + '-' + k">
              <h4 [id]="'kind-' + th + '-' + k">{{ t()[k] }}</h4>
              @let versions = versionsOf(th, k);
              @if (versions.length === 0) { <p>{{ t().none }}</p> } @else {
                <table>
                  <caption class="visually-hidden">{{ t()[k] }}</caption>
                  <thead><tr>
                    <th scope="col">{{ t().version }}</th><th scope="col">{{ t().fileName }}</th><th scope="col">{{ t().rows }}</th>
                    <th scope="col">{{ t().by }}</th><th scope="col">{{ t().at }}</th><th scope="col">{{ t().actions }}</th>
                  </tr></thead>
                  <tbody>
                    @for (v of versions; track v.id; let first = $first) {
                      <tr [class.current]="first">
                        <th scope="row">{{ v.version }} · {{ first ? t().current : t().older }}</th>
                        <td>{{ v.fileName }}</td><td>{{ i18n.number(v.rows) }}</td><td>{{ v.importedBy }}</td><td>{{ i18n.date(v.importedAt, true) }}</td>
                        <td class="row-actions">
                          @if (removing()?.id === v.id) {
                            <span id="confirm-remove">{{ fill(t().confirmRemove, { version: v.version, kind: t()[k], file: v.fileName }) }}</span>
                            <button type="button" class="danger" id="confirm-remove-yes" (click)="remove(v)">{{ t().confirm }}</button>
                            <button type="button" class="secondary" (click)="removing.set(null)">{{ t().cancel }}</button>
                          } @else {
                            <button type="button" class="secondary" [attr.aria-label]="fill(t().removeVersion, { version: v.version, kind: t()[k] })"
                              (click)="askRemove(v)">{{ t().remove }}</button>
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              }
            </section>
          }
        </section>
      }
    }
  `,
})
export class ReferenceData {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(REFERENCE_TEXT);
  protected readonly fill = fill;
  protected readonly kinds = KINDS;
  protected readonly inAdmin = inject(ActivatedRoute).snapshot.data['inAdmin'] === true;

  protected readonly themes = signal<string[] | null>(null);
  protected readonly imports = signal<ReferenceImport[]>([]);
  protected readonly theme = signal('');
  protected readonly kind = signal<Kind>('licences');
  protected readonly busy = signal(false);
  protected readonly said = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly removing = signal<ReferenceImport | null>(null);
  readonly #file = signal<File | null>(null);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const answer = await this.#api.get<{ themes: string[]; imports: ReferenceImport[] }>('/reference');
      this.imports.set(answer.imports);
      this.themes.set(answer.themes);
      if (!answer.themes.includes(this.theme())) this.theme.set(answer.themes[0] ?? '');
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  /** Newest first: the first is in force. */
  protected versionsOf(theme: string, kind: Kind): ReferenceImport[] {
    return this.imports().filter((i) => i.theme === theme && i.kind === kind).sort((a, b) => b.version - a.version);
  }

  protected choose(event: Event): void {
    this.#file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  async upload(): Promise<void> {
    const file = this.#file();
    this.said.set('');
    this.error.set(null);
    this.refusal.set(null);
    if (!file) { this.error.set(this.t().chooseFile); return; }
    this.busy.set(true);
    try {
      const imported = await this.#api.upload<ReferenceImport>(`/reference/${this.theme()}/${this.kind()}`, file, { fileName: file.name });
      this.said.set(fill(this.t().imported, { file: imported.fileName, rows: imported.rows, version: imported.version }));
      await this.load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INPUT_INVALID') {
        const rows = e.problem.rows ?? [];
        this.refusal.set({ file: file.name, detail: e.problem.detail, rows, badRows: new Set(rows.map((r) => r.row)).size });
        focusSoon(this.#document, 'row-errors');
      } else {
        this.error.set(failureOf(e, this.t()));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected askRemove(v: ReferenceImport): void {
    this.removing.set(v);
    focusSoon(this.#document, 'confirm-remove-yes');
  }

  async remove(v: ReferenceImport): Promise<void> {
    this.removing.set(null);
    this.error.set(null);
    try {
      await this.#api.delete(`/reference/${v.id}`);
      this.said.set(fill(this.t().removed, { version: v.version, kind: this.t()[v.kind] }));
      await this.load();
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }
}
