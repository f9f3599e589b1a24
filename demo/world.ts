// The shape of a generated demo world: what the platforms show on one day and the ground truth
// that end-to-end tests compare a crawl against.
import type { Cue } from './cue-banks.ts';
import type { AdReferences } from './references.ts';

export type Lang = 'nl' | 'en';

export const PLATFORMS = ['classic', 'swipe', 'velvet'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const HOSTILE_KINDS = [
  'slow', 'error', 'loop', 'huge', 'popup', 'flaky',
  'offsite-redirect', 'offsite-meta', 'offsite-script', 'dialogs', 'download', 'starts-download', 'broken-images',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export const WORLD_SIZES = { small: 20, default: 120, large: 1000, soak: 5000 } as const;
export type WorldSize = keyof typeof WORLD_SIZES;

export type NetworkKind = 'phone' | 'image' | 'template' | 'movement';

/** Day 0 of every demo world; day n is this date plus n days. */
export const DAY_ZERO = '2026-03-02';

export interface DemoPrice { amount: number; currency: 'EUR'; label: string }

/** An ad's fields as a visitor sees them; phones in E.164, images as image ids. */
export interface DemoFields {
  title: string;
  /** Paragraphs joined by a single "\n"; sentences within a paragraph by a single space. */
  text: string;
  alias: string;
  age: number;
  phones: string[];
  email?: string;
  city: string;
  languages: string[];
  services: string[];
  prices: DemoPrice[];
  licence?: string;
  posted: string;
  images: string[];
}

export interface DemoAd extends AdReferences {
  id: string;
  /** A code unique to the ad, shown on its detail page but in no extracted field. */
  ref: string;
  platform: Platform;
  /** Path of the detail page, e.g. /classic/ad/cl-0042-lena. */
  path: string;
  lang: Lang;
  fields: DemoFields;
  /** How the ad writes its phone number: a style of format.ts formatPhone, e.g. "06-12345678". */
  phoneStyle: number;
  /** The cues planted from demo/cue-banks.ts: none for a clean ad, two or more for one to flag. */
  cues: Cue[];
  networks: string[];
  /** 1 on the ad's first day; goes up each time its content changes. */
  version: number;
  hostile?: HostileKind;
}

export interface Network { id: string; kind: NetworkKind; ads: string[] }

/** One generated picture at one size and quality; reused pictures share `picture`. `grain` is the
 *  noise amplitude a photo-heavy world adds (demo/photo-heavy.ts). */
export interface ImageSpec { picture: number; width: number; height: number; quality: number; grain?: number }

export interface World {
  seed: number;
  day: number;
  size: WorldSize;
  /** Only the ads live on this day, newest first (the order the list pages show). */
  ads: DemoAd[];
  networks: Network[];
  images: Record<string, ImageSpec>;
}
