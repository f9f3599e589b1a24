// SIGTERM (a service manager stopping the worker) and SIGINT (Ctrl-C): the first asks the process
// to stop taking work and finish what it holds within the grace period; a second stops it at once.
import type { Stopping } from '../crawl/stopping.ts';
import { BakenError } from '../domain/errors.ts';

const DEFAULT_GRACE_MS = 30_000;
const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
// Under `npx`, one Ctrl-C arrives twice: from the terminal and passed on by npm. A second signal
// stops the process at once only when it comes this long after the first.
const SAME_SIGNAL_MS = 1000;

/** `--grace SECONDS`, else BAKEN_STOP_GRACE_MS, else 30 seconds. */
export function graceMs(flag: string | undefined): number {
  const ms = flag !== undefined ? Number(flag) * 1000 : Number(process.env.BAKEN_STOP_GRACE_MS ?? DEFAULT_GRACE_MS);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new BakenError('USAGE', flag !== undefined ? `--grace: expected seconds, got "${flag}"` : `BAKEN_STOP_GRACE_MS: expected milliseconds, got "${process.env.BAKEN_STOP_GRACE_MS}"`);
  }
  return ms;
}

export interface SignalStop extends Stopping {
  /** The signal that asked the process to stop, if one did. */
  signal(): NodeJS.Signals | null;
  /** Stops listening (and the grace timer) once the process is done. */
  dispose(): void;
}

export function stopOnSignals(graceMs: number, onStop: (signal: NodeJS.Signals) => void): SignalStop {
  const draining = new AbortController();
  const handBack = new AbortController();
  let received: NodeJS.Signals | null = null;
  let receivedAt = 0;
  let grace: NodeJS.Timeout | undefined;
  const listener = (signal: NodeJS.Signals) => {
    if (received !== null && performance.now() - receivedAt >= SAME_SIGNAL_MS) process.exit(signalExit(signal));
    if (received !== null) return;
    received = signal;
    receivedAt = performance.now();
    onStop(signal);
    draining.abort();
    grace = setTimeout(() => handBack.abort(), graceMs);
  };
  for (const signal of Object.keys(SIGNALS)) process.on(signal, listener);
  return {
    draining: draining.signal, handBack: handBack.signal, signal: () => received,
    dispose() {
      clearTimeout(grace);
      for (const signal of Object.keys(SIGNALS)) process.off(signal, listener);
    },
  };
}

/** The exit status of a process a signal stopped, as a shell reports it. */
export function signalExit(signal: NodeJS.Signals): number {
  return 128 + SIGNALS[signal as keyof typeof SIGNALS];
}
