// Sources, profiles and schedules for admins: read from the configuration in force, changed by
// storing a new version of it (src/config/configuration.ts): in the database, where every process
// picks it up, or in the embedded default's folder. A change is checked by loading the whole
// configuration with it first, so a bad change is refused with the loader's own message and the
// version in force stays.
import { parse, stringify } from 'yaml';
import type { Who } from '../accounts/actor.ts';
import { filesFingerprint, YAML_FILE, type ConfigFiles } from '../config/config-files.ts';
import { checked } from '../config/configuration.ts';
import { inThemeNamespace, type Config } from '../config/load.ts';
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
    // Changed from the newest version, whether or not this process has polled it yet.
    await this.#c.config.refresh();
    authorise(who, 'config.write', themeRef(this.#config(), item.theme), `no theme "${item.theme}"`);
    if (!inThemeNamespace(id, item.theme)) {
      throw new BakenError('INPUT_INVALID', `id: expected "${item.theme}" or an id beginning with "${item.theme}-" (the theme's id), got "${id}"`);
    }
    const existing = this.#items(kind).get(id);
    const files = this.#c.config.files();
    const target = targetFile(files, kind, id);
    // What is replaced must be the admin's too, whatever the loaded configuration says about it.
    for (const replaced of [existing?.theme, target.replaces]) {
      if (replaced != null) authorise(who, 'config.write', themeRef(this.#config(), replaced), `no ${SINGULAR[kind]} "${id}"`);
    }
    const text = `# Written through the API by ${who.actor.name} at ${this.#c.now().toISOString()}.\n${stringify(item)}`;
    const op = existing ? 'replace' : 'add';
    const changed: ConfigFiles = { ...files, [target.file]: text };
    await this.#c.config.save(changed, who.actor.name, `${kind}/${id}: ${op} through the API`);
    await this.#c.trail.record(who, 'config.change', {
      themes: [...new Set([item.theme, existing?.theme ?? item.theme, target.replaces ?? item.theme])], resources: [`${kind}/${id}`],
      query: { op, version: this.#c.config.version }, count: 1,
    });
    return { item: this.#items(kind).get(id) as ConfigItems[K], created: !existing };
  }

  /** Replaces the whole configuration with a folder's files (`baken config import`), as a new
   *  version: every theme in force and every theme imported must be the caller's to change. */
  async import(who: Who, files: ConfigFiles, from: string): Promise<string> {
    if (this.#c.config.home === 'folder') {
      throw new BakenError('USAGE', `this installation reads its configuration from ${this.#config().dir} (--config, BAKEN_CONFIG): `
        + 'change the files there and running processes pick them up; configuration versions live in PostgreSQL');
    }
    await this.#c.config.refresh();
    const next = checked(files, this.#config().dir);
    for (const theme of new Set([...this.#config().themes.keys(), ...next.themes.keys()])) {
      authorise(who, 'config.write', themeRef(this.#config(), theme) ?? themeRef(next, theme), `no theme "${theme}"`);
    }
    // The first command on an empty database imported the same folder already: no second version of it.
    const unchanged = filesFingerprint(files) === filesFingerprint(this.#c.config.files());
    if (!unchanged) await this.#c.config.save(files, who.actor.name, `imported ${from}`);
    await this.#c.trail.record(who, 'config.import', {
      themes: [...next.themes.keys()], query: { from, version: this.#c.config.version, unchanged }, count: Object.keys(files).length,
    });
    return this.#c.config.version;
  }

  /** The configuration in force as files (`baken config export`); all of it, so every theme must be the caller's. */
  async export(who: Who): Promise<{ version: string; files: ConfigFiles }> {
    const themes = [...this.#config().themes.keys()];
    for (const theme of themes) authorise(who, 'config.read', themeRef(this.#config(), theme), `no theme "${theme}"`);
    const files = this.#c.config.files();
    await this.#c.trail.record(who, 'config.export', { themes, query: { version: this.#c.config.version }, count: Object.keys(files).length });
    return { version: this.#c.config.version, files };
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
function targetFile(files: ConfigFiles, kind: ConfigKind, id: string): { file: string; replaces: string | null } {
  const names = Object.keys(files).filter((f) => f.startsWith(`${kind}/`) && YAML_FILE.test(f));
  for (const name of names) {
    let held: Held;
    try { held = parse(files[name]!) as Held; } catch { continue; }
    if (held?.id === id) return { file: name, replaces: typeof held.theme === 'string' ? held.theme : '' };
  }
  const taken = new Set(names);
  let file = `${kind}/${id}.yaml`;
  for (let n = 2; taken.has(file); n++) file = `${kind}/${id}-${n}.yaml`;
  return { file, replaces: null };
}
