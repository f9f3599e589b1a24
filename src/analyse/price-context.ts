// What "a strikingly low price" means depends on the market: the median hourly price in the ad's
// city, over the ads the caller analyses together (the run plus the ads already kept).
import type { AdFields, Price } from '../domain/ad.ts';

export interface AnalysisContext {
  /** Median hourly price per city key (see cityKey), and under ALL_CITIES over every city. */
  medianHourly: Map<string, number>;
}

export const ALL_CITIES = '*';
/** Fewer priced ads than this in a city make a poor median; the one over all cities is used instead. */
const MIN_ADS_FOR_CITY_MEDIAN = 5;

export function cityKey(city: string): string {
  return city.normalize('NFC').trim().toLowerCase();
}

/** The lowest price per hour among the ad's prices whose label gives a duration ("30 min", "1 uur",
 *  "2 hours"); undefined when no label does. */
export function hourlyRate(prices: readonly Price[] | undefined): number | undefined {
  let lowest: number | undefined;
  for (const p of prices ?? []) {
    const hours = durationHours(p.label);
    if (hours === undefined || p.amount <= 0) continue;
    const rate = p.amount / hours;
    if (lowest === undefined || rate < lowest) lowest = rate;
  }
  return lowest;
}

function durationHours(label: string): number | undefined {
  const m = label.toLowerCase().match(/(\d+(?:[.,]\d+)?)\s*(min|minuten|minutes|m|uur|u|hours?|h)\b/);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(',', '.'));
  return m[2]!.startsWith('m') ? n / 60 : n;
}

export function analysisContext(ads: Iterable<AdFields>): AnalysisContext {
  const rates = new Map<string, number[]>([[ALL_CITIES, []]]);
  for (const fields of ads) {
    const rate = hourlyRate(fields.prices);
    if (rate === undefined) continue;
    rates.get(ALL_CITIES)!.push(rate);
    if (fields.city === undefined) continue;
    const key = cityKey(fields.city);
    const list = rates.get(key);
    if (list) list.push(rate); else rates.set(key, [rate]);
  }
  const medianHourly = new Map<string, number>();
  for (const [key, list] of rates) {
    if (key === ALL_CITIES ? list.length > 0 : list.length >= MIN_ADS_FOR_CITY_MEDIAN) medianHourly.set(key, median(list));
  }
  return { medianHourly };
}

/** The median the ad is compared with, and where it comes from. */
export function medianFor(context: AnalysisContext, city: string | undefined): { median: number; over: string } | undefined {
  const own = city === undefined ? undefined : context.medianHourly.get(cityKey(city));
  if (own !== undefined) return { median: own, over: city! };
  const all = context.medianHourly.get(ALL_CITIES);
  return all === undefined ? undefined : { median: all, over: 'all cities' };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
