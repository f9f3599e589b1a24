// The standard texts of the official reports are configuration (config/reports/*.yaml): the police
// change the wording without a release, and every report records which version of its text it used.
// A template is validated when it is read: a placeholder the report cannot fill, or one it must
// state and the text lacks (the number of indicators, the officer), is an error naming the file.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { BakenError } from '../domain/errors.ts';

/** Per report: the placeholders it fills, which of them the text must contain, the generated parts
 *  (tables made from data) a template places with `generated:`, and the words those parts use. */
export const TEMPLATE_KINDS = {
  pv: {
    placeholders: ['officer', 'unit', 'searchDate', 'theme', 'purpose', 'alias', 'source', 'url', 'firstSeen', 'lastSeen', 'indicatorCount', 'manifest', 'date'],
    required: ['officer', 'unit', 'searchDate', 'purpose', 'alias', 'url', 'indicatorCount', 'manifest'],
    generated: ['evidence'],
    words: ['file', 'sha256', 'unknown'],
  },
  attachment: {
    placeholders: ['theme', 'purpose', 'legalBasis', 'owner', 'from', 'to', 'softwareVersion', 'configHash'],
    required: ['legalBasis', 'softwareVersion', 'configHash'],
    generated: ['sources', 'captured', 'minimisation', 'retention'],
    words: [
      'sourceKind', 'sourceCount', 'sourceName', 'sourceUrl', 'listPages', 'infiniteScroll', 'singlePage', 'ageGate',
      'what', 'stored', 'yes', 'no', 'html', 'images', 'screenshot', 'fields',
      'figure', 'count', 'runs', 'captured', 'kept', 'deletedAtGate', 'failed', 'stagingDeleted', 'purged', 'onHold',
      'keepDays', 'maxDays', 'days', 'none',
    ],
  },
} as const;
export type TemplateKind = keyof typeof TEMPLATE_KINDS;

const text = z.string();
const templateBlock = z.union([
  z.strictObject({ heading: text.min(1), level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2) }),
  z.strictObject({ paragraph: text.min(1) }),
  z.strictObject({ fields: z.array(z.tuple([text.min(1), text])).min(1) }),
  z.strictObject({ marked: z.strictObject({ title: text.min(1), note: text.min(1), lines: z.number().int().min(1).max(40).default(8) }) }),
  z.strictObject({ generated: text.min(1) }),
], { error: 'expected a block: heading, paragraph, fields, marked or generated' });

export const templateSchema = z.strictObject({
  /** Recorded in every report made from it (footer and audit event). */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  lang: z.string().min(2).default('nl'),
  title: text.min(1),
  /** Words the report's generated parts use (column heads, the names of things), by key. */
  words: z.record(z.string(), text).default({}),
  blocks: z.array(templateBlock).min(1),
});
export type ReportTemplate = z.infer<typeof templateSchema>;
export type TemplateBlock = ReportTemplate['blocks'][number];

const BUNDLED = fileURLToPath(new URL('../../config/reports', import.meta.url));

/**
 * The template of `kind` in the configuration version in force, or the bundled Dutch default. A
 * version stored before templates were shared holds none: this machine's folder holds, as it did.
 */
export function loadReportTemplate(config: { dir: string; reports: Partial<Record<TemplateKind, string>> }, kind: TemplateKind): ReportTemplate {
  const name = `reports/${kind}.yaml`;
  const own = join(config.dir, name);
  const stored = config.reports[kind];
  const file = stored !== undefined ? `${name} of the configuration in force` : existsSync(own) ? own : join(BUNDLED, `${kind}.yaml`);
  const invalid = (problems: string[]) => new BakenError('CONFIG_INVALID', `invalid report template ${file}:\n  ${problems.map((p) => `${name}: ${p}`).join('\n  ')}`);
  const doc = parseDocument(stored ?? readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) throw invalid(doc.errors.map((e) => `YAML syntax: ${e.message.split('\n')[0]}`));
  const parsed = templateSchema.safeParse(doc.toJS());
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  const problems = placeholderProblems(parsed.data, kind);
  if (problems.length > 0) throw invalid(problems);
  return parsed.data;
}

export function placeholdersIn(value: string): string[] {
  return [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

function placeholderProblems(template: ReportTemplate, kind: TemplateKind): string[] {
  const spec = TEMPLATE_KINDS[kind];
  const known: readonly string[] = spec.placeholders;
  const problems: string[] = spec.words.filter((w) => template.words[w] === undefined)
    .map((w) => `words.${w}: missing; the ${kind}'s generated parts need it`);
  const used = new Set<string>();
  template.blocks.forEach((block, i) => {
    if ('generated' in block) {
      if (!(spec.generated as readonly string[]).includes(block.generated)) {
        problems.push(`blocks.${i}.generated: no generated part "${block.generated}"; expected one of ${spec.generated.join(', ')}`);
      }
      return;
    }
    for (const name of placeholdersIn(blockText(block))) {
      used.add(name);
      if (!known.includes(name)) problems.push(`blocks.${i}: unknown placeholder {${name}}; expected one of ${known.map((k) => `{${k}}`).join(', ')}`);
    }
  });
  for (const name of spec.required) {
    if (!used.has(name)) problems.push(`blocks: the placeholder {${name}} is missing; the ${kind} must state it`);
  }
  return problems;
}

function blockText(block: Exclude<TemplateBlock, { generated: string }>): string {
  if ('heading' in block) return block.heading;
  if ('paragraph' in block) return block.paragraph;
  if ('fields' in block) return block.fields.flat().join('\n');
  return `${block.marked.title}\n${block.marked.note}`;
}
