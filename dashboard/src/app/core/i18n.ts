// The interface language: Dutch first, English at any time; the choice is kept in this browser.
import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, type Signal, signal } from '@angular/core';
import { isLang, type Lang, type Texts } from './text';

const KEY = 'baken.lang';

@Injectable({ providedIn: 'root' })
export class I18n {
  readonly #document = inject(DOCUMENT);
  readonly lang = signal<Lang>(stored(this.#document));
  readonly locale = computed(() => (this.lang() === 'nl' ? 'nl-NL' : 'en-GB'));

  constructor() {
    effect(() => {
      const lang = this.lang();
      this.#document.documentElement.lang = lang;
      this.#document.defaultView?.localStorage.setItem(KEY, lang);
    });
  }

  /** The texts of the current language, changing when the language does. */
  of<K extends string>(all: Texts<K>): Signal<Readonly<Record<K, string>>> {
    return computed(() => all[this.lang()]);
  }

  date(iso: string | null | undefined, withTime = false): string {
    if (!iso) return '—';
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
    return new Intl.DateTimeFormat(this.locale(), options).format(new Date(iso));
  }

  number(n: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits: fractionDigits }).format(n);
  }
}

function stored(document: Document): Lang {
  const value = document.defaultView?.localStorage.getItem(KEY);
  return isLang(value) ? value : 'nl';
}
