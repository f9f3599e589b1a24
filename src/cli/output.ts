// How commands talk to people and to programs: one JSON document on stdout with --json, readable
// lines otherwise, progress on stderr only when it is a terminal.

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function progress(enabled: boolean) {
  const tty = enabled && process.stderr.isTTY;
  return {
    update(label: string, done: number, total: number) {
      if (tty) process.stderr.write(`\r\x1b[K${label} ${done}/${total}`);
    },
    end() { if (tty) process.stderr.write('\r\x1b[K'); },
  };
}
