import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awaitsApproval, grantsMore, isRole, mayActOnKind, needsTotp, readsContent, ROLES, type Action, type Role } from './roles.ts';

/** The roles `mayActOnKind` lets act on a theme of `kind`, in the order of ROLES. */
const rolesActingOn = (action: Action, kind: string) => ROLES.filter((role) => mayActOnKind(role, action, kind));

describe('roles', () => {
  it('lets every role act on a municipal theme, and every role but the supervisor on a police theme', () => {
    assert.deepEqual(rolesActingOn('stats.read', 'municipal'), ['expert', 'analyst', 'supervisor', 'admin', 'auditor']);
    assert.deepEqual(rolesActingOn('stats.read', 'police'), ['expert', 'analyst', 'admin', 'auditor']);
    assert.deepEqual(rolesActingOn('stats.read', 'other'), []);
  });

  it("keeps a municipality's monitor and inspection lists to its supervisors, in municipal themes only", () => {
    for (const action of ['monitor.read', 'inspections.read', 'inspections.write'] as const) {
      assert.deepEqual(rolesActingOn(action, 'municipal'), ['supervisor'], action);
      assert.deepEqual(rolesActingOn(action, 'police'), [], action);
    }
  });

  it("keeps a municipality's registers to its supervisors and admins, in municipal themes only", () => {
    for (const action of ['reference.read', 'reference.write'] as const) {
      assert.deepEqual(rolesActingOn(action, 'municipal'), ['supervisor', 'admin'], action);
      assert.deepEqual(rolesActingOn(action, 'police'), [], action);
    }
  });

  it('keeps the count of referrals to experts and analysts, in police themes only', () => {
    assert.deepEqual(rolesActingOn('referrals.read', 'police'), ['expert', 'analyst']);
    assert.deepEqual(rolesActingOn('referrals.read', 'municipal'), []);
  });

  it('counts experts, analysts and supervisors as content readers, admins and auditors not', () => {
    assert.deepEqual(ROLES.filter(readsContent), ['expert', 'analyst', 'supervisor']);
  });

  it('tells a change of role that gives more from one that gives nothing more', () => {
    const more: [Role, Role][] = [
      ['analyst', 'expert'], ['analyst', 'supervisor'], ['supervisor', 'analyst'], ['expert', 'supervisor'],
      ['admin', 'auditor'], ['auditor', 'admin'], ['auditor', 'expert'],
    ];
    for (const [from, to] of more) assert.equal(grantsMore(from, to), true, `${from} to ${to}`);
    for (const [from, to] of [['expert', 'analyst'], ['expert', 'expert'], ['admin', 'admin']] as [Role, Role][]) {
      assert.equal(grantsMore(from, to), false, `${from} to ${to}`);
    }
  });

  it('holds a content reader until a second admin approves, never an admin or auditor', () => {
    for (const role of ['expert', 'analyst', 'supervisor'] as const) {
      assert.equal(awaitsApproval({ role, approvedAt: null }), true, role);
      assert.equal(awaitsApproval({ role, approvedAt: '2026-03-01T10:00:00.000Z' }), false, role);
    }
    for (const role of ['admin', 'auditor'] as const) assert.equal(awaitsApproval({ role, approvedAt: null }), false, role);
  });

  it('asks experts and admins for a second factor when it is required, and no one when it is not', () => {
    assert.deepEqual(ROLES.filter((role) => needsTotp(role, true)), ['expert', 'admin']);
    assert.deepEqual(ROLES.filter((role) => needsTotp(role, false)), []);
  });

  it('knows the five roles by their exact names', () => {
    assert.deepEqual(ROLES.filter(isRole), [...ROLES]);
    for (const value of ['Admin', 'root', '', 'ads.read']) assert.equal(isRole(value), false, value);
  });
});
