// Loads and validates the YAML configuration directory. Every problem is reported with the file,
// the path inside it and what was expected, all at once, so an operator can fix them in one go.
import { existsSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { BakenError } from '../domain/errors.ts';
import { addressPolicy, literalAddresses } from '../domain/private-addresses.ts';
import { readConfigFiles, type ConfigFiles } from './config-files.ts';
import { evaluationSetProblems } from './evaluation-sets.ts';
import { TEMPLATE_KINDS, type TemplateKind } from './report-templates.ts';
import {
  extractorSchema, profileSchema, scheduleSchema, sourceSchema, themeSchema,
  type Extractor, type Profile, type Schedule, type Source, type Theme,
} from './schema.ts';

export interface Config {
  dir: string;
  /** The texts of the report templates the version holds (reports/pv.yaml …), read by report-templates.ts. */
  reports: Partial<Record<TemplateKind, string>>;
  themes: Map<string, Theme>;
  sources: Map<string, Source>;
  extractors: Map<string, Extractor>;
  profiles: Map<string, Profile>;
  schedules: Map<string, Schedule>;
}

const KINDS = {
  themes: themeSchema,
  sources: sourceSchema,
  extractors: extractorSchema,
  profiles: profileSchema,
  schedules: scheduleSchema,
} as const;

export function loadConfig(dir: string): Config {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BakenError('CONFIG_MISSING', `configuration directory ${dir} does not exist`);
  }
  return parseConfig(readConfigFiles(dir), { dir });
}

/** Loads the configuration from its files (a folder's, or a version stored in the database);
 *  `dir` is the configuration directory that relative paths in it (a theme's evaluation sets) and
 *  messages name. */
export function parseConfig(texts: ConfigFiles, { dir }: { dir: string }): Config {
  const problems: string[] = [];
  /** Where each item came from, e.g. "sources/x" → "sources/x.yaml", for messages that name the file. */
  const files = new Map<string, string>();
  const read = <S extends z.ZodType>(kind: keyof typeof KINDS, schema: S): Map<string, z.infer<S>> => {
    const items = new Map<string, z.infer<S>>();
    for (const file of Object.keys(texts).filter((f) => f.startsWith(`${kind}/`)).sort()) {
      const doc = parseDocument(texts[file]!, { prettyErrors: true });
      if (doc.errors.length > 0) {
        for (const e of doc.errors) problems.push(`${file}: YAML syntax: ${e.message.split('\n')[0]}`);
        continue;
      }
      const parsed = schema.safeParse(doc.toJS());
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
        }
        continue;
      }
      const item = parsed.data as { id: string };
      if (items.has(item.id)) problems.push(`${file}: id: "${item.id}" is already used by another file in ${kind}/`);
      items.set(item.id, parsed.data);
      files.set(`${kind}/${item.id}`, file);
    }
    return items;
  };

  const config: Config = {
    dir,
    reports: Object.fromEntries(Object.keys(TEMPLATE_KINDS).flatMap((kind) => {
      const text = texts[`reports/${kind}.yaml`];
      return text === undefined ? [] : [[kind, text]];
    })),
    themes: read('themes', themeSchema),
    sources: read('sources', sourceSchema),
    extractors: read('extractors', extractorSchema),
    profiles: read('profiles', profileSchema),
    schedules: read('schedules', scheduleSchema),
  };
  if (problems.length === 0) {
    const fileOf = (ref: string) => files.get(ref) ?? ref;
    problems.push(...crossReferences(config), ...namespaceProblems(config, fileOf), ...privateHostProblems(config, fileOf),
      ...evaluationSetProblems(config.themes.values(), dir, fileOf));
  }
  if (problems.length > 0) {
    throw new BakenError('CONFIG_INVALID', `invalid configuration in ${dir}:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

function crossReferences(c: Config): string[] {
  const problems: string[] = [];
  if (c.themes.size === 0) problems.push('themes/: expected at least one theme file');
  for (const t of c.themes.values()) {
    const p = c.profiles.get(t.profile);
    if (!p) problems.push(`themes/${t.id}: profile: no profile "${t.profile}" in profiles/`);
    else if (p.theme !== t.id) problems.push(`profiles/${p.id}: theme: profile belongs to "${p.theme}", but theme "${t.id}" uses it`);
    // Keeping every ad is what a municipal monitor needs to count licensed ads; a police theme keeps
    // only ads with signals (data minimisation), and selection criteria act on municipal registers.
    else if (t.kind !== 'municipal') {
      if (p.threshold === 0) problems.push(`profiles/${p.id}: threshold: expected a number above 0; only a municipal theme may keep every ad`);
      if (p.selection) problems.push(`profiles/${p.id}: selection: only a municipal theme's profile has selection criteria`);
    }
    if (t.purpose.end < t.purpose.start) problems.push(`themes/${t.id}: purpose.end: expected a date on or after purpose.start`);
    if (t.kind !== 'municipal' && Object.keys(t.reference).length > 0) {
      problems.push(`themes/${t.id}: reference: only a municipal theme keeps reference data (licences, KvK, crime reports)`);
    }
    if (t.referralsTo !== undefined && (t.kind !== 'municipal' || c.themes.get(t.referralsTo)?.kind !== 'police')) {
      problems.push(`themes/${t.id}: referralsTo: expected a municipal theme naming a police theme in themes/, got "${t.referralsTo}"`);
    }
  }
  for (const s of c.sources.values()) {
    if (!c.themes.has(s.theme)) problems.push(`sources/${s.id}: theme: no theme "${s.theme}" in themes/`);
    if (!c.extractors.has(s.extractor)) problems.push(`sources/${s.id}: extractor: no extractor "${s.extractor}" in extractors/`);
  }
  for (const s of c.schedules.values()) {
    if (!c.themes.has(s.theme)) problems.push(`schedules/${s.id}: theme: no theme "${s.theme}" in themes/`);
    const source = s.source === undefined ? undefined : c.sources.get(s.source);
    if (s.source !== undefined && source?.theme !== s.theme) {
      problems.push(`schedules/${s.id}: source: no source "${s.source}" of theme "${s.theme}" in sources/`);
    }
  }
  return problems;
}

