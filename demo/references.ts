// What a municipality's own registers say about the demo's advertisers, planted per persona: the
// licence register (most numbers valid; some expired, at another address, registered in another
// municipality, or not there at all), Chamber of Commerce (KvK) entries on some unlicensed
// advertisers' phones, and anonymous crime reports. Stable across days: a persona's entries do not
// depend on the day. reference-files.ts writes them as CSV; the truth says what each ad meets.
import type { LicenceStatus } from '../src/municipal/types.ts';
import { DEMO_PLACES, placeOf } from './places.ts';
import type { Persona } from './population.ts';
import { createRng, type Rng } from './prng.ts';

/** Rows as the municipality keeps them; dates ISO, `code` the CBS municipality code. */
export interface DemoLicence {
  licence: string; businessName: string; address: string; postcode: string; place: string; code: string;
  validFrom: string; validTo: string | null;
}
export interface DemoKvk {
  kvk: string; tradeName: string; address: string; postcode: string; place: string; code: string;
  sbi: string; phones: string[];
}
export interface DemoReport { date: string; code: string; category: string; text: string }

export interface References {
  licences: DemoLicence[];
  kvk: DemoKvk[];
  reports: DemoReport[];
  /** The postcode a persona writes before its place in the city field ("2011 AB"), by persona id. */
  postcodes: Map<string, string>;
}

/** SBI 9609: other personal services, where sex businesses register; the others are not sex work. */
export const SEX_WORK_SBI = '9609';
const OTHER_SBI = [
  { sbi: '9602', name: 'Schoonheidssalon' }, // kappers en schoonheidsverzorging
  { sbi: '5510', name: 'Hotel' }, // hotels
  { sbi: '9604', name: 'Sauna' }, // sauna's, solaria, baden
];

const SHOWS_POSTCODE = 0.12;
const KVK_SHARE = 0.14;
const REPORT_SHARE = 0.07;
const STREETS = ['Kerkstraat', 'Stationsweg', 'Dorpsstraat', 'Molenweg', 'Havenstraat', 'Nieuwstraat', 'Marktplein',
  'Schoolstraat', 'Julianalaan', 'Wilhelminastraat', 'Parallelweg', 'Industrieweg', 'Prinsengracht', 'Beukenlaan'];
/** PostNL leaves out SA, SD and SS. */
const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';
const BUSINESS_NAMES = ['De Linde', 'Het Anker', 'De Zon', 'Aan de Gracht', 'Zuiderlicht', 'De Wielewaal'];
const REPORT_CATEGORIES = ['Mensenhandel', 'Prostitutie zonder vergunning', 'Uitbuiting', 'Overlast'];
const REPORT_TEXTS = [
  'Melder ziet wisselende jonge vrouwen en veel bezoekers op een adres, ook \'s nachts.',
  'Vrouwen zouden in de woning slapen en werken en niet zelf naar buiten gaan.',
  'Een man brengt en haalt vrouwen met een busje en neemt het geld in ontvangst.',
  'Buren melden drukte en mannen die aanbellen bij verschillende appartementen.',
];

type Planted = Exclude<LicenceStatus, 'absent'>;

/** Plants the register entries of the personas (hostile ones excluded by the caller). */
export function plantReferences(seed: number, personas: readonly Persona[]): References {
  const refs: References = { licences: [], kvk: [], reports: [], postcodes: new Map() };
  const numbers = new Set<string>();
  for (const p of personas) {
    const rng = createRng(seed, `references:${p.id}`);
    // A person on the move or in a network writes the bare city, as the network tests expect.
    const homeName = p.route ? p.route[0] as string : p.city;
    const home = placeOf(homeName);
    const fixed = !p.route && p.networks.length === 0 && home.pc4 !== null;
    let shown = fixed && rng.chance(SHOWS_POSTCODE) ? postcodeIn(rng, home.pc4![0]) : null;
    if (p.licence !== undefined && !numbers.has(p.licence)) {
      const planted = plantLicence(rng, p, fixed);
      const row = planted === 'unknown' || home.code === null ? null : licenceRow(rng, p, homeName, planted, shown);
      if (row) {
        numbers.add(p.licence);
        refs.licences.push(row);
        // The ad of a licence registered at another address shows its own postcode.
        if (planted === 'other-address') shown = postcodeIn(rng, home.pc4![0]);
      }
    }
    if (shown) refs.postcodes.set(p.id, shown);
    if (p.licence === undefined && home.code !== null && rng.chance(KVK_SHARE)) refs.kvk.push(kvkRow(rng, p, homeName, shown));
    if (home.code !== null && rng.chance(REPORT_SHARE)) refs.reports.push(report(rng, home.code, p.phone));
  }
  const background = createRng(seed, 'references:background');
  for (let i = 0; i < 12; i++) {
    const [place, info] = background.pick(Object.entries(DEMO_PLACES).filter(([, d]) => d.code !== null));
    refs.reports.push(report(background, info.code as string, null));
    if (i % 3 === 0) refs.kvk.push(otherBusiness(background, place));
  }
  return refs;
}

function plantLicence(rng: Rng, p: Persona, fixed: boolean): Planted {
  // Someone on the move is valid where they are registered and elsewhere "other-municipality".
  if (p.route) return rng.chance(0.8) ? 'valid' : 'unknown';
  const draw = rng.next();
  if (draw < 0.52) return 'valid';
  if (draw < 0.64) return 'expired';
  if (draw < 0.76) return 'unknown';
  if (draw < 0.88) return 'other-municipality';
  return fixed ? 'other-address' : 'valid';
}

