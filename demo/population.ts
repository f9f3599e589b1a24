// Everyone who ever advertises in a demo world, independent of the day: base attributes, planted
// cues, networks and each ad's life span. generate.ts turns this into one day's view.
import { makeTextPlan, reviseTextPlan, type TextPlan } from './ad-text.ts';
import { ALIASES, CITIES, EMAIL_DOMAINS, PRICE_ROWS, SERVICES, type LanguageKey } from './banks.ts';
import { CUES, type Cue } from './cue-banks.ts';
import { PHONE_STYLE_COUNT, foldText } from './format.ts';
import { choosePlace } from './places.ts';
import { plantCues, plantRefusal } from './planted.ts';
import { createRng, type Rng } from './prng.ts';
import { plantReferences, type References } from './references.ts';
import {
  HOSTILE_KINDS, PLATFORMS, WORLD_SIZES,
  type HostileKind, type ImageSpec, type Lang, type Network, type NetworkKind, type Platform, type WorldSize,
} from './world.ts';

export interface PersonaPrice { row: number; amount: number }

export interface Persona {
  id: string;
  ref: string;
  platform: Platform;
  lang: Lang;
  alias: string;
  age: number;
  city: string;
  /** Cities by day (cycled) for a person who moves; null for everyone else. */
  route: string[] | null;
  phone: string;
  phoneStyle: number;
  email?: string;
  licence?: string;
  languages: LanguageKey[];
  services: number[];
  prices: PersonaPrice[];
  images: string[];
  cues: Cue[];
  text: TextPlan;
  firstDay: number;
  lastDay: number;
  /** Days before its first day that the ad says it was posted. */
  postedAge: number;
  change: { day: number; text: TextPlan | null; prices: PersonaPrice[] | null } | null;
  networks: string[];
  hostile?: HostileKind;
}

export interface Population {
  personas: Persona[];
  networks: Network[];
  images: Record<string, ImageSpec>;
  /** The municipality's registers on the ordinary personas (not the hostile ones). */
  references: References;
}

const NETWORK_COUNTS: Record<NetworkKind, number> = { phone: 8, image: 10, template: 5, movement: 4 };
const PLANTED_SHARE = 1 / 3;
/** Share of network members drawn from the planted ads; the rest look clean on their own. */
const NETWORK_PLANTED_SHARE = 0.85;
const BASE_IMAGE = { width: 480, height: 360, quality: 82 };
const REUSE_VARIANTS = [
  { width: 640, height: 480, quality: 74 },
  { width: 400, height: 300, quality: 90 },
  { width: 560, height: 420, quality: 68 },
];
const ID_PREFIX: Record<Platform, string> = { classic: 'cl', swipe: 'sw', velvet: 've' };
const NO_CHANGE_DAY = Number.POSITIVE_INFINITY;
const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface Taken { phones: Set<string>; images: Set<string>; refs: Set<string> }

interface Draft extends Omit<Persona, 'text' | 'licence' | 'change'> {
  licenceNumber: string;
  licenceDraw: number;
  changeAt: { day: number; kind: 'text' | 'prices' } | null;
  templateOf: string | null;
}

export function buildPopulation(seed: number, size: WorldSize, hostile: boolean): Population {
  const taken = { phones: new Set<string>(), images: new Set<string>(), refs: new Set<string>() };
  const images: Record<string, ImageSpec> = {};
  const perPlatform = WORLD_SIZES[size];
  const drafts: Draft[] = PLATFORMS.flatMap((platform) => Array.from({ length: perPlatform }, (_, i) =>
    draftPersona(seed, `${ID_PREFIX[platform]}-${String(i + 1).padStart(4, '0')}`, platform, taken, images)));

  const rng = createRng(seed, 'selection');
  const shuffled = rng.shuffle(drafts);
  const plantedCount = Math.round(drafts.length * PLANTED_SHARE);
  const pools = { planted: shuffled.slice(0, plantedCount), clean: shuffled.slice(plantedCount) };
  for (const d of pools.planted) d.cues = chooseCues(rng);

  const networks: Network[] = [];
  const scale = perPlatform / WORLD_SIZES.default;
  for (const kind of ['phone', 'image', 'template', 'movement'] as const) {
    const count = Math.max(1, Math.round(NETWORK_COUNTS[kind] * scale));
    for (let n = 1; n <= count; n++) {
      const memberCount = { phone: rng.int(3, 5), image: rng.int(2, 3), template: rng.int(3, 4), movement: 1 }[kind];
      const lang = kind === 'template' ? rng.pick(['nl', 'nl', 'nl', 'en'] as const) : null;
      const members = takeMembers(rng, pools, memberCount, lang);
      const network: Network = { id: `${kind}-${n}`, kind, ads: members.map((m) => m.id).sort() };
      linkNetwork(rng, network, members, taken, images);
      networks.push(network);
    }
  }

  const personas = drafts.map((d) => finishPersona(seed, d));
  const byId = new Map(personas.map((p) => [p.id, p]));
  drafts.forEach((d, i) => {
    if (d.templateOf === null || d.templateOf === d.id) return;
    const copy = personas[i] as Persona;
    const leader = byId.get(d.templateOf) as Persona;
    copy.text = leader.text;
    // The copied text may state the leader's age; the copy's age field says the same.
    if (copy.cues.includes('youth-emphasis')) copy.age = leader.age;
  });
  const references = plantReferences(seed, personas);
  if (hostile) personas.push(...hostilePersonas(seed, taken, images));
  return { personas, networks, images, references };
}

