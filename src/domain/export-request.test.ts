import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BakenError } from './errors.ts';
import { assertMayDecide, assertMayDownload, initialDecision, type ExportRequest } from './export-request.ts';

const requested: ExportRequest = {
  id: 'r1', kind: 'bundle', theme: 'mensenhandel', subject: 'ad1', params: {}, justification: 'ZAAK-1', requestedBy: 'anna',
  requestedAt: '2026-03-01T10:00:00.000Z', state: 'requested', decidedBy: null, decidedAt: null, reason: null, downloadedAt: null, sha256: null,
};
const approved: ExportRequest = { ...requested, state: 'approved', decidedBy: 'bert', decidedAt: '2026-03-01T11:00:00.000Z' };
const refusal = (code: string, pattern: RegExp) => (err: unknown) => err instanceof BakenError && err.code === code && pattern.test(err.message);

describe('who may decide an export request', () => {
  it('lets a second named person approve or refuse a request', () => {
    assert.doesNotThrow(() => assertMayDecide(requested, { name: 'bert', kind: 'user' }));
    assert.doesNotThrow(() => assertMayDecide(requested, { name: 'bert', kind: 'cli' }));
  });

  it('never lets the requester decide their own request, whatever the case of the name', () => {
    assert.throws(() => assertMayDecide(requested, { name: 'anna', kind: 'user' }), refusal('FORBIDDEN', /second person/));
    assert.throws(() => assertMayDecide(requested, { name: 'Anna', kind: 'cli' }), refusal('FORBIDDEN', /second person/));
  });

  it('lets no service token decide', () => {
    assert.throws(() => assertMayDecide(requested, { name: 'bert', kind: 'token' }), refusal('FORBIDDEN', /named person/));
  });

  it('decides a request only once', () => {
    assert.throws(() => assertMayDecide(approved, { name: 'carla', kind: 'user' }), refusal('CONFLICT', /already approved by bert/));
    assert.throws(() => assertMayDecide({ ...requested, state: 'refused', decidedBy: 'bert' }, { name: 'carla', kind: 'user' }), refusal('CONFLICT', /already refused/));
  });
});

describe('who may download an export', () => {
  it('lets the requester download an approved request', () => {
    assert.doesNotThrow(() => assertMayDownload(approved, { name: 'anna' }));
  });

  it('refuses a download before approval', () => {
    assert.throws(() => assertMayDownload(requested, { name: 'anna' }), refusal('CONFLICT', /awaits a second person's approval/));
  });

  it('refuses a download of a refused request, saying who refused it and why', () => {
    const refused = { ...requested, state: 'refused' as const, decidedBy: 'bert', reason: 'no case number' };
    assert.throws(() => assertMayDownload(refused, { name: 'anna' }), refusal('CONFLICT', /refused by bert: no case number/));
  });

  it('refuses a second download', () => {
    assert.throws(() => assertMayDownload({ ...approved, state: 'downloaded', downloadedAt: '2026-03-01T12:00:00.000Z' }, { name: 'anna' }),
      refusal('CONFLICT', /was downloaded at 2026-03-01T12:00:00.000Z/));
  });

  it('refuses a download by anyone but the requester, even the approver', () => {
    assert.throws(() => assertMayDownload(approved, { name: 'bert' }), refusal('FORBIDDEN', /only the requester/));
  });
});

describe('the first state of a request', () => {
  it('waits for a second person under four-eyes, and stands approved by the requester without', () => {
    assert.deepEqual(initialDecision(true, 'anna'), { state: 'requested', decidedBy: null });
    assert.deepEqual(initialDecision(false, 'anna'), { state: 'approved', decidedBy: 'anna' });
  });
});
