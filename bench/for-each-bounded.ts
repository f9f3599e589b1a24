// Bounded concurrency for the benchmark's bare-Playwright baseline: never more than `concurrency`
// items at a time. (Baken's own tabs lease their pages from the frontier: src/crawl/work-pages.ts.)

export async function forEachBounded<T>(items: readonly T[], concurrency: number,
  work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let cursor = 0;
  const run = async (worker: number) => {
    while (cursor < items.length) await work(items[cursor++]!, worker);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, w) => run(w)));
}