/** An item's id begins with its theme's id (or is it), and no theme's id begins with another's: so
 *  the ids an admin may choose for a theme can never be taken by another theme's item, and a refusal
 *  never tells an admin whether an item of a theme they do not hold exists (see docs/api.md). */
function namespaceProblems(c: Config, fileOf: (ref: string) => string): string[] {
  const problems: string[] = [];
  for (const t of c.themes.values()) {
    const wider = [...c.themes.keys()].find((other) => other !== t.id && t.id.startsWith(`${other}-`));
    if (wider !== undefined) problems.push(`${fileOf(`themes/${t.id}`)}: id: "${t.id}" begins with the id of theme "${wider}"; choose a theme id that does not`);
  }
  for (const kind of ['sources', 'profiles', 'schedules'] as const) {
    for (const item of c[kind].values()) {
      if (!inThemeNamespace(item.id, item.theme)) {
        problems.push(`${fileOf(`${kind}/${item.id}`)}: id: expected "${item.theme}" or an id beginning with "${item.theme}-" (the theme's id), got "${item.id}"`);
      }
    }
  }
  return problems;
}

export function inThemeNamespace(id: string, theme: string): boolean {
  return id === theme || id.startsWith(`${theme}-`);
}

/** A start URL whose host is a private address (or localhost) the theme does not allow. A host name
 *  is judged when the crawler resolves it (src/capture/host-guard.ts); links are followed only on
 *  the start URL's origin, so the start URL is the only host configuration names. */
function privateHostProblems(c: Config, fileOf: (ref: string) => string): string[] {
  const problems: string[] = [];
  for (const s of c.sources.values()) {
    const theme = c.themes.get(s.theme);
    if (!theme) continue;
    const host = new URL(s.start).hostname;
    const refused = (literalAddresses(host) ?? []).filter((a) => addressPolicy(theme.allowPrivateNetworks).refuses(a));
    if (refused.length > 0) {
      problems.push(`${fileOf(`sources/${s.id}`)}: start: host ${host} is a loopback, private or link-local address (${refused.join(', ')}); `
        + `the crawler reaches one only where the theme lists it in allowPrivateNetworks (${fileOf(`themes/${theme.id}`)})`);
    }
  }
  return problems;
}
