// The language buttons, each named in its own language so a user who reads only one finds it.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n } from './i18n';
import { LANGS, texts } from './text';

const TEXT = texts({ language: 'Taal' }, { language: 'Language' });
const NAMES = { nl: 'Nederlands', en: 'English' } as const;

@Component({
  selector: 'bk-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lang-switch" role="group" [attr.aria-label]="t().language">
      @for (lang of langs; track lang) {
        <button type="button" [attr.aria-pressed]="i18n.lang() === lang" (click)="i18n.lang.set(lang)" [attr.lang]="lang">{{ names[lang] }}</button>
      }
    </div>
  `,
})
export class LangSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.of(TEXT);
  protected readonly langs = LANGS;
  protected readonly names = NAMES;
}