function licenceRow(rng: Rng, p: Persona, homeName: string, planted: Planted, shown: string | null): DemoLicence {
  const place = planted === 'other-municipality' ? otherPlace(rng, placeOf(homeName).code as string) : homeName;
  const pc4 = placeOf(place).pc4!;
  const validFrom = `${rng.int(2021, 2025)}-${pad(rng.int(1, 12))}-01`;
  return {
    licence: p.licence as string,
    businessName: `${rng.pick(['Privéhuis', 'Escortbureau', 'Massagesalon', 'Club'])} ${p.alias}`,
    address: street(rng),
    // A valid or expired licence is at the postcode its ad shows, if it shows one.
    postcode: planted === 'other-address' ? postcodeIn(rng, pc4[1])
      : planted === 'other-municipality' ? postcodeIn(rng, pc4[0]) : shown ?? postcodeIn(rng, pc4[0]),
    place,
    code: placeOf(place).code as string,
    validFrom,
    validTo: planted === 'expired' ? `2025-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}` : rng.chance(0.3) ? '2028-12-31' : null,
  };
}

function kvkRow(rng: Rng, p: Persona, home: string, postcode: string | null): DemoKvk {
  const other = rng.chance(0.5) ? null : rng.pick(OTHER_SBI);
  const phones = [dutchPhone(p.phone), ...(rng.chance(0.25) ? [`06-${rng.int(10_000_000, 59_999_999)}`] : [])];
  return {
    kvk: kvkNumber(rng),
    tradeName: other ? `${other.name} ${p.alias}` : `${p.alias} Ontspanning`,
    address: street(rng),
    postcode: postcode ?? postcodeIn(rng, placeOf(home).pc4![0]),
    place: home,
    code: placeOf(home).code as string,
    sbi: other ? other.sbi : SEX_WORK_SBI,
    phones: rng.shuffle(phones),
  };
}

/** A business on no phone of the world, as any extract has. */
function otherBusiness(rng: Rng, place: string): DemoKvk {
  const other = rng.pick(OTHER_SBI);
  return {
    kvk: kvkNumber(rng), tradeName: `${other.name} ${rng.pick(BUSINESS_NAMES)}`,
    address: street(rng), postcode: postcodeIn(rng, placeOf(place).pc4![1]), place,
    code: placeOf(place).code as string, sbi: other.sbi, phones: [],
  };
}

function report(rng: Rng, code: string, phone: string | null): DemoReport {
  const text = rng.pick(REPORT_TEXTS);
  return {
    date: `${rng.pick(['2025-11', '2025-12', '2026-01', '2026-02'])}-${pad(rng.int(1, 28))}`,
    code,
    category: rng.pick(REPORT_CATEGORIES),
    text: phone ? `${text} Genoemd telefoonnummer: ${dutchPhone(phone)}.` : text,
  };
}

function otherPlace(rng: Rng, code: string): string {
  return rng.pick(Object.entries(DEMO_PLACES).filter(([, d]) => d.code !== null && d.code !== code).map(([name]) => name));
}

function postcodeIn(rng: Rng, pc4: string): string {
  return `${pc4} ${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
}

function street(rng: Rng): string {
  return `${rng.pick(STREETS)} ${rng.int(1, 180)}`;
}

function kvkNumber(rng: Rng): string {
  return String(rng.int(10_000_000, 99_999_999));
}

/** "+31612345678" → "06-12345678", as a register writes it. */
export function dutchPhone(e164: string): string {
  return `06-${e164.slice(4)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** What the registers say of one ad on one day: what a perfect monitor finds (the truth). */
export interface AdReferences {
  municipality: { code: string | null; status: 'resolved' | 'ambiguous' | 'unknown' };
  licence: LicenceStatus;
  /** KvK numbers of the extract's rows that carry the ad's phone. */
  kvk: string[];
  /** Crime reports that name the ad's phone. */
  reports: number;
}

export interface ReferenceIndex {
  licences: Map<string, DemoLicence>;
  kvkByPhone: Map<string, string[]>;
  reportsByPhone: Map<string, number>;
}

export function indexReferences(refs: References): ReferenceIndex {
  const kvkByPhone = new Map<string, string[]>();
  for (const row of refs.kvk) for (const phone of row.phones) kvkByPhone.set(phone, [...kvkByPhone.get(phone) ?? [], row.kvk]);
  const reportsByPhone = new Map<string, number>();
  for (const row of refs.reports) {
    const phone = /Genoemd telefoonnummer: (06-\d{8})/u.exec(row.text)?.[1];
    if (phone) reportsByPhone.set(phone, (reportsByPhone.get(phone) ?? 0) + 1);
  }
  return { licences: new Map(refs.licences.map((r) => [r.licence, r])), kvkByPhone, reportsByPhone };
}

/** `place` is the ad's place that day, `postcode` the one its city field shows, `date` the day. */
export function adReferences(
  index: ReferenceIndex, ad: { place: string; postcode: string | null; licence?: string; phone: string }, date: string,
): AdReferences {
  const { code, status } = placeOf(ad.place);
  const phone = dutchPhone(ad.phone);
  return {
    municipality: { code, status },
    licence: licenceStatus(ad.licence === undefined ? undefined : index.licences.get(ad.licence), ad.licence, code, ad.postcode, date),
    kvk: index.kvkByPhone.get(phone) ?? [],
    reports: index.reportsByPhone.get(phone) ?? 0,
  };
}

/** The register planted at most one fault per number, so the order of these checks decides nothing. */
function licenceStatus(row: DemoLicence | undefined, licence: string | undefined, code: string | null, postcode: string | null, date: string): LicenceStatus {
  if (licence === undefined) return 'absent';
  if (!row) return 'unknown';
  if (row.validTo !== null && row.validTo < date) return 'expired';
  if (row.code !== code) return 'other-municipality';
  if (postcode !== null && postcode !== row.postcode) return 'other-address';
  return 'valid';
}