function draftPersona(
  seed: number, id: string, platform: Platform,
  taken: Taken, images: Record<string, ImageSpec>,
): Draft {
  const rng = createRng(seed, `persona:${id}`);
  const lang: Lang = rng.chance(0.6) ? 'nl' : 'en';
  const alias = rng.pick(ALIASES);
  const own: LanguageKey = lang === 'nl' ? 'dutch' : 'english';
  const others = rng.sample((['english', 'dutch', 'german', 'french', 'spanish', 'italian', 'romanian', 'polish',
    'hungarian', 'bulgarian', 'portuguese'] as const).filter((l) => l !== own), rng.int(0, 2));
  const rows = rng.sample(PRICE_ROWS.map((_, i) => i), rng.int(1, 3)).sort((a, b) => a - b);
  const hourly = 10 * rng.int(10, 20);
  const life = rng.next();
  const firstDay = life < 0.1 ? rng.int(1, 3) : 0;
  const lastDay = life >= 0.1 && life < 0.2 ? rng.int(0, 1) : Number.POSITIVE_INFINITY;
  const changeDay = rng.chance(0.1) ? Math.max(rng.int(1, 4), firstDay + 1) : NO_CHANGE_DAY;
  return {
    id,
    ref: uniqueRef(createRng(seed, `ref:${id}`), taken.refs),
    platform, lang, alias,
    age: weightedAge(rng),
    city: choosePlace(createRng(seed, `place:${id}`), rng.pick(CITIES)),
    route: null,
    phone: uniquePhone(rng, taken.phones),
    phoneStyle: rng.int(0, PHONE_STYLE_COUNT - 1),
    ...(rng.chance(0.25) ? { email: `${foldText(alias)}${rng.int(10, 99)}@${rng.pick(EMAIL_DOMAINS)}` } : {}),
    licenceNumber: `P-2026-${String(rng.int(1, 99999)).padStart(5, '0')}`,
    licenceDraw: rng.next(),
    languages: [own, ...others],
    services: rng.sample(SERVICES.nl.map((_, i) => i), rng.int(2, 6)).sort((a, b) => a - b),
    prices: rows.map((row) => ({ row, amount: priceAt(row, hourly) })),
    images: Array.from({ length: rng.int(1, 3) }, () => newImage(rng, rng.int(1, 2 ** 31 - 1), BASE_IMAGE, taken.images, images)),
    cues: [],
    firstDay, lastDay,
    postedAge: firstDay === 0 ? rng.int(0, 20) : 0,
    changeAt: changeDay === NO_CHANGE_DAY ? null : { day: changeDay, kind: rng.chance(0.5) ? 'text' : 'prices' },
    networks: [],
    templateOf: null,
  };
}

/** Two cues, sometimes three: an ad to flag shows at least two signals (issue 12), in CUES order. */
function chooseCues(rng: Rng): Cue[] {
  const chosen = new Set(rng.sample(CUES, rng.chance(0.7) ? 2 : 3));
  return CUES.filter((cue) => chosen.has(cue));
}

function takeMembers(rng: Rng, pools: { planted: Draft[]; clean: Draft[] }, size: number, lang: Lang | null): Draft[] {
  const members: Draft[] = [];
  for (let i = 0; i < size; i++) {
    // The first member is planted, so a template copies a planted text.
    const first = i === 0 || rng.chance(NETWORK_PLANTED_SHARE) ? pools.planted : pools.clean;
    const second = first === pools.planted ? pools.clean : pools.planted;
    const pool = [first, second].find((p) => p.some((d) => lang === null || d.lang === lang));
    if (!pool) throw new Error(`demo world too small for its networks (need ${size} ads in ${lang ?? 'any language'})`);
    const at = pool.findIndex((d) => lang === null || d.lang === lang);
    members.push(...pool.splice(at, 1));
  }
  return members;
}

