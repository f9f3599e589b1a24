// Prepared-statement cache and transactions on one connection, for the store and the API's adapters.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export class Statements {
  readonly db: DatabaseSync;
  readonly #cache = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  sql(text: string): StatementSync {
    let statement = this.#cache.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.#cache.set(text, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }
}

/** SQLite reports a violated UNIQUE constraint with this errcode (SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && (err as { errcode?: number }).errcode === 2067;
}
