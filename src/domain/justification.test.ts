// DESIGN §2a.5: no read of ad content without a reason of 3 to 200 characters, whichever door asks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from './errors.ts';
import { checkedJustification, justificationKind } from './justification.ts';

const MISSING = 'reading ad content needs a justification: a case number or "signal research"';
const WRONG_LENGTH = 'expected a justification of 3 to 200 characters: a case number or "signal research"';
const refused = (given: string | undefined, message: string) => assert.throws(() => checkedJustification(given),
  (e) => e instanceof BakenError && e.code === 'JUSTIFICATION_REQUIRED' && e.message === message);

describe('checkedJustification', () => {
  it('refuses a missing, empty or blank justification, saying what to give', () => {
    refused(undefined, MISSING);
    refused('', MISSING);
    refused(' \t\n ', MISSING);
  });

  it('records the justification without the white space around it', () => {
    assert.equal(checkedJustification('  ZAAK-2026-0113\n'), 'ZAAK-2026-0113');
  });

  it('accepts 3 characters and refuses 2, counted after trimming', () => {
    assert.equal(checkedJustification('Z-1'), 'Z-1');
    refused('Z1', WRONG_LENGTH);
    refused('   Z1   ', WRONG_LENGTH);
  });

  it('accepts 200 characters and refuses 201', () => {
    assert.equal(checkedJustification('x'.repeat(200)), 'x'.repeat(200));
    refused('x'.repeat(201), WRONG_LENGTH);
  });
});

describe('justificationKind', () => {
  it('counts "signal research" as research, whatever its case and surrounding space', () => {
    assert.equal(justificationKind('signal research'), 'signal-research');
    assert.equal(justificationKind('  Signal Research '), 'signal-research');
  });

  it('counts every other reason as a case, even one that mentions signal research', () => {
    assert.equal(justificationKind('ZAAK-2026-0113'), 'case');
    assert.equal(justificationKind('signal research for ZAAK-2026-0113'), 'case');
  });
});
