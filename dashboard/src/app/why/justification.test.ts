import assert from 'node:assert/strict';
import { test } from 'node:test';
import { justificationOf, SIGNAL_RESEARCH } from './justification.ts';

test('signal research, or a case number of 3 to 200 characters, trimmed', () => {
  assert.equal(justificationOf('signal', 'ignored'), SIGNAL_RESEARCH);
  assert.equal(justificationOf('case', '  ZAAK-2026-001 '), 'ZAAK-2026-001');
  assert.equal(justificationOf('case', ' ab '), null);
  assert.equal(justificationOf('case', 'x'.repeat(201)), null);
});
