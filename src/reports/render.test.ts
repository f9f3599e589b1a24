// The renderers on a document with every kind of block: what a reader finds in the DOCX, the PDF and
// the Markdown, and that the PDF is an archival PDF with its fonts embedded.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportDocument } from './document.ts';
import { renderDocx } from './render-docx.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPdf } from './render-pdf.ts';
import { zipEntries } from './zip-entries.fixtures.ts';

const DOC: ReportDocument = {
  title: 'Proces-verbaal van bevindingen', lang: 'nl', footer: 'pv 9.9 · baken/test',
  blocks: [
    { kind: 'heading', text: 'Bevindingen', level: 2 },
    { kind: 'paragraph', text: 'Ik, verbalisant Jansen, verklaar het volgende (één, ß).' },
    { kind: 'fields', rows: [['Adres (URL)', 'https://ads.example/1'], ['Aantal', '3']] },
    { kind: 'table', header: ['Bestand', 'SHA-256'], rows: [['rendered.html', 'ab'.repeat(32)]] },
    { kind: 'marked', title: 'Eigen beoordeling', note: 'In te vullen door de verbalisant.', lines: 5 },
    { kind: 'bars', title: 'Verwijderd per maand', bars: [{ label: 'januari', value: 12 }, { label: 'februari', value: null }] },
  ],
};
/** Long enough to need several pages, so every page's footer can be checked. */
const LONG: ReportDocument = { ...DOC, blocks: Array.from({ length: 6 }, () => DOC.blocks).flat() };

describe('report renderers', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'baken-render-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every block into the DOCX, the marked block framed and a suppressed count as a dash', async () => {
    const parts = zipEntries(Buffer.from(await renderDocx(DOC)));
    const body = parts.get('word/document.xml')!.toString('utf8');
    for (const text of ['Proces-verbaal van bevindingen', 'Bevindingen', 'verklaar het volgende (één, ß)', 'https://ads.example/1', 'ab'.repeat(32), 'Eigen beoordeling', 'februari', '—']) {
      assert.ok(body.includes(text), `document.xml holds "${text}"`);
    }
    assert.match(body, /w:val="dashed"/, 'the marked block has a dashed frame');
    const footer = [...parts].filter(([name]) => name.startsWith('word/footer')).map(([, x]) => x.toString('utf8')).join('');
    assert.ok(footer.includes('pv 9.9 · baken/test'), 'the footer names the template version');
    assert.match(parts.get('word/styles.xml')!.toString('utf8'), /w:lang w:val="nl"/);
  });

  it('writes a PDF/A with embedded fonts whose every page carries the footer', async () => {
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderPdf(LONG));
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0 && fonts.every((line) => /\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/.test(line)), `every font embedded:\n${fonts.join('\n')}`);
    assert.match(spawnSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }).stdout, /pdfaid:part>2</);
    assert.equal(spawnSync('pdftoppm', ['-png', '-r', '30', file, join(dir, 'page')]).status, 0);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page-')).length;
    assert.ok(pages >= 2, `several pages, got ${pages}`);
    for (let page = 1; page <= pages; page++) {
      const text = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).stdout;
      assert.ok(text.includes(`pv 9.9 · baken/test · ${page}/${pages}`), `page ${page} has the footer`);
    }
  });

  it('draws bars with their counts and a dash where a count is suppressed', async () => {
    const file = join(dir, 'short.pdf');
    writeFileSync(file, await renderPdf(DOC));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, /januari\s+12/);
    assert.match(text, /februari\s+—/);
  });

  it('writes Markdown with the fields as a table and the footer last', () => {
    const md = renderMarkdown(DOC);
    assert.ok(md.startsWith('# Proces-verbaal van bevindingen\n'));
    assert.ok(md.includes('| **Adres (URL)** | https://ads.example/1 |'));
    assert.match(md, /februari +—/);
    assert.ok(md.trimEnd().endsWith('pv 9.9 · baken/test'));
  });
});
