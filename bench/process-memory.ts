// Resident memory of this Node process and of every Chromium process it started, read from /proc:
// Chromium runs as a tree of processes (browser, GPU, one renderer per site), all children of ours.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Bytes resident in this process and its Chromium descendants now. */
export function residentBytes(): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const chromium = new Set<number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      // The command name sits in parentheses and may hold spaces: the fields follow the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * PAGE_BYTES);
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('chrom')) chromium.add(pid);
    } catch {
      // The process ended while we listed it.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = rss.get(process.pid) ?? 0;
  for (const pid of chromium) if (descends(pid)) total += rss.get(pid)!;
  return total;
}

export interface MemorySamples { stop(): { peak: number; growthLastHalf: number; samples: number } }

/** Samples residentBytes() every `everyMs` until stopped; growth is the least-squares trend over the
 *  last half of the samples, in bytes from its start to its end. */
export function sampleMemory(everyMs = 1000): MemorySamples {
  const samples: { t: number; bytes: number }[] = [];
  const take = () => samples.push({ t: performance.now(), bytes: residentBytes() });
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const half = samples.slice(Math.floor(samples.length / 2));
      const n = half.length;
      const mt = half.reduce((s, x) => s + x.t, 0) / n;
      const mb = half.reduce((s, x) => s + x.bytes, 0) / n;
      const cov = half.reduce((s, x) => s + (x.t - mt) * (x.bytes - mb), 0);
      const vt = half.reduce((s, x) => s + (x.t - mt) ** 2, 0);
      const slope = vt === 0 ? 0 : cov / vt;
      return { peak: Math.max(...samples.map((x) => x.bytes)), growthLastHalf: slope * (half[n - 1]!.t - half[0]!.t), samples: samples.length };
    },
  };
}
