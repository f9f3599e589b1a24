// A report as Markdown: readable as plain text, and rendered by any Markdown viewer. Knows no report,
// only the blocks of the document model. Bars become rows of block characters scaled to the largest.
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';

const BAR_WIDTH = 30;

export function renderMarkdown(doc: ReportDocument): string {
  return `${[`# ${escape(doc.title)}`, ...doc.blocks.map(block), `---\n\n${escape(doc.footer)}`].join('\n\n')}\n`;
}

function block(b: Block): string {
  switch (b.kind) {
    // The document's title is the one first-level heading.
    case 'heading': return `${'#'.repeat(b.level + 1)} ${escape(b.text)}`;
    case 'paragraph': return escape(b.text);
    case 'fields': return table(['', ''], b.rows.map(([label, value]) => [`**${escape(label)}**`, escape(value)]), false);
    case 'table': return table(b.header.map(escape), b.rows.map((r) => r.map(escape)), true);
    case 'marked': return [`> **${escape(b.title)}**`, `> *${escape(b.note)}*`, ...Array.from({ length: b.lines }, () => '>')].join('\n');
    case 'bars': return bars(b.title, b.bars);
  }
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numbers: boolean): string {
  // Indented labels (a part of the row above) keep their indent as non-breaking spaces.
  const cell = (s: string) => s.replace(/^ +/, (lead) => '\u00a0'.repeat(lead.length * 2));
  const align = header.map((_, i) => (numbers && i > 0 ? '---:' : '---'));
  return [header, align, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

function bars(title: string, items: ReadonlyArray<{ label: string; value: number | null }>): string {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const width = Math.max(...items.map((i) => i.label.length), 1);
  const lines = items.map((i) => `${i.label.padEnd(width)}  ${i.value === null ? SUPPRESSED : `${'█'.repeat(Math.round((i.value / max) * BAR_WIDTH))} ${i.value}`}`);
  return [`**${escape(title)}**`, '', '```text', ...lines, '```'].join('\n');
}

/** Markdown's own characters in text are shown as themselves. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]|#<>])/g, '\\$1');
}
