// The configuration's versions (themes, sources, extractors, profiles, schedules as their YAML
// files): numbered 1, 2, …, each with who stored it, when and why. The newest is in force; every
// process polls its number and reloads when it moves (src/config/configuration.ts).
import type { ConfigFiles } from '../config/config-files.ts';

export interface ConfigVersion { number: number; files: ConfigFiles; by: string; at: string; reason: string }

export type NewConfigVersion = Omit<ConfigVersion, 'number'>;

export interface ConfigVersionStore {
  /** The number of the version in force; null before the first. Cheap: every process polls it. */
  latestNumber(): Promise<number | null>;
  latest(): Promise<ConfigVersion | null>;
  /** Stores the version after `after` (null: the first). Refuses with CONFLICT when another
   *  process stored one first, so a change is never made to a version it did not see. */
  add(after: number | null, version: NewConfigVersion): Promise<ConfigVersion>;
  close(): Promise<void>;
}

export function conflictMessage(after: number | null): string {
  return `the configuration changed meanwhile (version ${after ?? 'none'} is no longer the newest); load it again and repeat the change`;
}

/** A version as both engines store it: the files as their JSON text. */
export interface ConfigVersionRow { number: number; files: string; by_name: string; at: string; reason: string }

export function versionOfRow(row: ConfigVersionRow): ConfigVersion {
  return { number: row.number, files: JSON.parse(row.files) as ConfigFiles, by: row.by_name, at: row.at, reason: row.reason };
}
