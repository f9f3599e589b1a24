// Crash tests need to kill the crawler at one exact moment: between writing an ad's blobs and
// committing its row, or once an ad is in staging. BAKEN_FAULT names that moment; unset (always,
// outside tests) it does nothing.
export type FaultPoint = 'before-commit' | 'after-staging';

export function faultPoint(point: FaultPoint): void {
  if (process.env.BAKEN_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
