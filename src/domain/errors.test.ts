// The error catalogue: the codes, exit codes and HTTP statuses scripts and clients rely on, and the
// one-line summaries stored as a page's or a job's failure reason.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError, errorSummary, errorSummaryWithCause } from './errors.ts';

describe('BakenError', () => {
  it('carries its code, message, name and cause', () => {
    const cause = new Error('ENOENT: no such file');
    const e = new BakenError('CONFIG_MISSING', 'themes/mensenhandel.yaml: not found', { cause });
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'BakenError');
    assert.equal(e.code, 'CONFIG_MISSING');
    assert.equal(e.message, 'themes/mensenhandel.yaml: not found');
    assert.equal(e.cause, cause);
    assert.equal(e.rows, undefined);
    assert.equal(String(e), 'BakenError: themes/mensenhandel.yaml: not found');
  });

  it("keeps an imported file's bad rows for the caller to fix", () => {
    const rows = [{ row: 2, field: 'licence', reason: 'licence number V-1 is already in row 1' }, { row: 5, reason: 'empty row' }];
    assert.deepEqual(new BakenError('INPUT_INVALID', 'licences.csv: 2 bad rows', { rows }).rows, rows);
  });

  it("takes its exit code and HTTP status from the code's entry in the catalogue", () => {
    const statuses = (['USAGE', 'PURPOSE_EXPIRED', 'STORE_UNAVAILABLE', 'UNAUTHENTICATED', 'RATE_LIMITED', 'JUSTIFICATION_REQUIRED'] as const)
      .map((code) => { const e = new BakenError(code, 'x'); return [code, e.exitCode, e.httpStatus]; });
    assert.deepEqual(statuses, [
      ['USAGE', 64, 400], ['PURPOSE_EXPIRED', 3, 403], ['STORE_UNAVAILABLE', 8, 503],
      ['UNAUTHENTICATED', 77, 401], ['RATE_LIMITED', 75, 429], ['JUSTIFICATION_REQUIRED', 64, 400],
    ]);
  });
});

describe('errorSummary', () => {
  it("keeps only the first line of the message, trimmed (not Playwright's call log under it)", () => {
    assert.equal(errorSummary(new Error('  page.goto: Timeout 4000ms exceeded.  \nCall log:\n  - navigating to "http://x/"')),
      'page.goto: Timeout 4000ms exceeded.');
  });

  it('summarises anything thrown that is not an Error by its text', () => {
    assert.equal(errorSummary('browser closed\nstderr: ...'), 'browser closed');
    assert.equal(errorSummary(42), '42');
  });

  it('cuts a long first line to 300 characters', () => {
    assert.equal(errorSummary(new Error('x'.repeat(301))), 'x'.repeat(300));
    assert.equal(errorSummary(new Error('x'.repeat(300))), 'x'.repeat(300));
  });
});

describe('errorSummaryWithCause', () => {
  it("adds the first line of the cause to the error's own", () => {
    const e = new BakenError('STORE_UNAVAILABLE', 'the store did not answer', { cause: new Error(' connect ECONNREFUSED 127.0.0.1:5432 \n    at ...') });
    assert.equal(errorSummaryWithCause(e), 'the store did not answer: connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('adds a cause that is not an Error by its text', () => {
    assert.equal(errorSummaryWithCause(new Error('job failed', { cause: 'disk full\nmore' })), 'job failed: disk full');
  });

  it('does not repeat a cause the message already says', () => {
    const e = new Error('discovery failed: net::ERR_CONNECTION_REFUSED', { cause: new Error('net::ERR_CONNECTION_REFUSED') });
    assert.equal(errorSummaryWithCause(e), 'discovery failed: net::ERR_CONNECTION_REFUSED');
  });

  it('gives only the first line of an error without a cause, or of anything thrown that is not an Error', () => {
    assert.equal(errorSummaryWithCause(new Error('job failed\n    at run (work.ts:1)')), 'job failed');
    assert.equal(errorSummaryWithCause('job failed\nmore'), 'job failed');
  });

  it('cuts the summary with its cause to 300 characters', () => {
    const e = new Error('x'.repeat(290), { cause: new Error('y'.repeat(20)) });
    assert.equal(errorSummaryWithCause(e), `${'x'.repeat(290)}: ${'y'.repeat(8)}`);
  });
});
