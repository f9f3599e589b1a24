// Bounded concurrency with a politeness delay per host: never more than `concurrency` pages at a
// time, and never two requests to one host closer together than `delayMs`.

export class HostPacer {
  private readonly next = new Map<string, number>();
  private readonly delayMs: number;
  constructor(delayMs: number) { this.delayMs = delayMs; }

  /** Resolves when a request to the URL's host may start, and books the slot. */
  async wait(url: string): Promise<void> {
    const host = new URL(url).host;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.delayMs);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

export async function forEachBounded<T>(items: readonly T[], concurrency: number,
  work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let cursor = 0;
  const run = async (worker: number) => {
    while (cursor < items.length) await work(items[cursor++]!, worker);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, w) => run(w)));
}

export async function withRetries<T>(attempt: (n: number) => Promise<T>, retries: number,
  retryable: (e: unknown) => boolean, backoffMs = 500): Promise<{ value: T; attempts: number }> {
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (e) {
      if (n > retries || !retryable(e)) throw Object.assign(e as object, { attempts: n });
      await new Promise((r) => setTimeout(r, backoffMs * 2 ** (n - 1)));
    }
  }
}
