import { createTwoFilesPatch } from 'diff';
import { BakenError } from '../domain/errors.ts';
import type { AdVersion } from '../services/ads.service.ts';
import { integer, parse, requireString } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken versions --ad ID --justification WHY [--diff A,B] [--by NAME] [--json]   list the versions of an ad; compare two as a text diff';

export async function versions(args: string[]): Promise<number> {
  const { values } = parse(args, { ...OPERATOR_OPTIONS, ad: { type: 'string' }, diff: { type: 'string' } });
  const id = requireString(values.ad, 'ad');
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    const list = await refusalsAudited(app, who, { resources: [id], query: { command: 'versions' }, justification: values.justification ?? null }, () =>
      app.services.ads.versions(who, id, justificationOf(values)));
    const diff = values.diff ? diffOf(list, values.diff) : undefined;
    if (values.json) {
      printJson({ ad: id, versions: list.map(({ fields: _, ...v }) => v), ...(diff !== undefined ? { diff } : {}) });
      return 0;
    }
    for (const v of list) say(`version ${v.version}  ${v.capturedAt}  capture ${v.captureId}`);
    if (diff !== undefined) say(diff);
    return 0;
  });
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
