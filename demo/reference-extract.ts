// A minimal reading of extractor rules, for the demo tests to check that the pages and the bundled
// extractors (config/extractors/) agree with the truth. It follows the semantics Baken's extraction
// implements: every match is read; `attr` reads an attribute; `pattern` keeps the first capture
// group (no match: no value); list fields take one value per element and split a single
// comma-separated element; scalar fields join matches with a newline; age is the first integer.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { parse } from 'yaml';

export interface Rule { selector: string; attr?: string; pattern?: string }
const LIST_FIELDS = new Set(['phones', 'languages', 'services', 'prices', 'images']);

export function rulesOf(name: string): Record<string, Rule> {
  return (parse(readFileSync(new URL(`../config/extractors/${name}.yaml`, import.meta.url), 'utf8')) as { fields: Record<string, Rule> }).fields;
}

export function extract(html: string, rules: Record<string, Rule>, pageUrl: string): Record<string, unknown> {
  const $ = load(html);
  const out: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(rules)) {
    let values = $(rule.selector).map((_, el) => (rule.attr ? $(el).attr(rule.attr) ?? '' : $(el).text())).get()
      .map((v: string) => v.trim()).filter(Boolean);
    if (rule.pattern) values = values.map((v) => new RegExp(rule.pattern as string, 'u').exec(v)?.[1] ?? '').filter(Boolean);
    if (values.length === 0) continue;
    if (!LIST_FIELDS.has(field)) {
      const value = values.join('\n');
      out[field] = field === 'age' ? Number(/\d+/.exec(value)?.[0]) : value;
      continue;
    }
    if (values.length === 1 && (values[0] as string).includes(',')) values = (values[0] as string).split(',').map((v) => v.trim());
    out[field] = field === 'phones' ? values.map(toE164)
      : field === 'prices' ? values.map(toPrice)
      : field === 'images' ? values.map((v) => new URL(v, pageUrl).href)
      : values;
  }
  return out;
}

function toE164(text: string): string {
  const digits = text.replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? digits : digits.startsWith('00') ? `+${digits.slice(2)}` : `+31${digits.slice(1)}`;
}

function toPrice(text: string): { amount: number; currency: string; label: string } {
  const money = /(?:€|EUR)\s*(\d+)/.exec(text);
  if (!money) throw new Error(`no amount in "${text}"`);
  const label = text.replace(money[0], ' ').replace(/\s+/g, ' ').replace(/^[\s:/|–-]+|[\s:/|–-]+$/g, '');
  return { amount: Number(money[1]), currency: 'EUR', label };
}
