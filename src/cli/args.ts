// Shared command-line handling: the options every command takes, and where data and config live.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { withoutPassword } from '../log.ts';

export const COMMON_OPTIONS = {
  data: { type: 'string' },
  database: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const BUNDLED_CONFIG = fileURLToPath(new URL('../../config', import.meta.url));

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: positionals, strict: true });
  } catch (cause) {
    throw new BakenError('USAGE', (cause as Error).message, { cause });
  }
}

export function dataDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.BAKEN_DATA ?? 'data');
}

/** Where the data lives: files (blobs, signing key) always in the data directory; the rows in its
 *  SQLite file, or in PostgreSQL when --database (env BAKEN_DATABASE_URL) gives a postgres:// URL. */
export function storage(values: { data?: string; database?: string }): { dataDir: string; database: string | null } {
  const database = values.database ?? process.env.BAKEN_DATABASE_URL ?? null;
  if (database !== null && !/^postgres(ql)?:\/\//.test(database)) {
    throw new BakenError('USAGE', `--database: expected a postgres:// URL, got "${withoutPassword(database)}"`);
  }
  return { dataDir: dataDir(values.data), database };
}

/** The bundled demo configuration unless an operator points elsewhere. */
export function configDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.BAKEN_CONFIG ?? BUNDLED_CONFIG);
}

export function requireString(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new BakenError('USAGE', `missing --${flag}`);
  return value;
}

export function integer(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new BakenError('USAGE', `--${flag}: expected a whole number, got "${value}"`);
  return Number(value);
}
