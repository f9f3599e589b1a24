// The demo's reference data: each theme's configured files (`reference.<kind>.file`), imported
// through the application layer like any upload. A file not there yet is skipped; one already in
// force (same SHA-256) is not imported again, so running the demo twice adds no versions.
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Who } from '../accounts/actor.ts';
import type { ApiApp } from '../app.ts';
import { sha256Hex } from '../domain/canonical-json.ts';
import { REFERENCE_KINDS, type ReferenceImport } from '../municipal/types.ts';

export async function importDemoReference(app: ApiApp, who: Who): Promise<ReferenceImport[]> {
  const imported: ReferenceImport[] = [];
  for (const theme of app.config.themes.values()) {
    const wanted = REFERENCE_KINDS.flatMap((kind) => {
      const file = theme.reference[kind]?.file;
      return file === undefined ? [] : [{ kind, path: resolve(app.config.dir, file) }];
    }).filter((w) => existsSync(w.path));
    if (wanted.length === 0) continue;
    const { imports: versions } = await app.services.reference.versions(who, theme.id);
    for (const { kind, path } of wanted) {
      const bytes = readFileSync(path);
      if (versions.find((v) => v.kind === kind)?.sha256 === sha256Hex(bytes)) continue;
      imported.push(await app.services.reference.import(who, { theme: theme.id, kind, fileName: basename(path), bytes }));
    }
  }
  return imported;
}
