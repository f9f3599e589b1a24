// Ad titles and texts as plans of sentence templates. A plan is filled in per day, so a person
// who moves keeps the same text with another city, and template networks share one plan.
import { AMBIANCE, APPOINTMENTS, CLOSINGS, INTROS, LOCATIONS, PERSONAL, TITLES } from './banks.ts';
import type { Planting } from './planted.ts';
import type { Rng } from './prng.ts';
import type { Lang } from './world.ts';

export interface TextPlan {
  title: string;
  paragraphs: string[][];
}

export interface TextVars { alias: string; city: string; age: number }

export function makeTextPlan(rng: Rng, lang: Lang, planting: Planting): TextPlan {
  const title = rng.pick(TITLES[lang]);
  const target = Math.max(3, rng.int(3, 6) - planting.sentences.length);
  // Keep the order a writer would use; only which optional parts appear varies.
  const optional = [PERSONAL, AMBIANCE, APPOINTMENTS, CLOSINGS]
    .map((bank, order) => ({ bank, order }));
  const chosen = rng.sample(optional, target - 2).sort((a, b) => a.order - b.order);
  const sentences = [rng.pick(INTROS[lang]), ...chosen.map((c) => rng.pick(c.bank[lang]))];
  sentences.splice(rng.int(1, 2), 0, rng.pick(LOCATIONS[lang]));
  for (const planted of planting.sentences) sentences.splice(rng.int(0, sentences.length), 0, planted);
  return {
    title: planting.titleFrame === null ? title : planting.titleFrame.replace('{title}', title),
    paragraphs: splitParagraphs(rng, sentences),
  };
}

/** A later version of the same ad: one sentence rewritten or one added. */
export function reviseTextPlan(rng: Rng, lang: Lang, plan: TextPlan): TextPlan {
  const paragraphs = plan.paragraphs.map((p) => [...p]);
  const last = paragraphs[paragraphs.length - 1] as string[];
  const appointment = APPOINTMENTS[lang];
  const at = last.findIndex((s) => appointment.includes(s));
  if (at >= 0) last[at] = rng.pick(appointment.filter((s) => s !== last[at]));
  else last.push(rng.pick(appointment));
  return { title: plan.title, paragraphs };
}

export function fillTemplate(template: string, vars: TextVars): string {
  return template
    .replaceAll('{alias}', vars.alias)
    .replaceAll('{city}', vars.city)
    .replaceAll('{age}', String(vars.age));
}

/** Paragraphs joined by "\n", sentences by a space: the form truth and pages share. */
export function renderText(plan: TextPlan, vars: TextVars): { title: string; text: string } {
  return {
    title: fillTemplate(plan.title, vars),
    text: plan.paragraphs.map((p) => p.map((s) => fillTemplate(s, vars)).join(' ')).join('\n'),
  };
}

function splitParagraphs(rng: Rng, sentences: string[]): string[][] {
  const count = Math.min(sentences.length, rng.int(1, 3));
  const cuts = rng.sample(Array.from({ length: sentences.length - 1 }, (_, i) => i + 1), count - 1)
    .sort((a, b) => a - b);
  const bounds = [0, ...cuts, sentences.length];
  return bounds.slice(1).map((end, i) => sentences.slice(bounds[i], end));
}
