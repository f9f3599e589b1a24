// `baken import`: a municipal theme's reference data (licence register, KvK extract, crime-report
// extract) from a CSV or Excel file, through the application layer as an admin of that theme, so it
// is checked, versioned and audited as an upload in the dashboard is. A file with bad rows imports
// nothing; the rows and reasons are printed and the command exits non-zero.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { TABLE_LIMITS } from '../municipal/read-table.ts';
import { REFERENCE_KINDS } from '../municipal/types.ts';
import { parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = `baken import ${REFERENCE_KINDS.join('|')} --theme T FILE [--map field=Header]... [--by NAME]`;

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...OPERATOR_OPTIONS, theme: { type: 'string' }, map: { type: 'string', multiple: true } }, true);
  const [kind, file, ...rest] = positionals;
  if (kind === undefined || file === undefined || rest.length > 0) throw new BakenError('USAGE', `usage: ${usage}`);
  const theme = requireString(values.theme, 'theme');
  const path = resolve(file);
  const bytes = readFileOf(path);
  return withApp(values, async (app) => {
    const who = operator(app, 'admin', values, theme);
    const imported = await refusalsAudited(app, who, { themes: [theme], query: { command: 'import', kind, file: basename(path) } },
      () => app.services.reference.import(who, { theme, kind, fileName: basename(path), bytes, columns: mappingOf(values.map ?? []) }));
    if (values.json) printJson(imported);
    else say(`imported ${imported.rows} rows as version ${imported.version} of ${imported.kind} in ${imported.theme}`);
    return 0;
  });
}

function readFileOf(path: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new BakenError('INPUT_INVALID', `cannot read ${path}: no such file`, { cause });
  }
  // The same limit as an upload, checked before the file is read into memory.
  if (size > TABLE_LIMITS.bytes) throw new BakenError('INPUT_INVALID', `${path} is larger than ${TABLE_LIMITS.bytes / 1024 / 1024} MB; split it`);
  return readFileSync(path);
}

/** `--map licence=Vergunningnummer`: one column of the theme's configured mapping, overridden. */
function mappingOf(maps: string[]): Record<string, string> {
  return Object.fromEntries(maps.map((m) => {
    const at = m.indexOf('=');
    if (at <= 0 || at === m.length - 1) throw new BakenError('USAGE', `--map ${m}: expected field=Header, e.g. --map licence=Vergunningnummer`);
    return [m.slice(0, at).trim(), m.slice(at + 1).trim()];
  }));
}
