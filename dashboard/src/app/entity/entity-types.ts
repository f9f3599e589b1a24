// The shape of the entity routes (docs/openapi.json: Entity).
import type { AdSummary } from '../search/search-types';

export const ENTITY_KINDS = ['phone', 'picture', 'template'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface NamedCount { value: string; ads: number; firstSeen: string; lastSeen: string }

export interface Entity {
  kind: EntityKind; value: string; theme: string;
  ads: { id: string; summary: AdSummary | null; versions: { version: number; capturedAt: string }[] }[];
  aliases: NamedCount[];
  cities: NamedCount[];
  movement: { city: string; at: string; adId: string }[];
  networks?: { ad: string; size: number; reasons: string[] }[];
  truncated: boolean;
}
