// Bounded concurrency: never more than `concurrency` items at a time. (A crawl's own pacing, the
// politeness delay per host across all workers, lives in the frontier: src/crawl/frontier.ts.)

export async function forEachBounded<T>(items: readonly T[], concurrency: number,
  work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let cursor = 0;
  const run = async (worker: number) => {
    while (cursor < items.length) await work(items[cursor++]!, worker);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, w) => run(w)));
}
