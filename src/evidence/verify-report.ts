// What `baken verify` prints: how many things it checked, how many were sound, and each failure
// named by the thing it concerns (a blob, a capture, an ad, a run, a log entry or the store).
export interface VerifyFailure { what: string; why: string }
export interface VerifyReport { checked: number; ok: number; failures: VerifyFailure[] }

export class Report {
  checked = 0;
  ok = 0;
  failures: VerifyFailure[] = [];
  /** Each thing checked, in order, and whether it was sound. */
  readonly items: { what: string; ok: boolean }[] = [];
  item(what: string, problems: string[]): void {
    this.checked++;
    this.items.push({ what, ok: problems.length === 0 });
    if (problems.length === 0) this.ok++;
    for (const why of problems) this.failures.push({ what, why });
  }
  done(): VerifyReport { return { checked: this.checked, ok: this.ok, failures: this.failures }; }
}

/** One problem per pair whose values differ; the values are ids, versions and times, never ad content. */
export function differences(against: string, pairs: [what: string, expected: unknown, actual: unknown][]): string[] {
  return pairs.filter(([, expected, actual]) => expected !== actual)
    .map(([what, expected, actual]) => `${what} is ${String(actual)} in the store but ${String(expected)} in ${against}`);
}
