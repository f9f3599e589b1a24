import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './actor.ts';
import { decide, visibleThemes } from './policy.ts';
import { ACTIONS, GRANTS, KIND_ONLY, ROLES, type Role } from './roles.ts';

const police = { id: 'mensenhandel', kind: 'police' };
const city = { id: 'toezicht', kind: 'municipal' };
const actor = (role: Role, themes: string[]): Actor => ({ kind: 'user', id: 'u', name: 'u', role, themes });

describe('policy', () => {
  it('allows a role only the actions it is granted, in a theme it holds', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const expected = GRANTS[role].has(action) ? (role === 'supervisor' || (KIND_ONLY[action] && !(KIND_ONLY[action].kind === 'police' && KIND_ONLY[action].roles.has(role))) ? 'hidden' : 'allow') : 'forbidden';
        assert.equal(decide(actor(role, ['mensenhandel']), action, police), expected, `${role} ${action}`);
      }
    }
  });

  it('hides a resource of a theme the actor does not hold, whatever the role', () => {
    for (const role of ROLES) {
      const action = [...GRANTS[role]][0]!;
      assert.equal(decide(actor(role, ['toezicht']), action, police), 'hidden', role);
    }
  });

  it('never shows a police theme to a supervisor, even one granted it', () => {
    const supervisor = actor('supervisor', ['mensenhandel', 'toezicht']);
    assert.equal(decide(supervisor, 'ads.read', police), 'hidden');
    assert.equal(decide(supervisor, 'ads.read', city), 'allow');
    assert.deepEqual(visibleThemes(supervisor, 'ads.search', [police, city]), ['toezicht']);
  });

  it('shows indicator hits to experts only', () => {
    assert.equal(decide(actor('expert', ['mensenhandel']), 'ads.hits', police), 'allow');
    assert.equal(decide(actor('analyst', ['mensenhandel']), 'ads.hits', police), 'forbidden');
    assert.equal(decide(actor('analyst', ['mensenhandel']), 'ads.read', police), 'allow');
  });

  it('shows the municipal monitor to supervisors in a municipal theme only, and as absent to police roles', () => {
    assert.equal(decide(actor('supervisor', ['toezicht']), 'monitor.read', city), 'allow');
    assert.equal(decide(actor('supervisor', ['mensenhandel', 'toezicht']), 'monitor.read', police), 'hidden');
    for (const role of ['expert', 'analyst'] as const) assert.equal(decide(actor(role, ['toezicht']), 'monitor.read', city), 'hidden', role);
    for (const role of ['admin', 'auditor'] as const) assert.equal(decide(actor(role, ['toezicht']), 'monitor.read', city), 'forbidden', role);
  });
});
