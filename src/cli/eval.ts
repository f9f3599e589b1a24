import { loadConfig } from '../config/load.ts';
import type { Evidence } from '../domain/indicator-hit.ts';
import { analyseBatch } from '../analyse/analyse-batch.ts';
import { evaluate, type Evaluation, type HitRate, type WrongAd } from '../analyse/evaluate.ts';
import { parseLabelledAds } from '../analyse/labelled-ads.ts';
import { readInputFile, themeProfile } from './ad-file.ts';
import { configDir, parse, requireString } from './args.ts';
import { printJson, say } from './output.ts';

export const usage = 'baken eval --theme T --input LABELLED.jsonl [--json]   measure the theme\'s profile on ads labelled flag|clean: precision, recall, misses; stores nothing, reads no stored data (no audit entry)';

export async function evalCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { theme: { type: 'string' }, input: { type: 'string' } });
  const config = loadConfig(configDir(values.config));
  const profile = themeProfile(config, requireString(values.theme, 'theme'));
  const file = requireString(values.input, 'input');
  const { ads, labelled } = parseLabelledAds(readInputFile(file), file);
  const result = evaluate(profile, labelled, analyseBatch(profile, ads));
  if (values.json) printJson({ theme: values.theme, input: file, ...result });
  else for (const line of report(result, file)) say(line);
  return 0;
}

/** The human report: the figures first, then the indicators that hit, then every ad it got wrong. */
function report(e: Evaluation, file: string): string[] {
  const { tp, fp, tn, fn } = e.counts;
  const out = [
    `profile ${e.profile} (keeps an ad at score ${e.threshold} or more) on ${file}: ${e.ads} ads, ${tp + fn} flag, ${fp + tn} clean`,
    '',
    `precision   ${figure(e.precision, `${tp} of ${tp + fp} kept ads are flag ads`, 'nothing kept')}`,
    `recall      ${figure(e.recall, `${tp} of ${tp + fn} flag ads kept`, 'no flag ads')}`,
    `clean kept  ${figure(e.cleanKeptRate, `${fp} of ${fp + tn} clean ads kept`, 'no clean ads')}`,
    `counts      tp ${tp}  fp ${fp}  tn ${tn}  fn ${fn}  (flag kept, clean kept, clean deleted, flag deleted)`,
    '',
  ];
  const hit = e.indicators.filter((i) => i.flag.hits + i.clean.hits > 0);
  const never = e.indicators.filter((i) => i.flag.hits + i.clean.hits === 0);
  const width = Math.max('indicator (weight)'.length, ...hit.map((i) => `${i.id} (${i.weight})`.length));
  out.push(`${'indicator (weight)'.padEnd(width)}  ${'on flag ads'.padEnd(13)}  on clean ads`);
  for (const i of hit) out.push(`${`${i.id} (${i.weight})`.padEnd(width)}  ${rate(i.flag).padEnd(13)}  ${rate(i.clean)}`);
  if (never.length > 0) out.push(`never hit: ${never.map((i) => i.id).join(', ')}`);
  out.push('', `misses, flag ads not kept: ${e.misses.length}`, ...e.misses.flatMap(wrongAd));
  out.push('', `false keeps, clean ads kept: ${e.falseKeeps.length}`, ...e.falseKeeps.flatMap(wrongAd));
  return out;
}

function figure(value: number | null, detail: string, none: string): string {
  return value === null ? `n/a (${none})` : `${value.toFixed(3)} (${detail})`;
}

function rate({ hits, ads, rate }: HitRate): string {
  return `${hits}/${ads}${rate === null ? '' : ` ${rate.toFixed(3)}`}`;
}

function wrongAd(ad: WrongAd): string[] {
  return [
    `  ${ad.id}  line ${ad.line}  score ${ad.score}${ad.hits.length === 0 ? '  no indicator hit' : ''}`,
    ...ad.hits.flatMap((h) => h.evidence.map((ev) => `    ${h.id} (${h.weight})  ${evidence(ev)}`)),
  ];
}

function evidence(ev: Evidence): string {
  switch (ev.kind) {
    case 'span': return `${ev.field}[${ev.start}:${ev.end}] ${JSON.stringify(ev.text)}`;
    case 'field': return `${ev.field} = ${JSON.stringify(ev.value)}`;
    case 'linked': return `${ev.reason} ${ev.value} with ${ev.ads.join(', ')}`;
  }
}
