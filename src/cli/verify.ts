import { openApp } from '../app.ts';
import { verifyEvidence } from '../evidence/verify.ts';
import { parse, storage } from './args.ts';
import { configurationOf } from './operator.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken verify [--ad ID] [--json]   check every hash, signature and log chain; exit 1 on any failure';

export async function verify(args: string[]): Promise<number> {
  const { values } = parse(args, { ad: { type: 'string' } });
  const app = await openApp({ ...storage(values), config: await configurationOf(values) });
  try {
    const report = await verifyEvidence(app, values.ad ? { adId: values.ad } : undefined);
    if (values.json) printJson(report);
    else {
      say(`${report.checked} checked, ${report.ok} ok, ${report.failures.length} failures`);
      for (const f of report.failures) say(`  ${f.what}: ${f.why}`);
    }
    return report.failures.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}
