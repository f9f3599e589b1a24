// PostgreSQL as either end of `baken store copy` (../store-copy.ts): read in one repeatable-read
// transaction (one moment, while workers may still write), or written in one transaction that
// commits everything or nothing.
import type { LogEntry } from '../../domain/hash-chain.ts';
import type { CopySource, CopyTarget, Row, TableShape } from '../store-copy.ts';
import { openPostgres, type Client, type Pool } from './database.postgres.ts';

export async function openPostgresCopySource(url: string): Promise<CopySource> {
  const { pool, client } = await connect(url);
  const end = async () => { client.release(); await pool.end(); };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const schema = await readSchema(client);
    return {
      kind: 'postgres',
      tables: async () => schema.tables,
      count: (table) => count(client, table),
      async rows(table, batch) {
        const key = schema.keys.get(table.name) ?? [];
        const at = key.map((k) => table.columns.indexOf(k));
        const select = `SELECT ${table.columns.map((c) => readable(schema, table.name, c)).join(', ')} FROM ${quote(table.name)}`;
        if (key.length === 0) {
          const { rows } = await client.query<Row>({ text: select, rowMode: 'array' });
          if (rows.length > 0) await batch(rows);
          return;
        }
        // Keyset pages: each page starts after the last key of the one before.
        const order = ` ORDER BY ${key.map(quote).join(', ')} LIMIT ${BATCH}`;
        const after = ` WHERE (${key.map(quote).join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})`;
        const page = async (last: unknown[] | null): Promise<Row[]> =>
          (await client.query<Row>({ text: select + (last ? after : '') + order, values: last ?? [], rowMode: 'array' })).rows;
        for (let rows = await page(null); ; rows = await page(at.map((i) => rows.at(-1)![i]))) {
          if (rows.length > 0) await batch(rows);
          if (rows.length < BATCH) return;
        }
      },
      async close() {
        await client.query('ROLLBACK').catch(() => undefined);
        await end();
      },
    };
  } catch (e) {
    await end();
    throw e;
  }
}

export async function openPostgresCopyTarget(url: string): Promise<CopyTarget> {
  const { pool, client } = await connect(url);
  let open = true;
  const end = async () => { if (open) { open = false; client.release(); await pool.end(); } };
  try {
    await client.query('BEGIN');
    const schema = await readSchema(client);
    // No other process writes until the copy commits, so a target found empty stays empty until then.
    await client.query(`LOCK TABLE ${schema.tables.map((t) => quote(t.name)).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    return {
      kind: 'postgres',
      tables: async () => schema.tables,
      count: (table) => count(client, table),
      order: async (tables) => parentsFirst(tables, await parents(client)),
      async insert(table, columns, rows) {
        const numbered = schema.tables.find((t) => t.name === table)?.numbered ?? [];
        const overriding = columns.some((c) => numbered.includes(c)) ? ' OVERRIDING SYSTEM VALUE' : '';
        const per = Math.max(1, Math.min(BATCH, Math.floor(MAX_PARAMETERS / columns.length)));
        for (let i = 0; i < rows.length; i += per) {
          const slice = rows.slice(i, i + per);
          const values = slice.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})${overriding} VALUES ${values}`,
            slice.flat().map(pgValue));
        }
      },
      async lastEntry(log) {
        const { rows } = await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM log_entries WHERE log = $1 ORDER BY seq DESC LIMIT 1', [log]);
        return rows[0] ?? null;
      },
      async append(e: LogEntry) {
        await client.query('INSERT INTO log_entries (log, seq, at, prev_hash, hash, body) VALUES ($1, $2, $3, $4, $5, $6)',
          [e.log, e.seq, e.at, e.prevHash, e.hash, JSON.stringify(e.body)]);
      },
      async commit() {
        // Rows copied with their numbers (an ad's rid) leave the identity's sequence behind them.
        for (const t of schema.tables) {
          for (const c of t.numbered) {
            await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${quote(c)}), 0) + 1 FROM ${quote(t.name)}), false)`, [quote(t.name), c]);
          }
        }
        await client.query('COMMIT');
        await end();
      },
      async abort() {
        if (!open) return;
        await client.query('ROLLBACK').catch(() => undefined);
        await end();
      },
    };
  } catch (e) {
    await end();
    throw e;
  }
}

const BATCH = 500;
const MAX_PARAMETERS = 60_000;

async function connect(url: string): Promise<{ pool: Pool; client: Client }> {
  const pool = await openPostgres(url);
  try {
    return { pool, client: await pool.connect() };
  } catch (e) {
    await pool.end();
    throw e;
  }
}

interface Schema { tables: TableShape[]; keys: Map<string, string[]>; json: Set<string> }

/** Every table of the schema but the schema version's own. */
async function readSchema(client: Client): Promise<Schema> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(`
    SELECT c.table_name, c.column_name, c.data_type, c.is_identity
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'baken_schema'
    ORDER BY c.table_name, c.ordinal_position`);
  const tables = new Map<string, TableShape>();
  const json = new Set<string>();
  for (const r of rows) {
    const t = tables.get(r.table_name) ?? { name: r.table_name, columns: [], numbered: [] };
    tables.set(r.table_name, t);
    t.columns.push(r.column_name);
    if (r.is_identity === 'YES') t.numbered.push(r.column_name);
    if (r.data_type === 'json' || r.data_type === 'jsonb') json.add(`${r.table_name}.${r.column_name}`);
  }
  const keyRows = await client.query<{ table_name: string; column_name: string }>(`
    SELECT k.table_name, k.column_name
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
    WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
    ORDER BY k.table_name, k.ordinal_position`);
  const keys = new Map<string, string[]>();
  for (const r of keyRows.rows) keys.set(r.table_name, [...keys.get(r.table_name) ?? [], r.column_name]);
  return { tables: [...tables.values()], keys, json };
}

/** JSON that is evidence is read as the text it was stored as: parsed and written again, numbers and
 *  spacing could change and its hash with them. */
function readable(schema: Schema, table: string, column: string): string {
  return schema.json.has(`${table}.${column}`) ? `${quote(column)}::text` : quote(column);
}

/** Foreign keys checked on each row (not deferred to commit): the child's parent table must be written first. */
async function parents(client: Client): Promise<{ child: string; parent: string }[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT cl.relname AS child, pa.relname AS parent
    FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    WHERE k.contype = 'f' AND NOT k.condeferrable AND k.connamespace = current_schema()::regnamespace`);
  return rows;
}

function parentsFirst(tables: string[], links: { child: string; parent: string }[]): string[] {
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !links.some((l) => l.child === t && l.parent !== t && pending.has(l.parent)));
    // A cycle of checked keys cannot be written row by row; the insert names the key it breaks.
    for (const t of ready.length > 0 ? ready : [...pending]) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

async function count(client: Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
  return rows[0]!.n;
}

function pgValue(v: unknown): unknown {
  return v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
