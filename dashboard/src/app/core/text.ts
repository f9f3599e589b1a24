// Every visible text exists in Dutch and English: a feature declares its texts with `texts(nl, en)`,
// and the compiler refuses a key that one language lacks. Pure, so it is tested without a browser.

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Texts<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

export function texts<K extends string>(nl: Record<K, string>, en: Record<K, string>): Texts<K> {
  return { nl, en };
}

/** `fill('{n} ads', { n: 3 })` → `3 ads`; a placeholder without a value stays visible, so a
 *  missing value shows in the interface instead of vanishing. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
