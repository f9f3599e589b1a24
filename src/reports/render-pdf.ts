// Any report as a PDF/A-2b file (an archival PDF: every font embedded, nothing fetched when opened).
// The fonts ship in an npm package, so the file looks the same on every machine and in CI.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { SUPPRESSED, type Block, type ReportDocument } from './document.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  note: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
const HEADING_SIZE = { 1: 16, 2: 13, 3: 11 } as const;
const BODY_SIZE = 10;
const MARGIN = 56;
const LINE = 18;

export function renderPdf(doc: ReportDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4', margin: MARGIN, pdfVersion: '1.7', subset: 'PDF/A-2b', lang: doc.lang, bufferPages: true,
    displayTitle: true, info: { Title: doc.title, Creator: doc.footer },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) pdf.registerFont(name, file);
  pdf.font('bold').fontSize(HEADING_SIZE[1]).text(doc.title).moveDown();
  for (const block of doc.blocks) draw(pdf, block);
  footers(pdf, doc.footer);
  pdf.end();
  return done;
}

function draw(pdf: PDFKit.PDFDocument, block: Block): void {
  const width = pdf.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'heading':
      pdf.moveDown(0.5).font('bold').fontSize(HEADING_SIZE[block.level]).text(block.text).moveDown(0.3);
      return;
    case 'paragraph':
      pdf.font('body').fontSize(BODY_SIZE).text(block.text, { align: 'left' }).moveDown(0.6);
      return;
    case 'fields':
      pdf.font('body').fontSize(BODY_SIZE).table({
        columnStyles: [width * 0.32, '*'],
        data: block.rows.map(([label, value]) => [{ text: label, font: { src: FONTS.bold } }, value]),
      }).moveDown(0.6);
      return;
    case 'table':
      pdf.font('body').fontSize(BODY_SIZE).table({
        data: [block.header.map((h) => ({ text: h, font: { src: FONTS.bold }, type: 'TH' as const })), ...block.rows.map((r) => [...r])],
      }).moveDown(0.6);
      return;
    case 'marked':
      marked(pdf, block, width);
      return;
    case 'bars':
      bars(pdf, block, width);
  }
}

/** A dashed frame with room to write in, kept on one page. */
function marked(pdf: PDFKit.PDFDocument, block: Extract<Block, { kind: 'marked' }>, width: number): void {
  pdf.font('note').fontSize(BODY_SIZE - 1);
  const noteHeight = pdf.heightOfString(block.note, { width: width - 16 });
  const height = 16 + LINE + noteHeight + block.lines * LINE;
  if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
  const top = pdf.y;
  pdf.save().lineWidth(1).dash(4, { space: 3 }).rect(MARGIN, top, width, height).stroke().restore();
  pdf.font('bold').fontSize(BODY_SIZE).text(block.title, MARGIN + 8, top + 8, { width: width - 16 });
  pdf.font('note').fontSize(BODY_SIZE - 1).text(block.note, { width: width - 16 });
  pdf.x = MARGIN;
  pdf.y = top + height;
  pdf.moveDown();
}

/** Horizontal bars against the largest value, each with its count; a suppressed count has no bar. */
function bars(pdf: PDFKit.PDFDocument, block: Extract<Block, { kind: 'bars' }>, width: number): void {
  pdf.font('bold').fontSize(BODY_SIZE).text(block.title).moveDown(0.3);
  const labelWidth = width * 0.3;
  const barRoom = width - labelWidth - 60;
  const max = Math.max(1, ...block.bars.map((b) => b.value ?? 0));
  pdf.font('body').fontSize(BODY_SIZE);
  for (const bar of block.bars) {
    if (pdf.y + LINE > pdf.page.height - MARGIN) pdf.addPage();
    const y = pdf.y;
    pdf.text(bar.label, MARGIN, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const length = bar.value === null ? 0 : Math.max(1, (bar.value / max) * barRoom);
    if (length > 0) pdf.save().fillColor('#4a6fa5').rect(MARGIN + labelWidth, y, length, LINE - 6).fill().restore();
    pdf.fillColor('black').text(bar.value === null ? SUPPRESSED : String(bar.value), MARGIN + labelWidth + length + 6, y, { lineBreak: false });
    pdf.x = MARGIN;
    pdf.y = y + LINE;
  }
  pdf.moveDown();
}

/** The footer and "page n of m" on every page, written once the page count is known. */
function footers(pdf: PDFKit.PDFDocument, footer: string): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('body').fontSize(7).fillColor('#444444')
      .text(`${footer} · ${i + 1}/${count}`, MARGIN, pdf.page.height - MARGIN + 16, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}
