// A standard text from configuration (src/config/report-templates.ts) filled in: placeholders
// replaced by the report's values, generated parts by the blocks the report made from data.
import type { ReportTemplate } from '../config/report-templates.ts';
import type { Block, ReportDocument } from './document.ts';

export interface Filling {
  values: Readonly<Record<string, string>>;
  generated: Readonly<Record<string, readonly Block[]>>;
  /** What the footer names besides the template's version, e.g. the software version. */
  footer: string;
}

/** The loader has checked that every placeholder and generated part is one the report supplies. */
export function fillTemplate(kind: string, template: ReportTemplate, filling: Filling): ReportDocument {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => filling.values[name] ?? `{${name}}`);
  const blocks = template.blocks.flatMap((b): readonly Block[] => {
    if ('generated' in b) return filling.generated[b.generated] ?? [];
    if ('heading' in b) return [{ kind: 'heading', text: fill(b.heading), level: b.level }];
    if ('paragraph' in b) return [{ kind: 'paragraph', text: fill(b.paragraph) }];
    if ('fields' in b) return [{ kind: 'fields', rows: b.fields.map(([label, value]) => [fill(label), fill(value)] as const) }];
    return [{ kind: 'marked', title: fill(b.marked.title), note: fill(b.marked.note), lines: b.marked.lines }];
  });
  return { title: template.title, lang: template.lang, footer: `${kind} ${template.version} · ${filling.footer}`, blocks };
}
