// The evaluation route: a theme's profile measured on its labelled sets, measured again once an
// admin saves a change to the profile; a set outside the configuration directory does not stop the
// change (it is checked against a scratch copy of the directory).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const LABELLED = [
  { id: 'f-247', label: 'flag', title: 'Nieuw', text: 'Ik ben 24/7 beschikbaar, ook zonder condoom.' },
  { id: 'f-none', label: 'flag', title: 'Mia', text: 'Lieve dame, bel voor een afspraak.' },
  { id: 'c-plain', label: 'clean', title: 'Anna', text: 'Alleen op afspraak, altijd met condoom.' },
];

describe('GET /api/admin/themes/:theme/evaluation', () => {
  let w: ApiWorld;
  let admin: Session;
  before(async () => {
    w = await openApiWorld();
    admin = await w.login('admin-mensenhandel');
  });
  after(() => w?.close());

  const get = (theme: string, session = admin) => w.app.inject({ method: 'GET', url: `/api/admin/themes/${theme}/evaluation`, headers: session.headers });

  it('gives the admin the figures of each set of the theme, with the goals', async () => {
    const res = await get('mensenhandel');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.goals, { recall: 0.9, cleanKeptRate: 0.1 });
    const lines = (split: string) => readFileSync(new URL(`../../eval/mensenhandel/${split}.jsonl`, import.meta.url), 'utf8').trim().split('\n').length;
    assert.deepEqual(body.sets.map((s: { name: string; ads: number }) => [s.name, s.ads]), [['dev', lines('dev')], ['heldout', lines('heldout')]]);
  });

  it('answers another theme\'s evaluation as absent, and refuses other roles', async () => {
    assert.equal((await get('toezicht')).statusCode, 404);
    assert.equal((await get('bestaat-niet')).statusCode, 404);
    assert.equal((await get('mensenhandel', await w.login('expert-mensenhandel'))).statusCode, 403);
  });

  it('measures again after a profile change is saved, also with a set outside the configuration directory', async () => {
    const set = join(dirname(w.configDir), 'sets', 'small.jsonl');
    mkdirSync(dirname(set));
    writeFileSync(set, LABELLED.map((ad) => JSON.stringify(ad)).join('\n'));
    const theme = join(w.configDir, 'themes', 'toezicht.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^profile: toezicht$/m, 'profile: toezicht\nevaluation: [{ name: small, file: ../sets/small.jsonl }]'));
    const toezicht = await w.login('admin-toezicht');
    // The theme's change is read with the next change an admin saves.
    const profile = (await w.app.inject({ method: 'GET', url: '/api/admin/profiles/toezicht', headers: toezicht.headers })).json();
    const saved = await w.app.inject({ method: 'PUT', url: '/api/admin/profiles/toezicht', headers: toezicht.headers, payload: { ...profile, threshold: 1000 } });
    assert.equal(saved.statusCode, 200, saved.body);
    const raised = (await get('toezicht', toezicht)).json();
    assert.equal(raised.threshold, 1000);
    assert.deepEqual(raised.sets.map((s: { name: string; ads: number; counts: object }) => [s.name, s.ads, s.counts]), [['small', 3, { tp: 0, fp: 0, tn: 1, fn: 2 }]]);

    const lowered = await w.app.inject({ method: 'PUT', url: '/api/admin/profiles/toezicht', headers: toezicht.headers, payload: { ...profile, threshold: 1 } });
    assert.equal(lowered.statusCode, 200, lowered.body);
    const after = (await get('toezicht', toezicht)).json();
    assert.equal(after.threshold, 1);
    assert.notDeepEqual(after.sets[0].counts, raised.sets[0].counts);
  });
});
