import { loadConfig } from '../config/load.ts';
import { analyseBatch } from '../analyse/analyse-batch.ts';
import { readAdFile, themeProfile } from './ad-file.ts';
import { configDir, parse, requireString } from './args.ts';
import { say } from './output.ts';

export const usage = 'baken analyse --theme T --input FILE.jsonl [--json]   score ads with the theme\'s profile, cross-ad indicators over the file; stores nothing';

export async function analyse(args: string[]): Promise<number> {
  const { values } = parse(args, { theme: { type: 'string' }, input: { type: 'string' } });
  const config = loadConfig(configDir(values.config));
  const profile = themeProfile(config, requireString(values.theme, 'theme'));
  const ads = readAdFile(requireString(values.input, 'input')).map(({ ad }) => ad);
  const assessments = analyseBatch(profile, ads);
  for (const { id } of ads) {
    const a = assessments.get(id)!;
    const indicators = a.hits.map((h) => ({ id: h.id, weight: h.weight, evidence: h.evidence }));
    if (values.json) say(JSON.stringify({ id, score: a.score, kept: a.kept, indicators }));
    else say(`${id}  score ${a.score}  ${a.kept ? 'kept' : 'deleted'}  ${indicators.map((i) => i.id).join(', ')}`);
  }
  return 0;
}
