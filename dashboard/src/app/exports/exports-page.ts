// Exports (issue 13): the user's own requests with their state and, once approved, the one download;
// and the requests of colleagues that await the user's decision, to approve or refuse with a reason.
import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, detailOf } from '../core/api';
import { I18n } from '../core/i18n';
import { saveFile } from '../core/save-file';
import { fill } from '../core/text';
import type { ExportLists, ExportRequest } from './export-types';
import { EXPORTS_TEXT } from './exports.text';

type Said = { key: 'downloaded' | 'approved' | 'refused'; values: Readonly<Record<string, string>> };

@Component({
  selector: 'bk-exports-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().title }}</h1>
    <p class="muted">{{ t().intro }}</p>
    <p class="status" role="status" aria-live="polite">{{ status() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }

    @if (lists(); as l) {
      <h2 id="mine-h">{{ t().mine }}</h2>
      @if (l.mine.length === 0) { <p>{{ t().noneMine }}</p> } @else {
        <table class="mine" aria-labelledby="mine-h">
          <thead>
            <tr>
              <th scope="col">{{ t().kind }}</th><th scope="col">{{ t().subject }}</th><th scope="col">{{ t().theme }}</th>
              <th scope="col">{{ t().requestedAt }}</th><th scope="col">{{ t().justification }}</th><th scope="col">{{ t().state }}</th>
              <th scope="col">{{ t().actions }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of l.mine; track r.id) {
              <tr [attr.data-id]="r.id">
                <td>{{ kindOf(r) }}</td><td>{{ subjectOf(r) }}</td><td>{{ r.theme }}</td>
                <td>{{ i18n.date(r.requestedAt, true) }}</td><td>{{ r.justification }}</td><td class="state">{{ stateOf(r) }}</td>
                <td>
                  @if (r.state === 'approved') {
                    <button type="button" [attr.aria-label]="fill(t().downloadLabel, { kind: kindOf(r), subject: subjectOf(r) })"
                      (click)="download(r)" [disabled]="busy()">{{ t().download }}</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }

      <h2 id="awaiting-h">{{ t().awaiting }}</h2>
      @if (l.awaiting.length === 0) { <p>{{ t().noneAwaiting }}</p> } @else {
        <table class="awaiting" aria-labelledby="awaiting-h">
          <thead>
            <tr>
              <th scope="col">{{ t().kind }}</th><th scope="col">{{ t().subject }}</th><th scope="col">{{ t().theme }}</th>
              <th scope="col">{{ t().requestedBy }}</th><th scope="col">{{ t().requestedAt }}</th><th scope="col">{{ t().justification }}</th>
              <th scope="col">{{ t().actions }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of l.awaiting; track r.id) {
              <tr [attr.data-id]="r.id">
                <td>{{ kindOf(r) }}</td><td>{{ subjectOf(r) }}</td><td>{{ r.theme }}</td>
                <td>{{ r.requestedBy }}</td><td>{{ i18n.date(r.requestedAt, true) }}</td><td>{{ r.justification }}</td>
                <td>
                  @if (refusing() === r.id) {
                    <form class="refuse" (ngSubmit)="refuse(r)">
                      <label [for]="'reason-' + r.id">{{ t().reason }}</label>
                      <input [id]="'reason-' + r.id" name="reason" maxlength="500" autocomplete="off" [(ngModel)]="reason">
                      <button type="submit" class="danger" [disabled]="busy()">{{ t().confirmRefuse }}</button>
                      <button type="button" class="secondary" (click)="refusing.set(null)">{{ t().cancel }}</button>
                    </form>
                  } @else {
                    <button type="button" [attr.aria-label]="fill(t().approveLabel, labels(r))" (click)="approve(r)" [disabled]="busy()">{{ t().approve }}</button>
                    <button type="button" class="secondary" [attr.aria-label]="fill(t().refuseLabel, labels(r))" (click)="ask(r)" [disabled]="busy()">{{ t().refuse }}</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (!error()) {
      <p>{{ t().loading }}</p>
    }
  `,
  styles: `
    .status:empty { margin: 0; }
    td button + button { margin-left: .4rem; }
    .refuse { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
    .refuse label { margin: 0; }
  `,
})
export class ExportsPage {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  readonly #injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(EXPORTS_TEXT);
  protected readonly fill = fill;
  protected readonly lists = signal<ExportLists | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly refusing = signal<string | null>(null);
  protected reason = '';
  readonly #said = signal<Said | null>(null);
  protected readonly status = computed(() => {
    const said = this.#said();
    return said ? fill(this.t()[said.key], said.values) : '';
  });

  constructor() {
    void this.load();
  }

  protected kindOf(r: ExportRequest): string {
    const key = `k_${r.kind}` as keyof ReturnType<typeof this.t>;
    return key in this.t() ? this.t()[key] : r.kind;
  }

  protected subjectOf(r: ExportRequest): string {
    return r.subject ?? this.t().wholeTheme;
  }

  protected stateOf(r: ExportRequest): string {
    return fill(this.t()[`s_${r.state}`], { by: r.decidedBy ?? '', reason: r.reason ?? '', at: r.downloadedAt ? this.i18n.date(r.downloadedAt, true) : '' });
  }

  protected labels(r: ExportRequest): Record<string, string> {
    return { kind: this.kindOf(r), subject: this.subjectOf(r), by: r.requestedBy };
  }

  protected async download(r: ExportRequest): Promise<void> {
    await this.#act(async () => {
      saveFile(this.#document, await this.#api.file(`/exports/${r.id}/download`));
      return { key: 'downloaded', values: {} };
    });
  }

  protected async approve(r: ExportRequest): Promise<void> {
    await this.#act(async () => {
      await this.#api.post(`/exports/${r.id}/approve`, {});
      return { key: 'approved', values: { by: r.requestedBy } };
    });
  }

  protected ask(r: ExportRequest): void {
    this.reason = '';
    this.refusing.set(r.id);
    afterNextRender(() => this.#document.getElementById(`reason-${r.id}`)?.focus(), { injector: this.#injector });
  }

  protected async refuse(r: ExportRequest): Promise<void> {
    const reason = this.reason.trim();
    if (reason.length < 3) { this.error.set(this.t().reasonMissing); return; }
    await this.#act(async () => {
      await this.#api.post(`/exports/${r.id}/refuse`, { reason });
      this.refusing.set(null);
      return { key: 'refused', values: { by: r.requestedBy } };
    });
  }

  async load(): Promise<void> {
    try {
      this.lists.set(await this.#api.get<ExportLists>('/exports'));
    } catch (e) {
      this.error.set(fill(this.t().failed, { detail: detailOf(e) }));
    }
  }

  /** Runs one step, says what was done, and shows the lists as they now are. */
  async #act(step: () => Promise<Said>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.#said.set(await step());
    } catch (e) {
      this.error.set(fill(this.t().failed, { detail: detailOf(e) }));
    } finally {
      this.busy.set(false);
    }
    await this.load();
  }
}
