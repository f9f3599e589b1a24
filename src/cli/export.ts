import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BakenError } from '../domain/errors.ts';
import { loadPublicKey } from '../evidence/signing-key.ts';
import { dataDir, parse, requireString } from './args.ts';
import { justificationOf, operator, OPERATOR_OPTIONS, refusalsAudited, withApp } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken export warc --out FILE --justification WHY [--ad ID | --theme T] | bundle --ad ID --out DIR --justification WHY | key --out FILE  [--by NAME]';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...OPERATOR_OPTIONS, out: { type: 'string' }, ad: { type: 'string' }, theme: { type: 'string' } }, true);
  const what = positionals[0];
  if (what !== 'warc' && what !== 'bundle' && what !== 'key') {
    throw new BakenError('USAGE', `export what? expected warc, bundle or key; usage: ${usage}`);
  }
  const out = resolve(requireString(values.out, 'out'));
  // The public key is no data of anyone: it lets a third party check what was exported.
  if (what === 'key') return report(values.json, out, writeKey(dataDir(values.data), out));
  const adId = what === 'bundle' ? requireString(values.ad, 'ad') : values.ad;
  return withApp(values, async (app) => {
    const who = operator(app, 'expert', values);
    const probed = { resources: adId ? [adId] : [], query: { command: `export ${what}`, theme: values.theme }, justification: values.justification ?? null };
    const result: object = await refusalsAudited<object>(app, who, probed, () => what === 'warc'
      ? app.services.exports.warc(who, out, { adId, theme: values.theme, justification: justificationOf(values) })
      : app.services.exports.bundle(who, adId!, out, justificationOf(values)));
    return report(values.json, out, result);
  });
}

function writeKey(dir: string, out: string): { keyId: string } {
  const key = loadPublicKey(dir);
  writeFileSync(out, key.pem);
  return { keyId: key.keyId };
}

function report(json: boolean, out: string, result: object): number {
  if (json) printJson({ out, ...result });
  else say(`wrote ${out}: ${JSON.stringify(result)}`);
  return 0;
}
