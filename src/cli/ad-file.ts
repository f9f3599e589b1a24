// What `baken analyse` and `baken eval` share: the theme's compiled profile and the ads of a JSON
// Lines file (parsed by src/analyse/ad-input.ts). Neither stores nor reads stored data.
import { readFileSync } from 'node:fs';
import type { Config } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { parseAdLines, type AdLine } from '../analyse/ad-input.ts';
import { compileProfile, type CompiledProfile } from '../analyse/compile-profile.ts';

export function themeProfile(config: Config, themeId: string): CompiledProfile {
  const theme = config.themes.get(themeId);
  if (!theme) throw new BakenError('THEME_UNKNOWN', `no theme "${themeId}" in ${config.dir}/themes`);
  return compileProfile(config.profiles.get(theme.profile)!);
}

/** Reads and checks every line of `file` before any ad is scored. */
export function readAdFile(file: string): AdLine<object>[] {
  return parseAdLines(readInputFile(file), file);
}

export function readInputFile(file: string): string {
  try { return readFileSync(file, 'utf8'); } catch (cause) {
    throw new BakenError('INPUT_INVALID', `${file}: cannot read (${(cause as Error).message})`, { cause });
  }
}
