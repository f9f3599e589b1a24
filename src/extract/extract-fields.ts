// Declarative extraction: a source's extractor names a CSS selector per field; the field's name
// decides how its strings are parsed. Runs on the rendered HTML, so it needs no browser.
import * as cheerio from 'cheerio';
import type { AdFields, FieldName } from '../domain/ad.ts';
import type { Extractor, FieldRule } from '../config/schema.ts';
import {
  parseDate, parseEmail, parseInteger, parseList, parsePhones, parsePrices, parseText, parseUrls,
} from './parse-values.ts';

export function extractFields(html: string, pageUrl: string, extractor: Extractor): AdFields {
  const $ = cheerio.load(html);
  const fields: AdFields = {};
  for (const [name, rule] of Object.entries(extractor.fields) as [FieldName, FieldRule][]) {
    const raw = readRule($, rule);
    const value = parseField(name, raw, pageUrl);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      (fields as Record<string, unknown>)[name] = value;
    }
  }
  return fields;
}

function readRule($: cheerio.CheerioAPI, rule: FieldRule): string[] {
  const pattern = rule.pattern ? new RegExp(rule.pattern, 'u') : null;
  const out: string[] = [];
  $(rule.selector).each((_, el) => {
    const node = $(el);
    // Block elements' text runs together in cheerio; separate paragraphs and line breaks first.
    const value = rule.attr ? node.attr(rule.attr) : textOf($, node);
    if (value === undefined) return;
    if (!pattern) { out.push(value); return; }
    const m = value.match(pattern);
    if (m) out.push(m[1] ?? m[0]);
  });
  return out;
}

function textOf($: cheerio.CheerioAPI, node: ReturnType<cheerio.CheerioAPI>): string {
  const copy = node.clone();
  copy.find('script, style, noscript').remove();
  copy.find('br').replaceWith('\n');
  copy.find('p, div, li, tr, h1, h2, h3, h4').each((_, el) => { $(el).append('\n'); });
  return copy.text();
}

function parseField(name: FieldName, raw: string[], pageUrl: string): AdFields[FieldName] {
  switch (name) {
    case 'title': case 'text': case 'alias': case 'city': case 'licence': return parseText(raw);
    case 'age': return parseInteger(raw);
    case 'phones': return parsePhones(raw);
    case 'email': return parseEmail(raw);
    case 'languages': case 'services': return parseList(raw);
    case 'prices': return parsePrices(raw);
    case 'posted': return parseDate(raw);
    case 'images': return parseUrls(raw, pageUrl);
  }
}
