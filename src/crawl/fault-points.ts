// Crash tests need to kill the crawler at one exact moment: between writing an ad's blobs and
// committing its row. BAKEN_FAULT names that moment; unset (always, outside tests) it does nothing.
export type FaultPoint = 'before-commit';

export function faultPoint(point: FaultPoint): void {
  if (process.env.BAKEN_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
