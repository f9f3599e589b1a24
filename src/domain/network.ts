// A network: kept ads of one theme linked by a shared phone number, the same photo or the same
// template text, and everything linked to those in turn — each link with its reason.
import type { LinkSignal } from './indicator-hit.ts';

export const NETWORK_REASONS = ['shared-phone', 'shared-image', 'template-text'] as const satisfies readonly LinkSignal[];
export type NetworkReason = (typeof NETWORK_REASONS)[number];

/** Between two different ads, `a` < `b`; `value` says what they share (a number, two hashes, a similarity). */
export interface NetworkLink { a: string; b: string; reason: NetworkReason; value: string }
export interface Network { ads: string[]; links: NetworkLink[] }
