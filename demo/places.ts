// The places the demo's personas advertise in, each with its municipality's CBS code and two of its
// postcode areas (PC4). Written by hand from the CBS list of municipalities and PostNL's postcodes,
// not taken from src/municipal, so a test of Baken's place resolution against the truth compares
// two independent sources.
import type { Rng } from './prng.ts';

export interface DemoPlace {
  /** CBS municipality code; null when the name does not settle the municipality. */
  code: string | null;
  status: 'resolved' | 'ambiguous' | 'unknown';
  /** Two postcode areas of the place: a city field may show the first, a register address either. */
  pc4: readonly [string, string] | null;
}

const at = (code: string, a: string, b: string): DemoPlace => ({ code, status: 'resolved', pc4: [a, b] });

export const DEMO_PLACES: Readonly<Record<string, DemoPlace>> = {
  Amsterdam: at('0363', '1012', '1013'),
  Rotterdam: at('0599', '3011', '3012'),
  'Den Haag': at('0518', '2511', '2512'),
  Utrecht: at('0344', '3511', '3512'),
  Eindhoven: at('0772', '5611', '5612'),
  Groningen: at('0014', '9711', '9712'),
  Tilburg: at('0855', '5038', '5041'),
  Almere: at('0034', '1315', '1316'),
  Breda: at('0758', '4811', '4812'),
  Nijmegen: at('0268', '6511', '6512'),
  Arnhem: at('0202', '6811', '6812'),
  Haarlem: at('0392', '2011', '2012'),
  Enschede: at('0153', '7511', '7512'),
  Apeldoorn: at('0200', '7311', '7312'),
  Amersfoort: at('0307', '3811', '3812'),
  Zaandam: at('0479', '1506', '1507'), // gemeente Zaanstad
  "'s-Hertogenbosch": at('0796', '5211', '5212'),
  Zwolle: at('0193', '8011', '8012'),
  Leeuwarden: at('0080', '8911', '8912'),
  Maastricht: at('0935', '6211', '6212'),
  Dordrecht: at('0505', '3311', '3312'),
  Leiden: at('0546', '2311', '2312'),
  Alkmaar: at('0361', '1811', '1812'),
  Heerlen: at('0917', '6411', '6412'),
  Venlo: at('0983', '5911', '5912'),
  Deventer: at('0150', '7411', '7412'),
  Delft: at('0503', '2611', '2612'),
  Hilversum: at('0402', '1211', '1212'),
  // Places whose municipality has another name.
  Hoofddorp: at('0394', '2132', '2131'), // Haarlemmermeer
  'Nieuw-Vennep': at('0394', '2151', '2152'), // Haarlemmermeer
  Scheveningen: at('0518', '2586', '2587'), // 's-Gravenhage
  Veldhoven: at('0861', '5504', '5505'), // Veldhoven, next to Eindhoven
  Spijkenisse: at('1930', '3201', '3202'), // Nissewaard
  Sneek: at('1900', '8601', '8602'), // Súdwest-Fryslân
  Heerhugowaard: at('1980', '1701', '1702'), // Dijk en Waard
  Bussum: at('1942', '1401', '1402'), // Gooise Meren
  Maarssen: at('1904', '3601', '3602'), // Stichtse Vecht
  Geleen: at('1883', '6161', '6162'), // Sittard-Geleen
  'Den Bosch': at('0796', '5211', '5212'), // 's-Hertogenbosch by its everyday name
  // Bergen (NH, 0373) and Bergen (L, 0893): the name alone does not say which.
  Bergen: { code: null, status: 'ambiguous', pc4: null },
  // A made-up place.
  Zonnedal: { code: null, status: 'unknown', pc4: null },
};

/** Places that are not the name of their municipality, drawn instead of a big city now and then. */
const OTHER_NAMED = ['Hoofddorp', 'Nieuw-Vennep', 'Scheveningen', 'Veldhoven', 'Spijkenisse', 'Sneek',
  'Heerhugowaard', 'Bussum', 'Maarssen', 'Geleen', 'Den Bosch'];
const OTHER_NAMED_SHARE = 0.15;
const AMBIGUOUS_SHARE = 0.02;
const UNKNOWN_SHARE = 0.01;

/** Where a persona advertises: mostly the big city drawn for it, sometimes a place the monitor must
 *  work harder for. Its own stream, so the other draws of the persona stay as they were. */
export function choosePlace(rng: Rng, drawn: string): string {
  const draw = rng.next();
  if (draw < UNKNOWN_SHARE) return 'Zonnedal';
  if (draw < UNKNOWN_SHARE + AMBIGUOUS_SHARE) return 'Bergen';
  if (draw < UNKNOWN_SHARE + AMBIGUOUS_SHARE + OTHER_NAMED_SHARE) return rng.pick(OTHER_NAMED);
  return drawn;
}

export function placeOf(name: string): DemoPlace {
  const place = DEMO_PLACES[name];
  if (!place) throw new Error(`demo place ${name} is not in DEMO_PLACES`);
  return place;
}
