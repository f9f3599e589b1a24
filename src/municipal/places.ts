// Stand-in until the place resolution lands (issue 14, H1): only `municipalityByCode`, over a few
// municipalities, so reference imports can check their CBS codes. H1's places.ts replaces this file.
import type { Municipality } from './types.ts';

const KNOWN: readonly Municipality[] = [
  { code: '0014', name: 'Groningen', province: 'Groningen' },
  { code: '0344', name: 'Utrecht', province: 'Utrecht' },
  { code: '0363', name: 'Amsterdam', province: 'Noord-Holland' },
  { code: '0392', name: 'Haarlem', province: 'Noord-Holland' },
  { code: '0518', name: "'s-Gravenhage", province: 'Zuid-Holland' },
  { code: '0546', name: 'Leiden', province: 'Zuid-Holland' },
  { code: '0599', name: 'Rotterdam', province: 'Zuid-Holland' },
  { code: '0772', name: 'Eindhoven', province: 'Noord-Brabant' },
  { code: '0855', name: 'Tilburg', province: 'Noord-Brabant' },
  { code: '0935', name: 'Maastricht', province: 'Limburg' },
  { code: '0193', name: 'Zwolle', province: 'Overijssel' },
  { code: '0202', name: 'Arnhem', province: 'Gelderland' },
];
const BY_CODE = new Map(KNOWN.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}
