// Turns the raw strings that selectors find into typed field values.
import type { Price } from '../domain/ad.ts';
import { toE164 } from '../domain/phone.ts';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function parseText(raw: string[]): string | undefined {
  const joined = clean(raw.join('\n'));
  return joined === '' ? undefined : joined;
}

export function parseList(raw: string[]): string[] {
  return [...new Set(raw.flatMap((r) => r.split(/[,;·|]/)).map(clean).filter((s) => s !== ''))];
}

export function parseInteger(raw: string[]): number | undefined {
  const m = raw.join(' ').match(/\d+/);
  return m ? Number(m[0]) : undefined;
}

/** Phone numbers as E.164, each once; what is no valid number is left out. */
export function parsePhones(raw: string[]): string[] {
  return [...new Set(raw.map(toE164).filter((p) => p !== undefined))];
}

export function parseEmail(raw: string[]): string | undefined {
  for (const r of raw) {
    const m = r.replace(/^mailto:/i, '').match(/[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}/i);
    if (m) return m[0].toLowerCase();
  }
  return undefined;
}

export function parseDate(raw: string[]): string | undefined {
  for (const r of raw) {
    const m = r.match(/\d{4}-\d{2}-\d{2}/);
    if (m) return m[0];
    const nl = r.match(/(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/);
    if (nl) return `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`;
  }
  return undefined;
}

/** "30 min € 100", "€120 / 1 hour", "1 uur: 150 EUR" → amount, currency, label. */
export function parsePrices(raw: string[]): Price[] {
  const prices: Price[] = [];
  for (const r of raw) {
    const text = clean(r);
    const m = text.match(/(?:€|EUR)\s*(\d+(?:[.,]\d{1,2})?)|(\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR|euro)/i);
    if (!m) continue;
    const amount = Number((m[1] ?? m[2])!.replace(',', '.'));
    const label = clean(text.replace(m[0], ' ')).replace(/^[\s|:/\-–]+|[\s|:/\-–]+$/g, '');
    prices.push({ amount, currency: 'EUR', label });
  }
  return prices;
}

export function parseUrls(raw: string[], base: string): string[] {
  const out: string[] = [];
  for (const r of raw) {
    try { out.push(new URL(r.trim(), base).href); } catch { /* not a URL: skip, as a browser would */ }
  }
  return [...new Set(out)];
}