function linkNetwork(
  rng: Rng, network: Network, members: Draft[],
  taken: Taken, images: Record<string, ImageSpec>,
): void {
  const leader = members[0] as Draft;
  const aliases = new Set<string>();
  for (const m of members) {
    m.networks.push(network.id);
    m.firstDay = 0;
    m.lastDay = Number.POSITIVE_INFINITY;
    m.postedAge = rng.int(0, 20);
    if (network.kind === 'movement') continue;
    // Linked ads appear under different names; that is what makes the link worth finding.
    while (aliases.has(m.alias)) m.alias = rng.pick(ALIASES);
    aliases.add(m.alias);
  }
  if (network.kind === 'phone') for (const m of members) m.phone = leader.phone;
  if (network.kind === 'image') {
    const picture = (images[leader.images[0] as string] as ImageSpec).picture;
    members.slice(1).forEach((m, i) => {
      m.images[0] = newImage(rng, picture, REUSE_VARIANTS[i % REUSE_VARIANTS.length] as typeof BASE_IMAGE, taken.images, images);
    });
  }
  if (network.kind === 'template') {
    for (const m of members) {
      m.templateOf = leader.id;
      m.cues = leader.cues;
      m.changeAt = null;
    }
  }
  if (network.kind === 'movement') {
    leader.changeAt = null;
    leader.route = movementRoute(rng);
  }
}

function finishPersona(seed: number, d: Draft): Persona {
  const rng = createRng(seed, `text:${d.id}`);
  const { licenceNumber, licenceDraw, changeAt, templateOf, ...rest } = d;
  if (d.cues.includes('youth-emphasis')) rest.age = rng.int(18, 19);
  if (d.cues.includes('language-barrier')) rest.languages = ['romanian'];
  // An ad that words its price as a bargain asks well below the market's 100–200 an hour.
  if (d.cues.includes('low-price')) rest.prices = atHourly(rest.prices, 10 * rng.int(4, 6));
  const facts = { phone: `0${rest.phone.slice(3)}`, age: rest.age };
  // Refusals draw from their own stream, so the texts of the other ads stay as they were.
  const planting = d.cues.length > 0 ? plantCues(rng, d.lang, d.cues, facts) : plantRefusal(createRng(seed, `refusal:${d.id}`), d.lang);
  const text = makeTextPlan(rng, d.lang, planting);
  // Licensed ads are rarer among those with planted cues, as on real platforms.
  const licensed = licenceDraw < (d.cues.length > 0 ? 0.2 : 0.5);
  return {
    ...rest,
    ...(licensed ? { licence: licenceNumber } : {}),
    text,
    change: changeAt === null ? null : {
      day: changeAt.day,
      text: changeAt.kind === 'text' ? reviseTextPlan(rng, d.lang, text) : null,
      prices: changeAt.kind === 'prices' ? rest.prices.map((p) => ({ row: p.row, amount: p.amount + 10 * rng.int(1, 2) })) : null,
    },
  };
}

function hostilePersonas(
  seed: number, taken: Taken, images: Record<string, ImageSpec>,
): Persona[] {
  return HOSTILE_KINDS.map((kind, i) => {
    const d = draftPersona(seed, `cl-${9001 + i}`, 'classic', taken, images);
    Object.assign(d, { firstDay: 0, lastDay: Number.POSITIVE_INFINITY, changeAt: null });
    return { ...finishPersona(seed, d), hostile: kind };
  });
}

function atHourly(prices: PersonaPrice[], hourly: number): PersonaPrice[] {
  return prices.map(({ row }) => ({ row, amount: priceAt(row, hourly) }));
}

function priceAt(row: number, hourly: number): number {
  return 10 * Math.round((hourly * (PRICE_ROWS[row] as (typeof PRICE_ROWS)[number]).ofHourly) / 10);
}

function weightedAge(rng: Rng): number {
  // Most advertisers are in their twenties or early thirties.
  return rng.chance(0.7) ? rng.int(21, 32) : rng.int(20, 45);
}

function uniquePhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = `+316${rng.int(1, 5)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/** A code shown on the ad's page only, so a test can search stored data for traces of the page. */
function uniqueRef(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const ref = Array.from({ length: 8 }, () => rng.pick([...REF_ALPHABET])).join('');
    if (!taken.has(ref)) {
      taken.add(ref);
      return ref;
    }
  }
}

function newImage(
  rng: Rng, picture: number, variant: typeof BASE_IMAGE, taken: Set<string>, images: Record<string, ImageSpec>,
): string {
  for (;;) {
    const id = Array.from({ length: 12 }, () => rng.int(0, 15).toString(16)).join('');
    if (!taken.has(id)) {
      taken.add(id);
      images[id] = { picture, ...variant };
      return id;
    }
  }
}

function movementRoute(rng: Rng): string[] {
  const distinct = [...new Set(CITIES)];
  const route: string[] = [];
  while (route.length < 14) {
    const city = rng.pick(distinct);
    // No city twice in a row, also where the route wraps around.
    if (city !== route[route.length - 1] && (route.length < 13 || city !== route[0])) route.push(city);
  }
  return route;
}
