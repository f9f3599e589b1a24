// Place names and postcodes in ads, resolved to a municipality. A minimal stand-in for the full
// resolver (issue 14 item 1): the demo's cities and one ambiguous name, enough for the monitor to
// run against; the interface is the shared one, so the full table replaces this file as it is.
import type { Municipality, PlaceResolution } from './types.ts';

export const PROVINCES = [
  'Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland',
  'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg',
] as const;

type Place = Municipality & { lat: number; lng: number };
const m = (code: string, name: string, province: (typeof PROVINCES)[number], lat: number, lng: number): Place => ({ code, name, province, lat, lng });

export const MUNICIPALITIES: readonly Place[] = [
  m('0014', 'Groningen', 'Groningen', 53.219, 6.567), m('0034', 'Almere', 'Flevoland', 52.371, 5.222),
  m('0080', 'Leeuwarden', 'Fryslân', 53.201, 5.800), m('0150', 'Deventer', 'Overijssel', 52.255, 6.163),
  m('0153', 'Enschede', 'Overijssel', 52.221, 6.894), m('0193', 'Zwolle', 'Overijssel', 52.517, 6.083),
  m('0200', 'Apeldoorn', 'Gelderland', 52.211, 5.969), m('0202', 'Arnhem', 'Gelderland', 51.985, 5.899),
  m('0268', 'Nijmegen', 'Gelderland', 51.842, 5.853), m('0307', 'Amersfoort', 'Utrecht', 52.156, 5.389),
  m('0344', 'Utrecht', 'Utrecht', 52.091, 5.122), m('0361', 'Alkmaar', 'Noord-Holland', 52.632, 4.748),
  m('0363', 'Amsterdam', 'Noord-Holland', 52.373, 4.893), m('0373', 'Bergen (NH)', 'Noord-Holland', 52.669, 4.705),
  m('0392', 'Haarlem', 'Noord-Holland', 52.381, 4.637), m('0402', 'Hilversum', 'Noord-Holland', 52.223, 5.176),
  m('0479', 'Zaanstad', 'Noord-Holland', 52.439, 4.826), m('0503', 'Delft', 'Zuid-Holland', 52.012, 4.359),
  m('0505', 'Dordrecht', 'Zuid-Holland', 51.813, 4.690), m('0518', "'s-Gravenhage", 'Zuid-Holland', 52.078, 4.288),
  m('0546', 'Leiden', 'Zuid-Holland', 52.160, 4.497), m('0599', 'Rotterdam', 'Zuid-Holland', 51.922, 4.479),
  m('0758', 'Breda', 'Noord-Brabant', 51.589, 4.776), m('0772', 'Eindhoven', 'Noord-Brabant', 51.441, 5.478),
  m('0796', "'s-Hertogenbosch", 'Noord-Brabant', 51.697, 5.304), m('0855', 'Tilburg', 'Noord-Brabant', 51.560, 5.091),
  m('0893', 'Bergen (L)', 'Limburg', 51.600, 6.034), m('0917', 'Heerlen', 'Limburg', 50.888, 5.979),
  m('0935', 'Maastricht', 'Limburg', 50.851, 5.691), m('0983', 'Venlo', 'Limburg', 51.370, 6.172),
];

const BY_CODE = new Map(MUNICIPALITIES.map((p) => [p.code, p]));

/** Place names (lower case) and the municipalities that hold a place of that name. */
type Named = { codes: string[]; rule: 'place-name' | 'alternative-name' };
const NAMES: ReadonlyMap<string, Named> = new Map<string, Named>([
  ...MUNICIPALITIES.filter((p) => !p.name.includes('(')).map((p): [string, Named] => [p.name.toLowerCase(), { codes: [p.code], rule: 'place-name' }]),
  ['bergen', { codes: ['0373', '0893'], rule: 'place-name' }],
  ['den haag', { codes: ['0518'], rule: 'alternative-name' }],
  ['the hague', { codes: ['0518'], rule: 'alternative-name' }],
  ['den bosch', { codes: ['0796'], rule: 'alternative-name' }],
  ['zaandam', { codes: ['0479'], rule: 'place-name' }],
]);

export function municipalityByCode(code: string): Municipality | undefined {
  const place = BY_CODE.get(code);
  return place ? { code: place.code, name: place.name, province: place.province } : undefined;
}

/** The longest known name in the text wins; a postcode (PC4) is the fallback. */
export function resolvePlace(text: string | undefined, postcodes: ReadonlyMap<string, string> = new Map()): PlaceResolution {
  if (text === undefined || text.trim() === '') return { status: 'unknown', matched: null };
  const lower = text.toLowerCase();
  const names = [...NAMES.keys()].filter((name) => new RegExp(`(^|[^\\p{L}'])${escape(name)}($|[^\\p{L}])`, 'u').test(lower))
    .sort((a, b) => b.length - a.length);
  const name = names[0];
  if (name !== undefined) {
    const { codes, rule } = NAMES.get(name)!;
    const found = codes.map((c) => municipalityByCode(c)!);
    return found.length === 1 ? { status: 'resolved', municipality: found[0]!, rule, matched: name } : { status: 'ambiguous', candidates: found, matched: name };
  }
  const pc4 = /\b(\d{4})\s?[A-Za-z]{2}\b/.exec(text)?.[1] ?? /\b(\d{4})\b/.exec(text)?.[1];
  const code = pc4 === undefined ? undefined : postcodes.get(pc4);
  const municipality = code === undefined ? undefined : municipalityByCode(code);
  if (municipality) return { status: 'resolved', municipality, rule: 'postcode-reference', matched: pc4! };
  return { status: 'unknown', matched: text.trim() };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
