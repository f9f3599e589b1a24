// Opens a PostgreSQL database for Baken and brings its schema up to date. Several processes (API,
// workers on many machines) may open it at once: migrations run under an advisory lock.
import pg from 'pg';
import { BakenError } from '../../domain/errors.ts';
import { withoutPassword } from '../../log.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.postgres.ts';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** Anything queries can be sent to: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

// bigint columns (rids, byte counts, sequence numbers) stay far below 2^53: read them as numbers,
// not as the strings pg gives by default.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

/** The key of the advisory lock that migrations take; any fixed number unique to Baken. */
const MIGRATION_LOCK = 0x6261_6b65; // "bake"

export async function openPostgres(url: string): Promise<Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // The pool drops an idle connection the server ends (a restart, a failover) and opens another on
  // the next query; without a listener, that connection's error would crash the process.
  pool.on('error', () => undefined);
  try {
    await transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS baken_schema (version integer NOT NULL)');
      const row = (await client.query<{ version: number }>('SELECT version FROM baken_schema')).rows[0];
      const current = row?.version ?? 0;
      if (current > SCHEMA_VERSION) {
        throw new Error(`the database has schema version ${current}, newer than this version of Baken understands `
          + `(${SCHEMA_VERSION}); upgrade Baken before using this database`);
      }
      for (let version = current; version < SCHEMA_VERSION; version++) await client.query(MIGRATIONS[version]!);
      if (row === undefined) await client.query('INSERT INTO baken_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
      else await client.query('UPDATE baken_schema SET version = $1', [SCHEMA_VERSION]);
    });
    return pool;
  } catch (err) {
    await pool.end();
    throw new BakenError('STORE_UNAVAILABLE', `cannot use the PostgreSQL database ${withoutPassword(url)}: ${(err as Error).message}`, { cause: err });
  }
}

/** Runs `work` in one transaction on one client: committed if it returns, rolled back if it throws. */
/** `begin` may set the transaction's isolation and access mode in the same round trip. */
export async function transaction<T>(pool: Pool, work: (client: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** PostgreSQL reports a violated UNIQUE constraint with this SQLSTATE. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}
