// Copies every row of one installation's store into another of the other engine (`baken store copy`):
// the table list is read from both schemas, never written down here, so a table added to the schema
// is copied too, and a table only one engine has stops the copy before anything is written.
// Rows, logs and signatures are copied as stored, byte for byte: a copy repairs nothing, so `verify`
// finds on the target what it finds on the source.
import { BakenError } from '../domain/errors.ts';
import { entryHash, GENESIS_HASH, type LogBody, type LogEntry } from '../domain/hash-chain.ts';

export type StoreKind = 'embedded' | 'postgres';
export type Row = unknown[];

/** A table as its schema has it. `numbered`: columns the database numbers itself (PostgreSQL's
 *  identity columns), which the other engine may keep as its row order instead. */
export interface TableShape { name: string; columns: string[]; numbered: string[] }

/** The installation copied from, read as of one moment (one read transaction). */
export interface CopySource {
  readonly kind: StoreKind;
  tables(): Promise<TableShape[]>;
  count(table: string): Promise<number>;
  /** Every row of the table in its key's order, in batches. */
  rows(table: TableShape, batch: (rows: Row[]) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The installation copied into; nothing it writes is seen before `commit`, and `abort` leaves it as it was. */
export interface CopyTarget {
  readonly kind: StoreKind;
  tables(): Promise<TableShape[]>;
  count(table: string): Promise<number>;
  /** The tables in an order where every row's parent rows are written first. */
  order(tables: string[]): Promise<string[]>;
  insert(table: string, columns: string[], rows: Row[]): Promise<void>;
  lastEntry(log: LogEntry['log']): Promise<Pick<LogEntry, 'seq' | 'hash'> | null>;
  append(entry: LogEntry): Promise<void>;
  /** Rebuilds what the engine derives outside its triggers (SQLite's full-text index), then commits. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Filled by each engine's own triggers as the rows they derive from arrive: the search rows, their
 *  change numbers, and the phone numbers, indicator ids and picture hashes of each capture. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['ad_search', 'ad_search_changes', 'ad_search_deletions', 'capture_phones', 'capture_indicators',
  'capture_image_hashes']);

/** Ads awaiting the end of a run in flight. */
const STAGED = 'staged_ads';

export type CopyCounts = Record<string, number>;

export interface CopyOptions {
  /** Copy even while a run has ads staged: they travel as they are, and are judged or purged where that run ends. */
  includeStaged: boolean;
  /** The audit entry that records the copy, appended to the target's trail in the same transaction. */
  closing: (counts: CopyCounts) => LogBody;
  at: string;
}

/** The tables both schemas hold, less the derived ones; throws when the schemas differ. */
export function copiedTables(from: TableShape[], to: TableShape[], kinds: { from: StoreKind; to: StoreKind }): TableShape[] {
  const own = (tables: TableShape[]) => new Map(tables.filter((t) => !DERIVED_TABLES.has(t.name)).map((t) => [t.name, t]));
  const source = own(from);
  const target = own(to);
  const problems = [
    ...[...source.keys()].filter((n) => !target.has(n)).map((n) => `table ${n} exists in the ${kinds.from} store only`),
    ...[...target.keys()].filter((n) => !source.has(n)).map((n) => `table ${n} exists in the ${kinds.to} store only`),
  ];
  for (const [name, table] of source) {
    const columns = new Set(target.get(name)?.columns ?? table.columns);
    for (const c of table.columns) if (!columns.has(c) && !table.numbered.includes(c)) problems.push(`column ${name}.${c} exists in the ${kinds.from} store only`);
  }
  if (problems.length > 0) {
    throw new BakenError('STORE_REJECTED', `the two schemas differ, so not everything could be copied (${problems.join('; ')}); `
      + 'open both with the same version of Baken');
  }
  return [...source.values()];
}

export async function copyStore(source: CopySource, target: CopyTarget, opts: CopyOptions): Promise<CopyCounts> {
  try {
    const tables = copiedTables(await source.tables(), await target.tables(), { from: source.kind, to: target.kind });
    const targetColumns = new Map((await target.tables()).map((t) => [t.name, new Set(t.columns)]));
    const staged = await source.count(STAGED);
    if (staged > 0 && !opts.includeStaged) {
      throw new BakenError('CONFLICT', `a run is in flight: ${staged} ads are staged until it ends; copy after it ends, `
        + 'or pass --include-staged to copy them as they are');
    }
    const filled: string[] = [];
    for (const t of tables) {
      const n = await target.count(t.name);
      if (n > 0) filled.push(`${t.name}: ${n}`);
    }
    if (filled.length > 0) throw new BakenError('CONFLICT', `the target store is not empty (${filled.join(', ')}); copy only into an empty one`);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const counts: CopyCounts = {};
    for (const name of await target.order(tables.map((t) => t.name))) {
      const table = byName.get(name)!;
      const kept = table.columns.map((c, i) => [c, i] as const).filter(([c]) => targetColumns.get(name)!.has(c));
      const columns = kept.map(([c]) => c);
      counts[name] = 0;
      await source.rows(table, async (rows) => {
        await target.insert(name, columns, rows.map((r) => kept.map(([, i]) => r[i])));
        counts[name]! += rows.length;
      });
    }
    await target.append(await closingEntry(target, opts.closing(counts), opts.at));
    await target.commit();
    return counts;
  } catch (e) {
    await target.abort();
    throw e;
  }
}

async function closingEntry(target: CopyTarget, body: LogBody, at: string): Promise<LogEntry> {
  const last = await target.lastEntry('audit');
  const entry = { log: 'audit' as const, seq: (last?.seq ?? 0) + 1, at, prevHash: last?.hash ?? GENESIS_HASH, body };
  return { ...entry, hash: entryHash(entry) };
}
