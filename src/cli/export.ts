import { resolve } from 'node:path';
import { openApp } from '../app.ts';
import { loadConfig } from '../config/load.ts';
import { BakenError } from '../domain/errors.ts';
import { exportBundle, exportWarc } from '../evidence/export.ts';
import { loadPublicKey } from '../evidence/signing-key.ts';
import { writeFileSync } from 'node:fs';
import { configDir, parse, requireString, storage } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken export warc --out FILE [--ad ID] | bundle --ad ID --out DIR | key --out FILE';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, ad: { type: 'string' } }, true);
  const what = positionals[0];
  if (what !== 'warc' && what !== 'bundle' && what !== 'key') {
    throw new BakenError('USAGE', `export what? expected warc, bundle or key; usage: ${usage}`);
  }
  const out = resolve(requireString(values.out, 'out'));
  const app = await openApp({ ...storage(values), config: loadConfig(configDir(values.config)) });
  try {
    let result: Record<string, unknown>;
    if (what === 'warc') result = await exportWarc(app, out, values.ad);
    else if (what === 'bundle') result = await exportBundle(app, requireString(values.ad, 'ad'), out);
    else {
      const key = loadPublicKey(app.dataDir);
      writeFileSync(out, key.pem);
      result = { keyId: key.keyId };
    }
    if (values.json) printJson({ out, ...result });
    else say(`wrote ${out}: ${JSON.stringify(result)}`);
    return 0;
  } finally {
    await app.close();
  }
}
