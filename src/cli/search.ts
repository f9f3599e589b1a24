import { integer, parse } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken search "query" --justification WHY [--theme T] [--limit N] [--by NAME] [--json]   search kept ads';

export async function search(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...OPERATOR_OPTIONS, theme: { type: 'string' }, limit: { type: 'string' } }, true);
  const text = positionals.join(' ').trim();
  const limit = integer(values.limit, 'limit', 20);
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    const result = await refusalsAudited(app, who, { query: { command: 'search', theme: values.theme }, justification: values.justification ?? null }, () =>
      app.services.ads.search(who, { ...(text ? { q: text } : {}), theme: values.theme, page: 1, pageSize: limit, justification: justificationOf(values) }));
    if (values.json) printJson(result);
    else {
      say(`${result.total} ads`);
      for (const h of result.hits) say(`${h.id}  ${h.theme}/${h.source}  score ${h.score}  ${h.city ?? '-'}  ${h.title ?? ''}`);
    }
    return 0;
  });
}
