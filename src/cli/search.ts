import { readFileSync } from 'node:fs';
import { BakenError } from '../domain/errors.ts';
import type { ApiApp } from '../app.ts';
import type { Who } from '../accounts/actor.ts';
import { integer, parse } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken search "query" --justification WHY [--theme T] [--limit N] [--by NAME] [--json]   search kept ads\n'
  + '  baken search --image FILE --justification WHY [--theme T] [--max-distance N] [--by NAME] [--json]   search kept ads by photo';

export async function search(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...OPERATOR_OPTIONS, theme: { type: 'string' }, limit: { type: 'string' }, image: { type: 'string' }, 'max-distance': { type: 'string' },
  }, true);
  const text = positionals.join(' ').trim();
  if (values.image !== undefined && text) throw new BakenError('USAGE', 'search either by text or by --image, not both');
  const limit = integer(values.limit, 'limit', 20);
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    if (values.image !== undefined) return searchByPhoto(app, who, values.image, values);
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

/** The picture is read into memory and handed to the application layer; nothing of it is written. */
async function searchByPhoto(app: ApiApp, who: Who, file: string, values: { theme?: string; 'max-distance'?: string; justification?: string; json?: boolean }): Promise<number> {
  let image: Buffer;
  try {
    image = readFileSync(file);
  } catch (e) {
    throw new BakenError('NOT_FOUND', `cannot read the picture ${file}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, { cause: e });
  }
  const maxDistance = values['max-distance'] === undefined ? undefined : integer(values['max-distance'], 'max-distance', 0);
  const result = await refusalsAudited(app, who, { query: { command: 'search --image', theme: values.theme }, justification: values.justification ?? null }, () =>
    app.services.photos.search(who, { image, theme: values.theme, maxDistance, justification: justificationOf(values) }));
  if (values.json) printJson(result);
  else {
    say(`${result.total} ads within ${result.maxDistance} bits of ${result.hash}${result.truncated ? ` (the nearest ${result.hits.length} listed)` : ''}`);
    for (const h of result.hits) say(`${h.id}  ${h.theme}/${h.summary?.source ?? '-'}  distance ${h.distance}  ${h.summary?.city ?? '-'}  ${h.summary?.title ?? ''}`);
  }
  return 0;
}
