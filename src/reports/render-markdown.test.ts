import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './render-markdown.ts';

describe('renderMarkdown', () => {
  it('writes every kind of block, with the footer last', () => {
    const md = renderMarkdown({
      title: 'T', lang: 'nl', footer: 'sjabloon 1 · baken/0.1.0',
      blocks: [
        { kind: 'heading', text: 'Kop', level: 2 },
        { kind: 'fields', rows: [['Periode', '2026-01 – 2026-03']] },
        { kind: 'table', header: ['Cijfer', '2026-01'], rows: [['Bewaard', '12'], ['  door expert', '–']] },
        { kind: 'marked', title: 'Eigen oordeel', note: 'in te vullen door de verbalisant', lines: 2 },
      ],
    });
    assert.equal(md, [
      '# T', '',
      '### Kop', '',
      '|  |  |\n| --- | --- |\n| **Periode** | 2026-01 – 2026-03 |', '',
      '| Cijfer | 2026-01 |\n| --- | ---: |\n| Bewaard | 12 |\n| \u00a0\u00a0\u00a0\u00a0door expert | – |', '',
      '> **Eigen oordeel**\n> *in te vullen door de verbalisant*\n>\n>', '',
      '---\n\nsjabloon 1 · baken/0.1.0\n',
    ].join('\n'));
  });

  it('scales bars to the largest and shows a suppressed count as a dash without a bar', () => {
    const md = renderMarkdown({ title: 'T', lang: 'en', footer: '', blocks: [{ kind: 'bars', title: 'Kept', bars: [
      { label: 'Jan', value: 10 }, { label: 'Feb', value: null }, { label: 'Mar', value: 5 },
    ] }] });
    assert.match(md, /\*\*Kept\*\*\n\n```text\nJan  █{30} 10\nFeb  —\nMar  █{15} 5\n```/);
  });

  it('shows Markdown\'s own characters in text as themselves', () => {
    const md = renderMarkdown({ title: 'T', lang: 'en', footer: '', blocks: [{ kind: 'paragraph', text: 'a|b *c* [d](e) <f>' }] });
    assert.match(md, /\na\\\|b \\\*c\\\* \\\[d\\\]\(e\) \\<f\\>\n/);
  });
});
