import { parse, requireString } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken network --ad ID --justification WHY [--theme T] [--by NAME] [--json]   the kept ads linked to an ad by phone, photo or template text';

export async function network(args: string[]): Promise<number> {
  const { values } = parse(args, { ...OPERATOR_OPTIONS, ad: { type: 'string' }, theme: { type: 'string' } });
  const id = requireString(values.ad, 'ad');
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values, values.theme);
    const found = await refusalsAudited(app, who, { resources: [id], query: { command: 'network' }, justification: values.justification ?? null }, () =>
      app.services.ads.network(who, id, justificationOf(values)));
    if (values.json) printJson(found);
    else {
      say(`${found.ads.length} ads in the network of ${id}${found.truncated ? ' (truncated)' : ''}`);
      for (const l of found.links) say(`${l.a}  ${l.b}  ${l.reason}  ${l.value}`);
    }
    return 0;
  });
}
