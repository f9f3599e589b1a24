// Sources, profiles and schedules for admins: read from the loaded configuration, changed by writing
// validated YAML into the configuration directory. A change is checked by loading the whole
// configuration with it (src/config/load.ts) in a scratch copy first, so a bad change is refused
// with the loader's own message and nothing on disk changes.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Who } from '../accounts/actor.ts';
import { inThemeNamespace, loadConfig, type Config } from '../config/load.ts';
import type { Profile, Schedule, Source } from '../config/schema.ts';
import { BakenError } from '../domain/errors.ts';
import { authorise, themeRef, themesFor, type ServiceContext } from './context.ts';

export const CONFIG_KINDS = ['sources', 'profiles', 'schedules'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];
export interface ConfigItems { sources: Source; profiles: Profile; schedules: Schedule }

export const SINGULAR: Record<ConfigKind, string> = { sources: 'source', profiles: 'profile', schedules: 'schedule' };

export class ConfigService {
  readonly #c: ServiceContext;

  constructor(context: ServiceContext) {
    this.#c = context;
  }

  async all<K extends ConfigKind>(who: Who, kind: K, theme?: string): Promise<ConfigItems[K][]> {
    const themes = themesFor(who, 'config.read', this.#config(), theme);
    const items = [...this.#items(kind).values()].filter((i) => themes.includes(i.theme));
    await this.#c.trail.record(who, 'config.read', { themes, resources: items.map((i) => `${kind}/${i.id}`), count: items.length });
    return items;
  }

  async get<K extends ConfigKind>(who: Who, kind: K, id: string): Promise<ConfigItems[K]> {
    const item = this.#items(kind).get(id);
    authorise(who, 'config.read', item ? themeRef(this.#config(), item.theme) : null, `no ${SINGULAR[kind]} "${id}"`);
    await this.#c.trail.record(who, 'config.read', { themes: [item!.theme], resources: [`${kind}/${id}`], count: 1 });
    return item!;
  }

  /** Adds or replaces one item of a theme the admin holds. The id must lie in that theme's namespace
   *  (src/config/load.ts), so it can never name another theme's item; and the file written is the
   *  one holding that id or a new one, never a file that holds something else. */
  async put<K extends ConfigKind>(who: Who, kind: K, id: string, item: ConfigItems[K]): Promise<{ item: ConfigItems[K]; created: boolean }> {
    if (item.id !== id) throw new BakenError('INPUT_INVALID', `id: the body names "${item.id}", the URL "${id}"`);
    authorise(who, 'config.write', themeRef(this.#config(), item.theme), `no theme "${item.theme}"`);
    if (!inThemeNamespace(id, item.theme)) {
      throw new BakenError('INPUT_INVALID', `id: expected "${item.theme}" or an id beginning with "${item.theme}-" (the theme's id), got "${id}"`);
    }
    const existing = this.#items(kind).get(id);
    const dir = this.#config().dir;
    const target = targetFile(dir, kind, id);
    // What is replaced must be the admin's too, whatever the loaded configuration says about it.
    for (const replaced of [existing?.theme, target.replaces]) {
      if (replaced != null) authorise(who, 'config.write', themeRef(this.#config(), replaced), `no ${SINGULAR[kind]} "${id}"`);
    }
    const text = `# Written through the API by ${who.actor.name} at ${this.#c.now().toISOString()}.\n${stringify(item)}`;
    assertLoads(dir, join(kind, target.file), text);
    await this.#c.trail.record(who, 'config.change', {
      themes: [...new Set([item.theme, existing?.theme ?? item.theme, target.replaces ?? item.theme])], resources: [`${kind}/${id}`],
      query: { op: existing ? 'replace' : 'add' }, count: 1,
    });
    writeAtomically(join(dir, kind), target.file, text);
    this.#c.config.current = loadConfig(dir);
    return { item: this.#items(kind).get(id) as ConfigItems[K], created: !existing };
  }

  #config(): Config {
    return this.#c.config.current;
  }

  #items<K extends ConfigKind>(kind: K): Map<string, ConfigItems[K]> {
    return this.#config()[kind] as Map<string, ConfigItems[K]>;
  }
}

type Held = { id?: unknown; theme?: unknown } | null;

/** The file to write: the one holding the id (the loader takes any *.yaml file, whatever its name),
 *  with the theme found in it; else a name no file has, so no other item is ever overwritten. */
function targetFile(dir: string, kind: ConfigKind, id: string): { file: string; replaces: string | null } {
  let names: string[];
  try { names = readdirSync(join(dir, kind)); } catch { names = []; }
  for (const name of names.filter((n) => /\.ya?ml$/.test(n))) {
    let held: Held;
    try { held = parse(readFileSync(join(dir, kind, name), 'utf8')) as Held; } catch { continue; }
    if (held?.id === id) return { file: name, replaces: typeof held.theme === 'string' ? held.theme : '' };
  }
  const taken = new Set(names);
  let file = `${id}.yaml`;
  for (let n = 2; taken.has(file); n++) file = `${id}-${n}.yaml`;
  return { file, replaces: null };
}

function assertLoads(dir: string, relativeFile: string, text: string): void {
  const scratch = mkdtempSync(join(tmpdir(), 'baken-config-check-'));
  try {
    cpSync(dir, scratch, { recursive: true });
    mkdirSync(dirname(join(scratch, relativeFile)), { recursive: true });
    writeFileSync(join(scratch, relativeFile), text);
    loadConfig(scratch, { relativeTo: dir });
  } catch (err) {
    if (err instanceof BakenError && err.code === 'CONFIG_INVALID') {
      throw new BakenError('INPUT_INVALID', `refused: the configuration would not load: ${err.message.replaceAll(scratch, dir)}`, { cause: err });
    }
    throw err;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeAtomically(folder: string, file: string, text: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const tmp = join(folder, `.${file}.${process.pid}.tmp`);
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, join(folder, file));
}
