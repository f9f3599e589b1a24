// Report templates are configuration: the bundled Dutch ones load, an operator's own replaces them,
// and a template the report cannot fill is refused with the file, the place and what is wrong.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReportTemplate } from './report-templates.ts';

const BUNDLED_PV = readFileSync(new URL('../../config/reports/pv.yaml', import.meta.url), 'utf8');

describe('report templates', () => {
  let dir: string;
  const withPv = (text: string) => {
    mkdirSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(join(dir, 'reports', 'pv.yaml'), text);
  };
  const refusal = (text: string) => {
    withPv(text);
    try {
      loadReportTemplate({ dir, reports: {} }, 'pv');
    } catch (e) {
      return (e as Error).message;
    }
    assert.fail('expected the template to be refused');
  };
  before(() => { dir = mkdtempSync(join(tmpdir(), 'baken-templates-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('falls back to the bundled Dutch templates when the configuration has none', () => {
    const pv = loadReportTemplate({ dir, reports: {} }, 'pv');
    assert.equal(pv.lang, 'nl');
    assert.equal(pv.version, '2026.1');
    assert.equal(loadReportTemplate({ dir, reports: {} }, 'attachment').version, '2026.1');
  });

  it('uses the configuration\'s own template, its version as a string', () => {
    withPv(BUNDLED_PV.replace('version: "2026.1"', 'version: 3'));
    assert.equal(loadReportTemplate({ dir, reports: {} }, 'pv').version, '3');
  });

  it('uses the template of the configuration version in force before the folder\'s', () => {
    withPv(BUNDLED_PV.replace('version: "2026.1"', 'version: 3'));
    assert.equal(loadReportTemplate({ dir, reports: { pv: BUNDLED_PV.replace('version: "2026.1"', 'version: 4') } }, 'pv').version, '4');
  });

  it('refuses a template without a placeholder the PV must state', () => {
    assert.match(refusal(BUNDLED_PV.replaceAll('{indicatorCount}', 'enkele')), /reports\/pv\.yaml: blocks: the placeholder \{indicatorCount\} is missing; the pv must state it/);
  });

  it('refuses a placeholder the PV cannot fill, naming the ones it can', () => {
    assert.match(refusal(BUNDLED_PV.replace('{officer}, werkzaam', '{officer}, {indicators}, werkzaam')), /blocks\.\d+: unknown placeholder \{indicators\}; expected one of \{officer\}/);
  });

  it('refuses an unknown generated part, a missing word and a missing version', () => {
    assert.match(refusal(BUNDLED_PV.replace('generated: evidence', 'generated: hits')), /no generated part "hits"; expected one of evidence/);
    assert.match(refusal(BUNDLED_PV.replace('  sha256: SHA-256\n', '')), /words\.sha256: missing/);
    assert.match(refusal(BUNDLED_PV.replace('version: "2026.1"\n', '')), /version: /);
  });

  it('refuses broken YAML with the file name', () => {
    assert.match(refusal('version: [1\n'), /reports\/pv\.yaml: YAML syntax/);
  });
});
