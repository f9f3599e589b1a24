// The demo world on one day: which ads are live and what each shows. Pure and deterministic:
// the same seed, day, size and hostile flag give byte-identical output.
import { renderText } from './ad-text.ts';
import { LANGUAGE_NAMES, PRICE_ROWS, SERVICES } from './banks.ts';
import { addDays, slugify } from './format.ts';
import { buildPopulation, type Persona } from './population.ts';
import { withHeavyPhotos, type PhotoMode } from './photo-heavy.ts';
import { adReferences, indexReferences, type ReferenceIndex } from './references.ts';
import { DAY_ZERO, type DemoAd, type Platform, type World, type WorldSize } from './world.ts';

export interface WorldOptions {
  seed?: number;
  day?: number;
  size?: WorldSize;
  /** Adds six classic ads whose pages misbehave (slow, error, loop, huge, popup, flaky). */
  hostile?: boolean;
  /** 'heavy': every ad shows eight camera-size photos (demo/photo-heavy.ts). */
  photos?: PhotoMode;
}

/** Platforms offer their own checklists (services, languages, price labels) in their own language. */
export const INTERFACE_LANG: Record<Platform, 'nl' | 'en'> = { classic: 'nl', swipe: 'en', velvet: 'nl' };

export function generateWorld({ seed = 1, day = 0, size = 'default', hostile = false, photos = 'light' }: WorldOptions = {}): World {
  if (!Number.isInteger(day) || day < 0) throw new RangeError(`day must be a whole number ≥ 0, got ${day}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const population = buildPopulation(seed, size, hostile);
  const live = population.personas.filter((p) => p.firstDay <= day && day <= p.lastDay);
  const index = indexReferences(population.references);
  const ads = live.map((p) => adOnDay(p, day, index, population.references.postcodes.get(p.id) ?? null))
    .sort((a, b) => b.fields.posted.localeCompare(a.fields.posted) || a.id.localeCompare(b.id));
  const liveIds = new Set(ads.map((a) => a.id));
  const networks = population.networks
    .map((n) => ({ ...n, ads: n.ads.filter((id) => liveIds.has(id)) }))
    .filter((n) => n.ads.length > 0);
  const images: World['images'] = {};
  for (const ad of ads) {
    for (const id of ad.fields.images) images[id] = population.images[id] as World['images'][string];
  }
  const world = { seed, day, size, ads, networks, images };
  return photos === 'heavy' ? withHeavyPhotos(world) : world;
}

function adOnDay(p: Persona, day: number, index: ReferenceIndex, postcode: string | null): DemoAd {
  const changed = p.change !== null && day >= p.change.day;
  const city = p.route ? p.route[day % p.route.length] as string : p.city;
  const ui = INTERFACE_LANG[p.platform];
  const { title, text } = renderText(changed && p.change?.text ? p.change.text : p.text, { alias: p.alias, city, age: p.age });
  const prices = changed && p.change?.prices ? p.change.prices : p.prices;
  // A person on the move re-posts in each new city; a changed ad is bumped to the top.
  const posted = p.route ? addDays(DAY_ZERO, day)
    : changed ? addDays(DAY_ZERO, (p.change as { day: number }).day)
    : addDays(DAY_ZERO, p.firstDay - p.postedAge);
  return {
    id: p.id,
    ref: p.ref,
    platform: p.platform,
    path: adPath(p.platform, p.id, p.alias),
    lang: p.lang,
    fields: {
      title, text,
      alias: p.alias,
      age: p.age,
      phones: [p.phone],
      ...(p.email ? { email: p.email } : {}),
      city: postcode ? `${postcode} ${city}` : city,
      languages: p.languages.map((l) => LANGUAGE_NAMES[l][ui]),
      services: p.services.map((s) => SERVICES[ui][s] as string),
      prices: prices.map((pr) => ({ amount: pr.amount, currency: 'EUR', label: (PRICE_ROWS[pr.row] as (typeof PRICE_ROWS)[number]).label[ui] })),
      ...(p.licence ? { licence: p.licence } : {}),
      posted,
      images: p.images,
    },
    phoneStyle: p.phoneStyle,
    cues: p.cues,
    networks: p.networks,
    version: 1 + (changed ? 1 : 0) + (p.route ? day - p.firstDay : 0),
    ...adReferences(index, { place: city, postcode, ...(p.licence ? { licence: p.licence } : {}), phone: p.phone }, addDays(DAY_ZERO, day)),
    ...(p.hostile ? { hostile: p.hostile } : {}),
  };
}

export function adPath(platform: Platform, id: string, alias: string): string {
  return platform === 'classic' ? `/classic/ad/${id}-${slugify(alias)}` : `/${platform}/ad/${id}`;
}
