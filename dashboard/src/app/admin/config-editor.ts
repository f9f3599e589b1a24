// Sources, profiles and schedules: the items of the admin's themes, and an editor for one as the API
// gives and takes it (JSON). A refused change shows the configuration's own messages next to the
// document, each with the line it is about.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Api, ApiError } from '../core/api';
import { I18n } from '../core/i18n';
import { fill } from '../core/text';
import { ADMIN_TEXT } from './admin.text';
import type { ConfigItem, ConfigKind } from './admin-types';
import { failureOf, focusSoon } from './admin-ui';
import { configMessages, documentText, lineOfPath, parseDocument } from './problem-fields';
import { ProfileEvaluation } from './profile-evaluation';

interface Shown { text: string; path: string | null; line: number | null; file: string | null }

@Component({
  selector: 'bk-config-editor',
  imports: [FormsModule, ProfileEvaluation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ t()[kind()] }}</h2>
    <p role="status" class="status">{{ said() }}</p>
    @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (items() === null) { <p>{{ t().loading }}</p> } @else {
      <table>
        <caption class="visually-hidden">{{ t()[kind()] }}</caption>
        <thead><tr><th scope="col">{{ t().id }}</th><th scope="col">{{ t().theme }}</th><th scope="col">{{ t().name }}</th><th scope="col">{{ t().actions }}</th></tr></thead>
        <tbody>
          @for (item of items(); track item.id) {
            <tr [class.selected]="item.id === openId()">
              <th scope="row">{{ item.id }}</th><td>{{ item.theme }}</td><td>{{ item.name ?? '' }}</td>
              <td><button type="button" class="secondary" (click)="open(item)" [attr.aria-label]="fill(t().openItem, { id: item.id })">{{ t().open }}</button></td>
            </tr>
          } @empty { <tr><td colspan="4">{{ t().noItems }}</td></tr> }
        </tbody>
      </table>
      <p><button type="button" class="secondary" (click)="startNew()">{{ t().newItem }}</button></p>
    }

    @if (openId() !== null) {
      <form class="config-editor" (ngSubmit)="save()" novalidate>
        <div class="editor-pane">
          <label for="config-doc">{{ openId() ? fill(t().editorFor, { id: openId() ?? '' }) : t().newItem }}
            <span class="hint">— {{ t().document }}</span></label>
          <textarea id="config-doc" name="doc" rows="22" spellcheck="false" autocomplete="off" [(ngModel)]="text"
            [attr.aria-invalid]="messages().length ? true : null"
            [attr.aria-describedby]="'config-hint' + (messages().length ? ' config-messages' : '')"></textarea>
          <p class="hint" id="config-hint">{{ t().documentHint }}</p>
          <button type="submit" [disabled]="busy()">{{ t().save }}</button>
        </div>
        <div class="editor-messages" id="config-messages" role="alert">
          @if (messages().length) {
            <h3>{{ t().refused }}</h3>
            <ul>
              @for (m of messages(); track $index) {
                <li>
                  @if (m.line !== null) { <strong>{{ fill(t().line, { n: m.line }) }}</strong> · }
                  @if (m.path) { <code>{{ m.path }}</code>: }
                  {{ m.text }}
                  @if (m.file) { <span class="muted">({{ m.file }})</span> }
                </li>
              }
            </ul>
          }
        </div>
      </form>
      @if (kind() === 'profiles' && openTheme(); as theme) {
        <bk-profile-evaluation [theme]="theme" [profile]="openId() ?? ''" [version]="savedCount()" />
      }
    } @else if (items() !== null) {
      <p class="muted">{{ t().choose }}</p>
    }
  `,
})
export class ConfigEditor {
  readonly #api = inject(Api);
  readonly #document = inject(DOCUMENT);
  protected readonly t = inject(I18n).of(ADMIN_TEXT);
  protected readonly fill = fill;

  /** From the route's data. */
  readonly kind = input.required<ConfigKind>();

  protected readonly items = signal<ConfigItem[] | null>(null);
  /** The id of the item in the editor; '' for a new one; null when the editor is closed. */
  protected readonly openId = signal<string | null>(null);
  protected readonly said = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly messages = signal<Shown[]>([]);
  /** The theme of the saved item in the editor; null for a new one, which has no figures yet. */
  protected readonly openTheme = signal<string | null>(null);
  /** Counts the saves, so a profile's evaluation is measured again after each. */
  protected readonly savedCount = signal(0);
  protected text = '';

  protected readonly template = computed(() => documentText(
    this.kind() === 'schedules' ? { id: '', theme: '', every: '1d' } : { id: '', theme: '' }));

  constructor() {
    effect(() => {
      const kind = this.kind();
      untracked(() => { this.openId.set(null); this.messages.set([]); this.items.set(null); void this.load(kind); });
    });
  }

  async load(kind: ConfigKind): Promise<void> {
    try {
      this.items.set(await this.#api.get<ConfigItem[]>(`/admin/${kind}`));
    } catch (e) {
      this.error.set(failureOf(e, this.t()));
    }
  }

  protected open(item: ConfigItem): void {
    this.text = documentText(item);
    this.messages.set([]);
    this.said.set('');
    this.openId.set(item.id);
    this.openTheme.set(item.theme);
    focusSoon(this.#document, 'config-doc');
  }

  protected startNew(): void {
    this.text = this.template();
    this.messages.set([]);
    this.said.set('');
    this.openId.set('');
    this.openTheme.set(null);
    focusSoon(this.#document, 'config-doc');
  }

  protected async save(): Promise<void> {
    const t = this.t();
    this.said.set('');
    this.error.set(null);
    const parsed = parseDocument(this.text);
    if (!parsed.ok) { this.messages.set([{ text: fill(t.notJson, { detail: parsed.message }), path: null, line: null, file: null }]); return; }
    const id = typeof parsed.value['id'] === 'string' ? parsed.value['id'] : '';
    if (!id) { this.messages.set([{ text: 'id: ' + t.nameRequired, path: 'id', line: lineOfPath(this.text, 'id'), file: null }]); return; }
    this.busy.set(true);
    try {
      const saved = await this.#api.put<ConfigItem>(`/admin/${this.kind()}/${encodeURIComponent(id)}`, parsed.value);
      this.messages.set([]);
      this.text = documentText(saved);
      this.openId.set(saved.id);
      this.openTheme.set(saved.theme);
      this.savedCount.update((n) => n + 1);
      this.said.set(fill(t.saved, { id: saved.id }));
      await this.load(this.kind());
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        this.messages.set(configMessages(e.problem).map((m) => ({ text: m.message, path: m.path, file: m.file, line: lineOfPath(this.text, m.path) })));
      } else {
        this.messages.set([{ text: failureOf(e, t), path: null, line: null, file: null }]);
      }
    } finally {
      this.busy.set(false);
    }
  }
}
