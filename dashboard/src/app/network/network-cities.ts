// From the city an ad names to a place on the map: GeoNames spells some Dutch cities in English
// ("The Hague") or formally ("'s-Hertogenbosch"), ads spell them as people say them ("Den Haag",
// "Den Bosch"). Pure: the places come from the generated map data (GeoNames, CC BY 4.0).

/** `[name, lat, lng]`, as dashboard/scripts/map-data.ts writes them. */
export type PlaceRow = readonly [string, number, number];
export interface Place { name: string; lat: number; lng: number }

/** What people write → the GeoNames name. */
const ALIASES: Readonly<Record<string, string>> = {
  'den haag': 'the hague', "'s-gravenhage": 'the hague', 's-gravenhage': 'the hague', 'la haye': 'the hague',
  'den bosch': "'s-hertogenbosch", 'hertogenbosch': "'s-hertogenbosch", 's-hertogenbosch': "'s-hertogenbosch",
  'zaanstad': 'zaandam', 'sittard-geleen': 'sittard', 'hengelo ov': 'hengelo',
  // Municipalities named after no single place: their main town.
  'almere': 'almere stad', 'katwijk': 'katwijk aan zee', 'haarlemmermeer': 'hoofddorp', 'westland': 'naaldwijk',
  'sudwest-fryslan': 'sneek', 'noordoostpolder': 'emmeloord',
};

/** Lower case, no accents, one kind of apostrophe and spaces for dashes and runs of blanks. */
export function cityKey(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’‘`´]/g, "'").replace(/\s*\(.*\)\s*$/, '').replace(/\s+/g, ' ').trim();
  return ALIASES[plain] ?? ALIASES[plain.replace(/-/g, ' ')] ?? plain;
}

/** A lookup over the places; the first place of a name wins (GeoNames lists the main place first). */
export function placeFinder(rows: readonly PlaceRow[]): (city: string | null | undefined) => Place | null {
  const byKey = new Map<string, Place>();
  for (const [name, lat, lng] of rows) {
    const key = cityKey(name);
    if (!byKey.has(key)) byKey.set(key, { name, lat, lng });
    const dashless = key.replace(/-/g, ' ');
    if (!byKey.has(dashless)) byKey.set(dashless, { name, lat, lng });
  }
  return (city) => {
    if (!city) return null;
    const key = cityKey(city);
    return byKey.get(key) ?? byKey.get(key.replace(/-/g, ' ')) ?? null;
  };
}

export interface CityCount { city: string; place: Place | null; count: number; ads: string[] }

/** The network's cities, most ads first; each with its place, or null where none was found. */
export function citiesOf(ads: readonly { id: string; city: string | null }[], find: (city: string) => Place | null): CityCount[] {
  const byCity = new Map<string, CityCount>();
  for (const ad of ads) {
    if (!ad.city) continue;
    const place = find(ad.city);
    const key = place ? place.name : cityKey(ad.city);
    const entry = byCity.get(key) ?? { city: ad.city, place, count: 0, ads: [] };
    entry.count += 1;
    entry.ads.push(ad.id);
    byCity.set(key, entry);
  }
  return [...byCity.values()].sort((a, b) => b.count - a.count || a.city.localeCompare(b.city));
}
