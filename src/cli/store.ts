// `baken store copy`: moves an installation from its data directory's embedded store into PostgreSQL,
// or back into a new data directory, under the operator's name like every other command.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { withoutPassword } from '../log.ts';
import { copyInstallation, type Installation } from '../services/store-copy.service.ts';
import { configDir, dataDir, parse, requireString } from './args.ts';
import { operator, OPERATOR_OPTIONS } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken store copy --from DATA_DIR --to postgres://… | --from postgres://… [--data DIR] --to NEW_DATA_DIR [--include-staged] [--by NAME] [--json]   '
  + 'move an installation into PostgreSQL or back, everything in it';

const POSTGRES = /^postgres(ql)?:\/\//;

export async function store(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'copy') throw new BakenError('USAGE', `unknown store command "${sub ?? ''}"; usage: ${usage}`);
  const { values } = parse(rest, { by: OPERATOR_OPTIONS.by, from: { type: 'string' }, to: { type: 'string' }, 'include-staged': { type: 'boolean', default: false } });
  const from = end(requireString(values.from, 'from'));
  const to = end(requireString(values.to, 'to'));
  // A PostgreSQL installation keeps its files in the data directory its machines share: the one
  // moved from when moving into PostgreSQL, --data (as for every command) when moving out.
  if (from.database === null) to.dataDir = from.dataDir;
  else from.dataDir = dataDir(values.data);
  const config = loadConfig(configDir(values.config));
  const r = await copyInstallation(operator({ config }, 'admin', values), config, { from, to, includeStaged: values['include-staged'] });
  const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
  if (values.json) printJson({ from: r.from, to: r.to, dataDir: r.dataDir, rows, files: r.files, tables: r.tables });
  else {
    say(`copied ${rows} rows of ${Object.keys(r.tables).length} tables from the ${r.from} store to ${r.to === 'postgres' ? withoutPassword(values.to!) : r.dataDir}`);
    say(r.to === 'postgres' ? `the files stay in ${r.dataDir}: run the installation with --data ${r.dataDir} --database …`
      : `${r.files} files copied into ${r.dataDir}`);
  }
  return 0;
}

function end(place: string): Installation {
  return POSTGRES.test(place) ? { dataDir: '', database: place } : { dataDir: resolve(place), database: null };
}
