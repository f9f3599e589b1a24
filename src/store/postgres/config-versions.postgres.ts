// The configuration's versions in PostgreSQL, which every machine's processes poll.
import { BakenError } from '../../domain/errors.ts';
import { conflictMessage, versionOfRow, type ConfigVersion, type ConfigVersionRow, type ConfigVersionStore, type NewConfigVersion } from '../config-versions.ts';
import { isUniqueViolation, openPostgres, type Pool } from './database.postgres.ts';

export async function openPostgresConfigVersions(url: string): Promise<ConfigVersionStore> {
  return new PostgresConfigVersions(await openPostgres(url));
}

class PostgresConfigVersions implements ConfigVersionStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async latestNumber(): Promise<number | null> {
    return (await this.#pool.query<{ n: number | null }>('SELECT max(number) AS n FROM config_versions')).rows[0]!.n;
  }

  async latest(): Promise<ConfigVersion | null> {
    const { rows } = await this.#pool.query<ConfigVersionRow>('SELECT * FROM config_versions ORDER BY number DESC LIMIT 1');
    return rows[0] ? versionOfRow(rows[0]) : null;
  }

  async add(after: number | null, v: NewConfigVersion): Promise<ConfigVersion> {
    const number = (after ?? 0) + 1;
    // Two processes storing the version after the same one both try its number: the key lets one in.
    try {
      const { rowCount } = await this.#pool.query(`
        INSERT INTO config_versions (number, files, by_name, at, reason)
        SELECT $1, $2, $3, $4, $5 WHERE (SELECT max(number) FROM config_versions) IS NOT DISTINCT FROM $6::integer`,
      [number, JSON.stringify(v.files), v.by, v.at, v.reason, after]);
      if (rowCount === 0) throw new BakenError('CONFLICT', conflictMessage(after));
    } catch (err) {
      if (isUniqueViolation(err)) throw new BakenError('CONFLICT', conflictMessage(after), { cause: err });
      throw err;
    }
    return { number, ...v };
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
