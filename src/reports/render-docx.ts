// Any report as an editable Word document: the police write and sign their reports in Word, so the
// marked blocks stay empty, framed paragraphs to type in.
import {
  BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Characters of the longest bar; bars are drawn with a block character, so they survive editing. */
const BAR_CHARS = 30;
const DASHED = { style: BorderStyle.DASHED, size: 8, color: '444444' };

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const file = new Document({
    title: doc.title,
    creator: doc.footer,
    styles: { default: { document: { run: { font: 'Calibri', size: 21, language: { value: doc.lang } } } } },
    sections: [{
      footers: { default: new Footer({ children: [new Paragraph({ children: [
        new TextRun({ text: `${doc.footer} · `, size: 14 }),
        new TextRun({ children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], size: 14 }),
      ] })] }) },
      children: [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), ...doc.blocks.flatMap(block)],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading': return [new Paragraph({ text: b.text, heading: HEADINGS[b.level] })];
    case 'paragraph': return [new Paragraph({ text: b.text, spacing: { after: 160 } })];
    case 'fields': return [grid(b.rows.map(([label, value]) => [bold(label), plain(value)])), spacer()];
    case 'table': return [grid([b.header.map(bold), ...b.rows.map((r) => r.map(plain))]), spacer()];
    case 'marked': return [markedBox(b), spacer()];
    case 'bars': return [new Paragraph({ children: [new TextRun({ text: b.title, bold: true })] }), barTable(b), spacer()];
  }
}

const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const plain = (text: string) => new Paragraph({ text });
const spacer = () => new Paragraph({ text: '' });

function grid(rows: Paragraph[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells) => new TableRow({ children: cells.map((p) => new TableCell({ children: [p] })) })),
  });
}

/** One framed cell: the title, the note, then empty lines for the person to fill in. */
function markedBox(b: Extract<Block, { kind: 'marked' }>): Table {
  const lines = Array.from({ length: b.lines }, () => new Paragraph({ text: '' }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [new TableCell({
      borders: { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED },
      children: [bold(b.title), new Paragraph({ children: [new TextRun({ text: b.note, italics: true, size: 18 })] }), ...lines],
    })] })],
  });
}

function barTable(b: Extract<Block, { kind: 'bars' }>): Table {
  const max = Math.max(1, ...b.bars.map((bar) => bar.value ?? 0));
  return grid(b.bars.map((bar) => [
    plain(bar.label),
    plain(bar.value === null ? '' : '█'.repeat(Math.max(1, Math.round((bar.value / max) * BAR_CHARS)))),
    plain(bar.value === null ? SUPPRESSED : String(bar.value)),
  ]));
}
