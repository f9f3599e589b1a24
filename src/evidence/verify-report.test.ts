import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { differences, Report } from './verify-report.ts';

describe('the verify report', () => {
  it('counts each thing checked, the sound ones apart, and names every problem of the others in order', () => {
    const report = new Report();
    report.item('blob a', []);
    report.item('capture b', ['manifest signature is not valid', 'fields differ from the signed manifest']);
    report.item('ad c', []);
    assert.deepEqual(report.items, [{ what: 'blob a', ok: true }, { what: 'capture b', ok: false }, { what: 'ad c', ok: true }]);
    assert.deepEqual(report.done(), {
      checked: 3, ok: 2,
      failures: [{ what: 'capture b', why: 'manifest signature is not valid' }, { what: 'capture b', why: 'fields differ from the signed manifest' }],
    });
  });

  it('is empty and sound before anything is checked', () => {
    assert.deepEqual(new Report().done(), { checked: 0, ok: 0, failures: [] });
  });
});

describe('differences', () => {
  it('names each pair whose values differ, with the store\'s value and the other\'s, and nothing for equal pairs', () => {
    assert.deepEqual(differences('the custody log', [['version', 2, 3], ['run', 'r1', 'r1'], ['manifest', 'abc', null]]), [
      'version is 3 in the store but 2 in the custody log',
      'manifest is null in the store but abc in the custody log',
    ]);
    assert.deepEqual(differences('the custody log', []), []);
  });
});
