// Anchors the hash-chained logs outside the database as a process writes to them: a signed
// checkpoint of each log's head (checkpoints.ts) at the process's first write to that log, then after every
// CHECKPOINT_EVERY writes or CHECKPOINT_AFTER_MS while it writes, at every export and when it
// closes. Entries written since the last checkpoint are the only ones a database-level attacker can
// cut unseen; the interval bounds how many that can be (docs/evidence.md).
import type { LogName } from '../domain/hash-chain.ts';
import type { Store } from '../store/store.ts';
import { appendCheckpoints } from './checkpoints.ts';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.ts';

export const CHECKPOINT_EVERY = 100;
export const CHECKPOINT_AFTER_MS = 5 * 60_000;

/** The store methods that may append a log entry (see their comments in store.ts): all but
 *  appendLog write to the custody log. */
const APPENDING: ReadonlySet<string> = new Set<keyof Store>([
  'appendLog', 'finishRun', 'recordFailure', 'saveAd', 'sightIfUnchanged', 'markGone', 'purgeStaging',
  'placeHold', 'releaseHold', 'purgeExpired',
]);

export interface AnchorOptions { every?: number; now?: () => Date }

export class LogAnchor {
  readonly #store: Store;
  readonly #dataDir: string;
  readonly #every: number;
  readonly #now: () => Date;
  readonly #timer: NodeJS.Timeout;
  #key: SigningKey | null = null;
  #writes = 0;
  #lastAt: number | null = null;
  /** The head this process last anchored per log: an unchanged head is not anchored twice. */
  readonly #anchored = new Map<LogName, string>();
  #queue: Promise<void> = Promise.resolve();

  constructor(store: Store, dataDir: string, opts: AnchorOptions = {}) {
    this.#store = store;
    this.#dataDir = dataDir;
    this.#every = opts.every ?? CHECKPOINT_EVERY;
    this.#now = opts.now ?? (() => new Date());
    // A quiet spell after a burst of writes still gets its checkpoint; a failure here resurfaces
    // on the process's next write, which retries and fails the write's caller.
    this.#timer = setInterval(() => {
      if (this.#writes > 0) this.checkpoint().catch((e: unknown) => process.emitWarning(`log checkpoint failed: ${(e as Error).message}`));
    }, CHECKPOINT_AFTER_MS).unref();
  }

  async afterWrite(log: LogName): Promise<void> {
    this.#writes++;
    const due = !this.#anchored.has(log) || this.#lastAt === null || this.#writes >= this.#every
      || this.#now().getTime() - this.#lastAt >= CHECKPOINT_AFTER_MS;
    if (due) await this.checkpoint();
  }

  /** Anchors every log whose head moved; checkpoints of one process follow one another. */
  checkpoint(): Promise<void> {
    const next = this.#queue.then(() => this.#write());
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    if (this.#writes > 0) await this.checkpoint();
  }

  async #write(): Promise<void> {
    const writes = this.#writes;
    this.#writes = 0;
    const now = this.#now();
    try {
      const key = this.#key ??= loadOrCreateSigningKey(this.#dataDir);
      await this.#store.withLogHeads((heads) => {
        const moved = heads.filter((h) => this.#anchored.get(h.log) !== h.hash);
        if (moved.length > 0) appendCheckpoints(this.#dataDir, key, moved, now.toISOString());
        for (const h of moved) this.#anchored.set(h.log, h.hash);
      });
      this.#lastAt = now.getTime();
    } catch (e) {
      this.#writes += writes;
      this.#lastAt = null;
      throw e;
    }
  }
}

/** The store with every appending call followed by the anchor's check; closing it anchors what is
 *  new first. The calls reach the store itself, whose private state a proxy cannot see. */
export function anchoredStore(store: Store, dataDir: string, opts?: AnchorOptions): { store: Store; anchor: LogAnchor } {
  const anchor = new LogAnchor(store, dataDir, opts);
  const wrapped = new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function') return value;
      const call = value as (...args: unknown[]) => unknown;
      if (name === 'close') return async () => { try { await anchor.close(); } finally { await target.close(); } };
      if (typeof name !== 'string' || !APPENDING.has(name)) return call.bind(target);
      return async (...args: unknown[]) => {
        const result = await call.apply(target, args);
        await anchor.afterWrite(name === 'appendLog' ? args[0] as LogName : 'custody');
        return result;
      };
    },
  });
  return { store: wrapped, anchor };
}
