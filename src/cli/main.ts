// `baken <command>`: one file per command; errors become one clear line and a stable exit code.
import { BakenError } from '../domain/errors.ts';
import { analyse, usage as analyseUsage } from './analyse.ts';
import { config, usage as configUsage } from './config.ts';
import { crawl, usage as crawlUsage } from './crawl.ts';
import { demo, usage as demoUsage } from './demo.ts';
import { evalCommand, usage as evalUsage } from './eval.ts';
import { exportCommand, usage as exportUsage } from './export.ts';
import { hold, usage as holdUsage } from './hold.ts';
import { importCommand, usage as importUsage } from './import.ts';
import { jobs, usage as jobsUsage } from './jobs.ts';
import { monitor, usage as monitorUsage } from './monitor.ts';
import { network, usage as networkUsage } from './network.ts';
import { purge, usage as purgeUsage } from './purge.ts';
import { report, usage as reportUsage } from './report.ts';
import { search, usage as searchUsage } from './search.ts';
import { serve, usage as serveUsage } from './serve.ts';
import { sites, usage as sitesUsage } from './sites.ts';
import { store, usage as storeUsage } from './store.ts';
import { user, usage as userUsage } from './user.ts';
import { verify, usage as verifyUsage } from './verify.ts';
import { versions, usage as versionsUsage } from './versions.ts';
import { worker, usage as workerUsage } from './worker.ts';
import { printJson } from './output.ts';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  analyse: { run: analyse, usage: analyseUsage },
  config: { run: config, usage: configUsage },
  crawl: { run: crawl, usage: crawlUsage },
  demo: { run: demo, usage: demoUsage },
  eval: { run: evalCommand, usage: evalUsage },
  export: { run: exportCommand, usage: exportUsage },
  hold: { run: hold, usage: holdUsage },
  import: { run: importCommand, usage: importUsage },
  jobs: { run: jobs, usage: jobsUsage },
  monitor: { run: monitor, usage: monitorUsage },
  network: { run: network, usage: networkUsage },
  purge: { run: purge, usage: purgeUsage },
  report: { run: report, usage: reportUsage },
  search: { run: search, usage: searchUsage },
  serve: { run: serve, usage: serveUsage },
  sites: { run: sites, usage: sitesUsage },
  store: { run: store, usage: storeUsage },
  user: { run: user, usage: userUsage },
  verify: { run: verify, usage: verifyUsage },
  versions: { run: versions, usage: versionsUsage },
  worker: { run: worker, usage: workerUsage },
};

const HELP = `baken — lawful-by-design crawler for signals of human trafficking in online ads

Commands:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}

Every command takes --data DIR (env BAKEN_DATA, default ./data) and --config DIR (env BAKEN_CONFIG,
default: the bundled demo configuration); --json prints one machine-readable document on stdout.
--database postgres://… (env BAKEN_DATABASE_URL) keeps the rows in PostgreSQL instead of the data
directory's SQLite file; files stay in the data directory. Env BAKEN_SECRET_KEY (32 bytes in base64)
may hold the key that seals one-time-code secrets, instead of DATA/keys/secret.key.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 64 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`baken: unknown command "${name}"\n\n${HELP}\n`);
    return 64;
  }
  if (args.includes('--help')) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (!(e instanceof BakenError)) throw e;
    if (args.includes('--json')) printJson({ error: { code: e.code, message: e.message, ...(e.rows ? { rows: e.rows } : {}) } });
    process.stderr.write(`baken ${name}: ${e.message}\n`);
    for (const r of e.rows ?? []) process.stderr.write(`  row ${r.row}${r.field ? ` (${r.field})` : ''}: ${r.reason}\n`);
    return e.exitCode;
  }
}
