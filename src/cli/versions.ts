import { createTwoFilesPatch } from 'diff';
import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import type { AdVersion } from '../store/store.ts';
import { configDir, integer, parse, requireString, storage } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken versions --ad ID [--diff A,B] [--json]   list the versions of an ad; compare two as a text diff';

export async function versions(args: string[]): Promise<number> {
  const { values } = parse(args, { ad: { type: 'string' }, diff: { type: 'string' } });
  const id = requireString(values.ad, 'ad');
  const config = loadConfig(configDir(values.config));
  const app = await openApp({ ...storage(values), config });
  try {
    const list = await app.store.versions(id, [...config.themes.keys()]);
    if (list.length === 0) throw new BakenError('NOT_FOUND', `no ad ${id}`);
    const diff = values.diff ? diffOf(list, values.diff) : undefined;
    if (values.json) {
      printJson({ ad: id, versions: list.map(({ fields: _, ...v }) => v), ...(diff !== undefined ? { diff } : {}) });
      return 0;
    }
    for (const v of list) say(`version ${v.version}  ${v.capturedAt}  capture ${v.captureId}`);
    if (diff !== undefined) say(diff);
    return 0;
  } finally {
    await app.close();
  }
}

/** A unified diff of the two versions' fields, one field per line, so a changed price shows as such. */
function diffOf(list: AdVersion[], spec: string): string {
  const [a, b] = spec.split(',').map((n) => integer(n.trim(), 'diff', 0));
  const from = list.find((v) => v.version === a);
  const to = list.find((v) => v.version === b);
  if (!from || !to) throw new BakenError('USAGE', `--diff: expected two versions of ${list.map((v) => v.version).join(', ')}, as A,B`);
  const lines = (v: AdVersion) => Object.entries(v.fields).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`).join('\n');
  return createTwoFilesPatch(`version ${from.version}`, `version ${to.version}`, `${lines(from)}\n`, `${lines(to)}\n`, from.capturedAt, to.capturedAt);
}
