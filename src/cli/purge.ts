import { parse } from './args.ts';
import { operator, OPERATOR_OPTIONS, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken purge [--theme T] [--by NAME] [--json]   erase kept ads past their theme\'s retention, except those on hold';

export async function purge(args: string[]): Promise<number> {
  const { values } = parse(args, { by: OPERATOR_OPTIONS.by, theme: { type: 'string' } });
  return withApp(values, async (app) => {
    const r = await app.services.collection.purge(operator(app, 'admin', values), values.theme);
    if (values.json) printJson({ purged: r.purged, captures: r.captures, blobs: r.files, held: r.held });
    else say(`${r.purged} ads purged (${r.captures} captures, ${r.files} files); ${r.held} past retention kept on hold`);
    return 0;
  });
}
