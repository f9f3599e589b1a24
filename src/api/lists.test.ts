// Notes on listed ads and the CSV export of a list through the API: who may write and export, what
// the audit trail keeps (never the note itself), and a CSV that no spreadsheet runs as formulas. The
// CSV leaves only through the export workflow: requested, approved by a second person, downloaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '../accounts/roles.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, THEMES, otherTheme, userName, type ApiWorld, type Session } from './api.fixtures.ts';

describe('list notes and CSV export', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let supervisor: Session;
  const session = new Map<string, Session>();

  before(async () => {
    w = await openApiWorld();
    for (const role of ['expert', 'analyst', 'supervisor', 'admin', 'auditor'] as Role[]) {
      for (const theme of THEMES) {
        const name = userName(role, theme);
        // A supervisor never holds a police theme (roles.ts THEME_KINDS).
        if (name === 'supervisor-mensenhandel') continue;
        const s = await w.login(name);
        session.set(name, role === 'admin' || role === 'auditor' ? s : await justify(w.app, s));
      }
    }
    supervisor = session.get('supervisor-toezicht')!;
  });
  after(() => w?.close());

  const noteUrl = (theme: 'mensenhandel' | 'toezicht', ad = w.ads[theme][0]) => `/api/lists/${w.list[theme]}/ads/${ad}/note`;
  const putNote = (s: Session, url: string, note: unknown) => w.app.inject({ method: 'PUT', url, headers: s.headers, payload: { note } });
  const entries = async (s: Session, theme: 'mensenhandel' | 'toezicht') =>
    (await w.app.inject({ method: 'GET', url: `/api/lists/${w.list[theme]}`, headers: s.headers })).json().entries as
      { adId: string; note: { text: string; by: string; at: string } | null }[];
  /** The list's CSV as the export workflow gives it: requested by `s`, approved by another content
   *  reader of the theme, downloaded by `s`; the first refusal on the way is the answer. */
  const csv = async (s: Session, theme: 'mensenhandel' | 'toezicht', query = '') => {
    const asked = await w.app.inject({ method: 'POST', url: `/api/exports${query}`, headers: s.headers, payload: { kind: 'list-csv', subject: w.list[theme] } });
    if (asked.statusCode !== 201) return asked;
    const approver = [`analyst-${theme}`, `expert-${theme}`].map((n) => session.get(n)!).find((other) => other !== s)!;
    const approved = await w.app.inject({ method: 'POST', url: `/api/exports/${asked.json().id}/approve`, headers: approver.headers });
    assert.equal(approved.statusCode, 200, approved.body);
    return w.app.inject({ method: 'GET', url: `/api/exports/${asked.json().id}/download`, headers: s.headers });
  };

  it('keeps a supervisor\'s note on an ad of the list with who wrote it and when, and audits the change without its text', async () => {
    const from = await lastAuditSeq(w.store);
    const res = await putNote(supervisor, noteUrl('toezicht'), 'Pand aan de Rozengracht, vergunning nakijken');
    assert.equal(res.statusCode, 200, res.body);
    const note = { text: 'Pand aan de Rozengracht, vergunning nakijken', by: 'supervisor-toezicht', at: w.clock.now.toISOString() };
    assert.deepEqual(res.json(), { note });
    const events = await auditSince(w.store, from);
    assert.deepEqual((await entries(supervisor, 'toezicht')).find((e) => e.adId === w.ads.toezicht[0])?.note, note);
    assert.deepEqual(events.map((e) => [e.body.action, e.body['user'], e.body['resources']]),
      [['lists.note', 'supervisor-toezicht', [w.list.toezicht, w.ads.toezicht[0]]]]);
    assert.ok(!JSON.stringify(events).includes('Rozengracht'), 'the audit trail holds no note text');
  });

  it('clears a note when it is written empty', async () => {
    await putNote(supervisor, noteUrl('toezicht'), 'tijdelijk');
    assert.deepEqual((await putNote(supervisor, noteUrl('toezicht'), '  ')).json(), { note: null });
    assert.equal((await entries(supervisor, 'toezicht')).find((e) => e.adId === w.ads.toezicht[0])?.note, null);
  });

  it('refuses a note longer than 2000 characters and a note on an ad that is not on the list', async () => {
    assert.equal((await putNote(supervisor, noteUrl('toezicht'), 'x'.repeat(2001))).statusCode, 400);
    const off = await putNote(supervisor, noteUrl('toezicht', w.ads.toezicht[2]), 'niet op de lijst');
    assert.deepEqual([off.statusCode, off.json().code], [404, 'NOT_FOUND']);
  });

  it('lets each content reader write notes only on lists of their own themes; admins and auditors never', async () => {
    for (const [name, s] of session) {
      const [role, theme] = name.split('-') as [Role, 'mensenhandel' | 'toezicht'];
      const own = await putNote(s, noteUrl(theme), `van ${name}`);
      const other = await putNote(s, noteUrl(otherTheme(theme)), `van ${name}`);
      if (role === 'admin' || role === 'auditor') {
        assert.deepEqual([own.statusCode, other.statusCode], [403, 403], name);
      } else {
        assert.equal(own.statusCode, 200, `${name}: ${own.body}`);
        assert.ok([403, 404].includes(other.statusCode), `${name} on the other theme answered ${other.statusCode}`);
      }
    }
    const police = await entries(session.get('expert-mensenhandel')!, 'mensenhandel');
    assert.ok(!police.some((e) => e.note?.by.endsWith('-toezicht')), 'no toezicht account wrote on a police list');
  });

  it('exports the list as CSV with the note, as an attachment, each step audited with what left and why', async () => {
    await putNote(supervisor, noteUrl('toezicht'), 'Controle "vrijdag", 2e verdieping');
    const from = await lastAuditSeq(w.store);
    const res = await csv(supervisor, 'toezicht', '?justification=ZAAK-2026-17');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="controle-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body.split('\r\n');
    assert.equal(lines[0], 'ad,theme,source,url,title,city,score,indicators,first_seen,last_seen,note,note_by,note_at,added_by,added_at');
    assert.equal(lines.length, 3, 'a header, one ad and the final line break');
    assert.ok(lines[1]!.startsWith(`${w.ads.toezicht[0]},toezicht,`), lines[1]);
    assert.ok(lines[1]!.includes(',Advertentie een,Utrecht,'), lines[1]);
    assert.ok(lines[1]!.includes(',"Controle ""vrijdag"", 2e verdieping",supervisor-toezicht,'), lines[1]);
    const events = await auditSince(w.store, from);
    const id = (events[0]!.body['resources'] as string[])[0];
    assert.deepEqual(events.map((e) => [e.body.action, e.body['user'], e.body['resources'], e.body['count'], e.body['justification'], e.body['themes']]), [
      ['exports.request', 'supervisor-toezicht', [id, w.list.toezicht], 1, 'ZAAK-2026-17', ['toezicht']],
      ['exports.approve', 'analyst-toezicht', [id, w.list.toezicht], 1, 'ZAAK-2026-17', ['toezicht']],
      ['exports.download', 'supervisor-toezicht', [id, w.ads.toezicht[0]], 1, 'ZAAK-2026-17', ['toezicht']],
    ]);
  });

  it('exports only lists of the caller\'s themes, to content readers only, and only with a justification', async () => {
    assert.deepEqual([(await csv(supervisor, 'mensenhandel')).statusCode], [404]);
    assert.equal((await csv(session.get('expert-mensenhandel')!, 'toezicht')).statusCode, 404);
    assert.equal((await csv(session.get('analyst-mensenhandel')!, 'mensenhandel', '?justification=signal%20research')).statusCode, 200);
    assert.equal((await csv(session.get('admin-mensenhandel')!, 'mensenhandel', '?justification=signal%20research')).statusCode, 403);
    assert.equal((await csv(session.get('auditor-mensenhandel')!, 'mensenhandel', '?justification=signal%20research')).statusCode, 403);
    const unjustified = await w.login('supervisor-toezicht');
    const res = await csv(unjustified, 'toezicht');
    assert.equal(res.json().code, 'JUSTIFICATION_REQUIRED');
  });

  it('writes ad text and notes that look like formulas as plain text', async () => {
    const runId = await startTestRun(w.store, 'toezicht');
    const { adId } = await w.store.saveAd(keptAd(runId, {
      theme: 'toezicht', url: 'https://ads.example/toezicht/formula',
      fields: { title: '=HYPERLINK("http://evil.example","klik")', city: '+31 Utrecht', text: 'x' },
    }));
    await w.lists.addEntry(w.list.toezicht, { adId, addedBy: 'supervisor-toezicht', addedAt: w.clock.now.toISOString() });
    await putNote(supervisor, noteUrl('toezicht', adId), '@SUM(A1:A9)');
    const row = (await csv(supervisor, 'toezicht', '?justification=signal%20research')).body.split('\r\n').find((l) => l.startsWith(adId))!;
    assert.ok(row.includes(`,"'=HYPERLINK(""http://evil.example"",""klik"")",'+31 Utrecht,`), row);
    assert.ok(row.includes(",'@SUM(A1:A9),supervisor-toezicht,"), row);
  });
});
