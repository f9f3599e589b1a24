// The links networks are made of: kept ads joined by a shared phone number, the same photo or the
// same template text, each link with its reason. The store keeps them and follows them to whole
// networks (connected components).
import type { Network, NetworkLink, NetworkReason } from '../domain/network.ts';
import { adLinks } from './ad-links.ts';
import type { AnalysisInput } from '../domain/analysis-input.ts';
import type { CompiledProfile } from './compile-profile.ts';

export type { Network, NetworkLink } from '../domain/network.ts';

/** How alike two pictures or texts must be to link their ads. */
export interface LinkOptions { maxDistance: number; threshold: number }

const DEFAULT_LINKS: LinkOptions = { maxDistance: 8, threshold: 0.8 };

/** The profile's own settings where it has shared-image or template-text indicators (the strictest
 *  of them), the defaults of the profile schema otherwise. */
export function linkOptions(profile: CompiledProfile): LinkOptions {
  const options = { ...DEFAULT_LINKS };
  const image = profile.crossAd.flatMap(({ rule }) => (rule.signal === 'shared-image' ? [rule.maxDistance] : []));
  const text = profile.crossAd.flatMap(({ rule }) => (rule.signal === 'template-text' ? [rule.threshold] : []));
  if (image.length > 0) options.maxDistance = Math.min(...image);
  if (text.length > 0) options.threshold = Math.max(...text);
  return options;
}

/** Every link between different ads. Ads sharing one phone number are linked to the first of them
 *  (by id) rather than each to each: the number says all there is to say, in fewer links. */
export function networkLinks(ads: readonly AnalysisInput[], options: LinkOptions): NetworkLink[] {
  const links = adLinks(ads);
  const found = new Map<string, NetworkLink>();
  const add = (x: string, y: string, reason: NetworkReason, value: string) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    found.set(`${a}\n${b}\n${reason}\n${value}`, { a, b, reason, value });
  };
  for (const [phone, group] of links.byPhone()) {
    const ids = [...new Set(group.map((i) => ads[i]!.id))].sort();
    for (const id of ids.slice(1)) add(ids[0]!, id, 'shared-phone', phone);
  }
  links.images(options.maxDistance).forEach((neighbours, i) => {
    for (const n of neighbours) {
      const [h1, h2] = ads[i]!.id < ads[n.other]!.id ? [n.hash, n.otherHash] : [n.otherHash, n.hash];
      add(ads[i]!.id, ads[n.other]!.id, 'shared-image', `${h1} ~ ${h2} (${n.distance} bits apart)`);
    }
  });
  links.templates(options.threshold).forEach((neighbours, i) => {
    for (const n of neighbours) add(ads[i]!.id, ads[n.other]!.id, 'template-text', `similarity ${n.similarity.toFixed(2)}`);
  });
  return [...found.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b) || x.reason.localeCompare(y.reason));
}
