// `baken config import DIR` / `baken config export DIR`: the configuration's YAML files in and out of
// the database, as a new version or the version in force, under the operator's name and audited.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportConfigFiles, readConfigFiles } from '../config/config-files.ts';
import { BakenError } from '../domain/errors.ts';
import { parse } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken config import DIR | export DIR [--by NAME] [--json]   store a folder\'s configuration as the new version in the database, or write the version in force into an empty folder';

export async function config(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { by: OPERATOR_OPTIONS.by }, true);
  const [sub, folder, ...rest] = positionals;
  if ((sub !== 'import' && sub !== 'export') || folder === undefined || rest.length > 0) throw new BakenError('USAGE', `usage: ${usage}`);
  const dir = resolve(folder);
  if (sub === 'import' && !existsSync(dir)) throw new BakenError('CONFIG_MISSING', `configuration directory ${dir} does not exist`);
  return withApp(values, async (app) => {
    const who = operator(app, 'admin', values);
    if (sub === 'import') {
      const version = await app.services.config.import(who, readConfigFiles(dir), dir);
      if (values.json) printJson({ version: Number(version) });
      else say(`imported ${dir} as configuration version ${version}; running processes pick it up within seconds`);
    } else {
      const { version, files } = await app.services.config.export(who);
      exportConfigFiles(dir, files);
      if (values.json) printJson({ version, files: Object.keys(files).length });
      else say(`wrote configuration version ${version} (${Object.keys(files).length} files) into ${dir}`);
    }
    return 0;
  });
}
