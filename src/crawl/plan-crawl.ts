// What a crawl request may crawl, checked before anything is opened or started: the theme, its
// purpose period, its sources.
import type { Config } from '../config/load.ts';
import type { Source, Theme } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import { assertPurposeCovers } from '../domain/purpose.ts';

export interface CrawlRequest { theme: string; source?: string }

export function planCrawl(config: Config, request: CrawlRequest, at: Date): { theme: Theme; sources: Source[] } {
  const theme = config.themes.get(request.theme);
  if (!theme) throw new BakenError('THEME_UNKNOWN', `no theme "${request.theme}" in ${config.dir}/themes`);
  assertPurposeCovers(theme.id, theme.purpose, at);
  return { theme, sources: pickSources(config, theme, request.source) };
}

function pickSources(config: Config, theme: Theme, only?: string): Source[] {
  const all = [...config.sources.values()].filter((s) => s.theme === theme.id);
  if (only === undefined) return all;
  const source = all.find((s) => s.id === only);
  if (!source) {
    throw new BakenError('SOURCE_UNKNOWN', `theme "${theme.id}" has no source "${only}" (it has: ${all.map((s) => s.id).join(', ') || 'none'})`);
  }
  return [source];
}
