// Any report as Markdown, for reading in a terminal or pasting into a register or a wiki.
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';

export function renderMarkdown(doc: ReportDocument): string {
  return `${[`# ${doc.title}`, ...doc.blocks.map(block), `---\n${doc.footer}`].join('\n\n')}\n`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `${'#'.repeat(b.level + 1)} ${b.text}`;
    case 'paragraph': return b.text;
    case 'fields': return table(['', ''], b.rows.map(([label, value]) => [`**${label}**`, value]));
    case 'table': return table(b.header, b.rows);
    case 'marked': return `> **${b.title}**\n>\n> _${b.note}_\n>\n${'> …\n'.repeat(Math.min(b.lines, 3)).trimEnd()}`;
    case 'bars': return `**${b.title}**\n\n${table(['', ''], b.bars.map((bar) => [bar.label, bar.value === null ? SUPPRESSED : String(bar.value)]))}`;
  }
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
