// The configuration as files: each kind's YAML files by their path in the configuration directory
// ("sources/x.yaml" → its text). The form a version is stored, imported and exported in, so the
// files an operator edits are the files every machine loads.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';
import { BakenError } from '../domain/errors.ts';

export type ConfigFiles = Record<string, string>;

/** The folders the loader reads (src/config/load.ts), report templates among them; the files a theme
 *  names (evaluation sets, reference data) stay with each machine's configuration directory. */
export const CONFIG_FOLDERS = ['themes', 'sources', 'extractors', 'profiles', 'schedules', 'reports'] as const;

/** The API's settings (src/config/api-settings.ts), versioned with the rest so that every machine of
 *  one database serves the API alike. */
export const API_SETTINGS_FILE = 'api.yaml';

export const YAML_FILE = /\.ya?ml$/;

export function readConfigFiles(dir: string): ConfigFiles {
  const files: ConfigFiles = {};
  if (existsSync(join(dir, API_SETTINGS_FILE))) files[API_SETTINGS_FILE] = readFileSync(join(dir, API_SETTINGS_FILE), 'utf8');
  for (const folder of CONFIG_FOLDERS) {
    if (!existsSync(join(dir, folder))) continue;
    for (const name of readdirSync(join(dir, folder)).filter((f) => YAML_FILE.test(f)).sort()) {
      files[`${folder}/${name}`] = readFileSync(join(dir, folder, name), 'utf8');
    }
  }
  return files;
}

/** Same files, same fingerprint, on any machine. */
export function filesFingerprint(files: ConfigFiles): string {
  return sha256Hex(canonicalJson(files));
}

/** Writes the files that differ from `before` into `dir`, each atomically (a process reading the
 *  folder sees a file whole or not at all). */
export function writeConfigFiles(dir: string, files: ConfigFiles, before: ConfigFiles = {}): void {
  for (const [path, text] of Object.entries(files)) {
    if (before[path] === text) continue;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const tmp = join(dirname(target), `.${path.split('/').pop()}.${process.pid}.tmp`);
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, target);
  }
}

/** An export goes to a new or empty folder, so it never mixes with files already there. */
export function exportConfigFiles(dir: string, files: ConfigFiles): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new BakenError('USAGE', `${dir} is not empty: export the configuration into a new or empty folder`);
  }
  writeConfigFiles(dir, files);
}
