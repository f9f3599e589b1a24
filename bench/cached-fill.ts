// The million-row benchmarks fill their stores once and keep them: a SQLite data directory and a
// PostgreSQL database, each named after the schema version and size by the caller, made under a
// "filling" name and renamed when complete, so an interrupted fill is never taken for a finished one.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';

export async function cachedSqliteDir(dir: string, fill: (filling: string) => Promise<void>): Promise<string> {
  if (existsSync(dir)) return dir;
  const filling = `${dir}.filling`;
  rmSync(filling, { recursive: true, force: true });
  mkdirSync(filling);
  await fill(filling);
  renameSync(filling, dir);
  return dir;
}

/** The database's URL on the server; `fill` gets the URL of the database being filled. */
export async function cachedPostgresDatabase(server: string, name: string, fill: (url: string) => Promise<void>): Promise<string> {
  const url = new URL(server);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    url.pathname = `/${name}`;
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1) return url.toString();
    await admin.query(`DROP DATABASE IF EXISTS ${name}_filling WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}_filling`);
    url.pathname = `/${name}_filling`;
    await fill(url.toString());
    await admin.query(`ALTER DATABASE ${name}_filling RENAME TO ${name}`);
    url.pathname = `/${name}`;
    return url.toString();
  } finally {
    await admin.end();
  }
}
