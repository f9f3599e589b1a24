// Inspection lists through the API: what a supervisor sees and changes, what the audit trail keeps,
// bad input refused with nothing changed, and referrals reaching the police theme as counts only.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const noLicence = { id: 'licence-absent', label: 'Geen vergunning', reason: 'the ad gives no licence number' };

describe('inspection lists', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let supervisor: Session;
  let police: Session;
  let colleague: Session | undefined;
  // Each test has lists of its own: two municipalities (codes of no real one) and three fresh ads.
  let n = 0;
  let UTRECHT = '';
  let ZWOLLE = '';
  let ads: [string, string, string];

  before(async () => {
    w = await openApiWorld();
    supervisor = await justify(w.app, await w.login('supervisor-toezicht'));
    police = await justify(w.app, await w.login('expert-mensenhandel'));
  });
  beforeEach(async () => {
    n += 1;
    UTRECHT = `90${n}0`;
    ZWOLLE = `90${n}1`;
    const runId = await startTestRun(w.store, 'toezicht');
    const save = async (name: string) => (await w.store.saveAd(keptAd(runId, {
      theme: 'toezicht', url: `https://ads.example/inspections/${n}/${name}`, fields: { title: `Advertentie ${name}`, city: 'Utrecht', phones: ['+31611111111'] },
    }))).adId;
    ads = [await save('een'), await save('twee'), await save('drie')];
    const [a, b, c] = ads;
    await w.inspections.refresh('toezicht', [
      { municipality: UTRECHT, adId: a, criteria: [noLicence] }, { municipality: UTRECHT, adId: b, criteria: [noLicence] },
      { municipality: ZWOLLE, adId: c, criteria: [noLicence] },
    ], w.clock.now.toISOString());
  });
  after(() => w?.close());

  const get = (s: Session, url: string) => w.app.inject({ method: 'GET', url, headers: s.headers });
  const put = (s: Session, url: string, payload: object) => w.app.inject({ method: 'PUT', url, headers: s.headers, payload });
  const entryUrl = (adId: string, what: 'plan' | 'outcome', municipality = UTRECHT) => `/api/inspections/${municipality}/${adId}/${what}?theme=toezicht`;
  const stored = async () => (await w.inspections.entries('toezicht')).map((e) => ({ ...e }));

  it('shows per municipality how many entries are open, planned and done, naming no ad', async () => {
    await put(supervisor, entryUrl(ads[0], 'plan'), { plannedFor: '2026-03-20' });
    await put(supervisor, entryUrl(ads[1], 'outcome'), { outcome: 'closed' });
    const from = await lastAuditSeq(w.store);
    const res = await get(supervisor, '/api/inspections?theme=toezicht');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), [
      { municipality: UTRECHT, open: 0, planned: 1, done: 1, unselected: 0 },
      { municipality: ZWOLLE, open: 1, planned: 0, done: 0, unselected: 0 },
    ]);
    const [event] = await auditSince(w.store, from);
    assert.deepEqual([event?.body.action, event?.body['resources']], ['inspections.read', []]);
  });

  it('opens one municipality\'s list with each ad\'s reasons and summary, audited per ad with the justification', async () => {
    const from = await lastAuditSeq(w.store);
    const res = await get(supervisor, `/api/inspections/${UTRECHT}?theme=toezicht&justification=PL0900-2026-5`);
    assert.equal(res.statusCode, 200, res.body);
    const { municipality, entries } = res.json() as { municipality: unknown; entries: { adId: string; criteria: unknown[]; state: string; ad: { title: string } | null }[] };
    assert.deepEqual(municipality, { code: UTRECHT, name: null }, 'a made-up code has no name');
    assert.deepEqual(entries.map((e) => [e.adId, e.state, e.criteria, e.ad?.title]).sort(), [
      [ads[0], 'open', [noLicence], 'Advertentie een'], [ads[1], 'open', [noLicence], 'Advertentie twee'],
    ].sort());
    const [event] = await auditSince(w.store, from);
    assert.deepEqual([event?.body.action, [...(event?.body['resources'] as string[])].sort(), event?.body['justification']],
      ['inspections.read', [ads[0], ads[1]].sort(), 'PL0900-2026-5']);
  });

  it('plans a visit and records the outcome with its note, and audits both without the note\'s text', async () => {
    const ad = ads[0];
    const from = await lastAuditSeq(w.store);
    const planned = await put(supervisor, entryUrl(ad, 'plan'), { plannedFor: '2026-03-20' });
    assert.deepEqual([planned.statusCode, planned.json().plannedFor, planned.json().state], [200, '2026-03-20', 'planned'], planned.body);
    const done = await put(supervisor, entryUrl(ad, 'outcome'), { outcome: 'licensed', note: 'Vergunning hangt bij de ingang' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual([done.json().outcome, done.json().outcomeBy, done.json().outcomeAt, done.json().note, done.json().state],
      ['licensed', 'supervisor-toezicht', w.clock.now.toISOString(), 'Vergunning hangt bij de ingang', 'done']);
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['resources']]), [['inspections.plan', [ad]], ['inspections.outcome', [ad]]]);
    assert.ok(!JSON.stringify(events).includes('ingang'), 'the audit trail holds no note text');
  });

  it('refuses an unknown outcome, a date that does not exist, and an ad not on the list, changing nothing', async () => {
    const before = await stored();
    const [a, , c] = ads;
    const unknown = await put(supervisor, entryUrl(a, 'outcome'), { outcome: 'arrested' });
    assert.deepEqual([unknown.statusCode, unknown.json().code], [400, 'INPUT_INVALID']);
    assert.match(unknown.json().detail, /visited.*referred-to-police/s);
    const impossible = await put(supervisor, entryUrl(a, 'plan'), { plannedFor: '2026-02-31' });
    assert.deepEqual([impossible.statusCode, impossible.json().code], [400, 'INPUT_INVALID']);
    assert.match(impossible.json().detail, /plannedFor: expected a date as YYYY-MM-DD, got "2026-02-31"/);
    const month13 = await put(supervisor, entryUrl(a, 'plan'), { plannedFor: '2026-13-01' });
    assert.deepEqual([month13.statusCode, month13.json().code], [400, 'INPUT_INVALID'], month13.body);
    const words = await put(supervisor, entryUrl(a, 'plan'), { plannedFor: 'next Tuesday' });
    assert.deepEqual([words.statusCode, words.json().code], [400, 'INPUT_INVALID']);
    const elsewhere = await put(supervisor, entryUrl(c, 'outcome'), { outcome: 'visited' });
    assert.deepEqual([elsewhere.statusCode, elsewhere.json().code], [404, 'NOT_FOUND'], 'Zwolle\'s ad is not on Utrecht\'s list');
    assert.match(elsewhere.json().detail, new RegExp(`ad ${c} is not on the inspection list of municipality ${UTRECHT}`));
    const badCode = await get(supervisor, '/api/inspections/Utrecht?theme=toezicht');
    assert.deepEqual([badCode.statusCode, badCode.json().code], [400, 'INPUT_INVALID']);
    assert.deepEqual(await stored(), before);
  });

  it('exports a municipality\'s list as CSV once a second supervisor approves, which no spreadsheet runs as a formula', async () => {
    await put(supervisor, entryUrl(ads[0], 'outcome'), { outcome: 'visited', note: '=HYPERLINK("x")' });
    const asked = await w.app.inject({ method: 'POST', url: '/api/exports', headers: supervisor.headers, payload: { kind: 'inspection-csv', theme: 'toezicht', subject: UTRECHT } });
    assert.equal(asked.statusCode, 201, asked.body);
    const id = asked.json().id;
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/exports/${id}/download`, headers: supervisor.headers })).statusCode, 409, 'not before approval');
    if (!colleague) {
      await w.addUser(`collega-toezicht`, 'supervisor', ['toezicht']);
      colleague = await justify(w.app, await w.login('collega-toezicht'));
    }
    assert.equal((await w.app.inject({ method: 'POST', url: `/api/exports/${id}/approve`, headers: colleague.headers })).statusCode, 200);
    const from = await lastAuditSeq(w.store);
    const res = await w.app.inject({ method: 'GET', url: `/api/exports/${id}/download`, headers: supervisor.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), new RegExp(`filename="inspections-toezicht-${UTRECHT}-2026-03-01.csv"`));
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'municipality,ad,source,url,title,city,criteria,selected,added_at,planned_for,outcome,outcome_at,outcome_by,note');
    assert.equal(lines.length, 3);
    assert.ok(lines.some((l) => l.includes(ads[0]) && l.includes('visited') && l.includes(`"'=HYPERLINK(""x"")"`)), res.body);
    const [event] = await auditSince(w.store, from);
    assert.deepEqual([event?.body.action, [...(event?.body['resources'] as string[])].sort()], ['exports.download', [id, ads[0], ads[1]].sort()]);
    const police404 = await w.app.inject({ method: 'POST', url: '/api/exports', headers: police.headers, payload: { kind: 'inspection-csv', theme: 'toezicht', subject: UTRECHT } });
    assert.equal(police404.statusCode, 404, police404.body);
  });

  it('answers 404 to a police user on every inspection resource of the municipal theme, and on the police theme\'s own', async () => {
    const ad = ads[0];
    const before = await stored();
    for (const theme of ['toezicht', 'mensenhandel']) {
      const answers = [
        (await get(police, `/api/inspections?theme=${theme}`)).statusCode,
        (await get(police, `/api/inspections/${UTRECHT}?theme=${theme}`)).statusCode,
        (await put(police, `/api/inspections/${UTRECHT}/${ad}/plan?theme=${theme}`, { plannedFor: '2026-03-20' })).statusCode,
        (await put(police, `/api/inspections/${UTRECHT}/${ad}/outcome?theme=${theme}`, { outcome: 'closed' })).statusCode,
      ];
      assert.deepEqual(answers, [404, 404, 404, 404], theme);
    }
    assert.deepEqual(await stored(), before);
  });

  it('gives the police theme the number of ads referred to it per week and municipality, and nothing of the ads', async () => {
    await put(supervisor, entryUrl(ads[0], 'outcome'), { outcome: 'referred-to-police', note: 'Mogelijk minderjarig, telefoon 06-11111111' });
    await put(supervisor, entryUrl(ads[1], 'outcome'), { outcome: 'referred-to-police' });
    await put(supervisor, entryUrl(ads[2], 'outcome', ZWOLLE), { outcome: 'visited' });
    const from = await lastAuditSeq(w.store);
    const res = await get(police, '/api/referrals?theme=mensenhandel&from=2026-W09&to=2026-W09');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { theme: 'mensenhandel', from: '2026-W09', to: '2026-W09', weeks: [{ week: '2026-W09', municipality: UTRECHT, count: 2 }] });
    for (const secret of [...ads, '0611111111', '+31611111111', 'minderjarig', 'Advertentie']) assert.ok(!res.body.includes(secret), secret);
    const [event] = await auditSince(w.store, from);
    assert.deepEqual([event?.body.action, event?.body.themes, event?.body['resources']], ['inspections.referrals', ['mensenhandel'], []]);
    await w.inspections.refresh('toezicht', [], w.clock.now.toISOString());
    assert.deepEqual((await get(police, '/api/referrals?theme=mensenhandel&from=2026-W09&to=2026-W09')).json().weeks, [{ week: '2026-W09', municipality: UTRECHT, count: 2 }],
      'a referral stays counted when the ad drops out of the selection');
    const later = await get(police, '/api/referrals?theme=mensenhandel&from=2026-W10&to=2026-W12');
    assert.deepEqual(later.json().weeks, []);
  });

  it('refuses referral counts to a supervisor and for a municipal theme with 404, and a bad week with 400', async () => {
    assert.equal((await get(supervisor, '/api/referrals?theme=mensenhandel&from=2026-W09&to=2026-W09')).statusCode, 404);
    assert.equal((await get(supervisor, '/api/referrals?theme=toezicht&from=2026-W09&to=2026-W09')).statusCode, 404);
    const badWeek = await get(police, '/api/referrals?theme=mensenhandel&from=2026-W54&to=2026-W55');
    assert.deepEqual([badWeek.statusCode, badWeek.json().code], [400, 'INPUT_INVALID']);
    assert.match(badWeek.json().detail, /expected an ISO week as YYYY-Www/);
    const backwards = await get(police, '/api/referrals?theme=mensenhandel&from=2026-W10&to=2026-W09');
    assert.deepEqual([backwards.statusCode, backwards.json().code], [400, 'INPUT_INVALID']);
  });
});
