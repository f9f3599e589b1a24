// The municipal monitor through the API: figures per municipality, province and week with small
// counts suppressed, a municipality's page, its council report without personal data, and the
// monitor invisible to police roles and police themes invisible to supervisors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LicenceRow } from '../municipal/types.ts';
import { zipEntries } from '../reports/zip-entries.fixtures.ts';
import { keptAd, SOFTWARE } from '../store/store.fixtures.ts';
import { auditSince, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

const SEEN = '2026-02-24T10:00:00.000Z'; // 2026-W09; the world's clock stands at 2026-03-01, the same week
const licence = (n: number, over: Partial<LicenceRow> = {}): LicenceRow => ({
  licence: `P-2026-0000${n}`, businessName: `Club ${n}`, address: `Kerkstraat ${n}`, postcode: '2011 AB', municipality: '0392', validFrom: '2026-01-01', validTo: null, ...over,
});
type Counts = Record<'active' | 'new' | 'gone' | 'licensed' | 'unlicensed' | 'unknown', number | null>;
interface Monitor { suppressedBelow: number; municipalities: (Counts & { code: string; name: string; province: string; platforms: Record<string, number | null> })[]; provinces: (Counts & { province: string })[]; totals: Counts; unresolved: { ambiguous: number | null; unknown: number | null } }

describe('the municipal monitor API', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let supervisor: Session;
  const titles: string[] = [];
  before(async () => {
    w = await openApiWorld();
    supervisor = await w.login('supervisor-toezicht');
    await w.reference.addImport({ theme: 'toezicht', kind: 'licences', fileName: 'vergunningen.csv', sha256: 'a'.repeat(64), rows: 6, importedBy: 'fixture', importedAt: SEEN },
      [1, 2, 3, 4, 5, 6].map((n) => licence(n)).concat([licence(7, { licence: 'P-2025-00007', validTo: '2025-12-31' })]));
    const run = await w.store.startRun({ theme: 'toezicht', source: 'toezicht-classic', startedAt: '2026-02-24T09:00:00.000Z', softwareVersion: SOFTWARE });
    let n = 0;
    const ad = async (city: string, licenceNumber?: string) => {
      const title = `Privéontvangst Jasmijn ${++n}`;
      titles.push(title);
      await w.store.saveAd(keptAd(run, {
        theme: 'toezicht', source: 'toezicht-classic', url: `https://ads.example/toezicht/m${n}`, capturedAt: SEEN,
        fields: { title, city, phones: [`+3161234${String(n).padStart(4, '0')}`], ...(licenceNumber ? { licence: licenceNumber } : {}) },
      }));
    };
    for (let i = 1; i <= 6; i++) await ad('Haarlem', `P-2026-0000${i}`); // licensed
    for (let i = 0; i < 6; i++) await ad('Haarlem'); // no number
    for (let i = 0; i < 5; i++) await ad('2011 AB Haarlem', 'P-2026-99999'); // a number the register does not hold
    for (let i = 0; i < 7; i++) await ad('Amsterdam', 'P-2025-00007'); // expired
    for (let i = 0; i < 2; i++) await ad('Utrecht');
    for (let i = 0; i < 6; i++) await ad('Amersfoort');
    await ad('Bergen');
    await w.store.finishRun(run, { captured: 34, kept: 34, deleted: 0, failed: 0 }, '2026-02-24T11:00:00.000Z');
  });
  after(() => w?.close());

  const get = (url: string, session: Session) => w.app.inject({ method: 'GET', url, headers: session.headers });
  const monitor = async (query: string): Promise<Monitor> => {
    const res = await get(`/api/monitor?theme=toezicht&${query}`, supervisor);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('counts per municipality and province, large counts shown and small ones hidden so no sum gives them back', async () => {
    const from = await lastAuditSeq(w.store);
    const m = await monitor('from=2026-W09&to=2026-W09');
    const haarlem = m.municipalities.find((x) => x.code === '0392')!;
    assert.deepEqual([haarlem.name, haarlem.active, haarlem.new, haarlem.licensed, haarlem.unlicensed, haarlem.unknown], ['Haarlem', 17, 17, 6, 6, 5]);
    assert.deepEqual(haarlem.platforms, { 'toezicht-classic': 17 });
    const amsterdam = m.municipalities.find((x) => x.code === '0363')!;
    assert.deepEqual([amsterdam.active, amsterdam.unlicensed], [7, 7], 'an expired licence counts as unlicensed');
    const utrecht = m.municipalities.find((x) => x.code === '0344')!;
    assert.equal(utrecht.active, null, '2 ads in Utrecht are hidden');
    assert.equal(m.suppressedBelow, 5);
    assert.equal(m.unresolved.ambiguous, null, 'one ad in Bergen (two municipalities) is counted as ambiguous, and hidden');
    // No published sum has exactly one hidden member.
    const rows = [...m.municipalities, ...m.provinces, m.totals];
    for (const row of rows) assert.notEqual([row.licensed, row.unlicensed, row.unknown, row.active].filter((x) => x === null).length, 1, JSON.stringify(row));
    for (const c of ['active', 'licensed', 'unlicensed', 'unknown'] as const) {
      assert.notEqual([...m.provinces.map((p) => p[c]), m.totals[c]].filter((x) => x === null).length, 1, `${c} over the provinces`);
    }
    const events = await auditSince(w.store, from);
    assert.deepEqual(events.map((e) => [e.body.action, e.body.themes, e.body.query, e.body.justification]),
      [['monitor.read', ['toezicht'], { from: '2026-W09', to: '2026-W09' }, null]]);
  });

  it('narrows to a province, and defaults to the current week', async () => {
    const m = await monitor('province=Utrecht&from=2026-W09&to=2026-W09');
    const all = await monitor('from=2026-W09&to=2026-W09');
    assert.deepEqual(m.municipalities.map((x) => x.code), ['0307', '0344']);
    assert.deepEqual(m.municipalities, all.municipalities.filter((x) => x.province === 'Utrecht'), 'the same cells shown and hidden as in the whole answer');
    assert.deepEqual(m.totals, (({ province: _, ...counts }) => counts)(all.provinces.find((p) => p.province === 'Utrecht')!));
    assert.deepEqual((await monitor('')).totals, (await monitor('from=2026-W09&to=2026-W09')).totals);
    assert.deepEqual((await monitor('from=2026-W10&to=2026-W10')).municipalities, []);
  });

  it('gives one municipality week by week with its platforms and selection counts', async () => {
    const res = await get('/api/monitor/municipalities/0392?theme=toezicht&from=2026-W08&to=2026-W09', supervisor);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json();
    assert.deepEqual(page.municipality, { code: '0392', name: 'Haarlem', province: 'Noord-Holland', lat: page.municipality.lat, lng: page.municipality.lng });
    assert.deepEqual(page.weeks.map((x: Counts & { week: string }) => [x.week, x.active, x.licensed, x.unlicensed, x.unknown]),
      [['2026-W08', null, null, null, null], ['2026-W09', 17, 6, 6, 5]]);
    assert.deepEqual(page.platforms, [{ source: 'toezicht-classic', active: 17 }]);
    const criteria = Object.fromEntries(page.criteria.map((c: { id: string; count: number | null }) => [c.id, c.count]));
    assert.equal(criteria['licence-unknown'], 5);
    assert.equal(criteria['new-this-week'], 17);
    assert.equal(page.period.active, 17);
  });

  it('writes the council report without personal data, as PDF and DOCX, in Dutch and English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baken-council-'));
    try {
      const pdf = await get('/api/monitor/municipalities/0392/report?theme=toezicht&from=2026-W09&to=2026-W09&format=pdf&lang=nl', supervisor);
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).stdout;
      assert.match(text, /Raadsrapportage prostitutiemonitor — Haarlem/);
      assert.match(text, /Online\s+17/);
      assert.match(text, /Met vergunning\s+6/);
      assert.match(text, /Verdwenen\s+—/, 'a suppressed count is a dash');
      assert.match(text, /2026-W09\s+17\s+17\s+—\s+6\s+6\s+5/);
      for (const personal of [...titles, 'P-2026-0000', '+31612', '0612', 'Kerkstraat', '2011 AB', 'Club 1']) assert.ok(!text.includes(personal), `the report holds "${personal}"`);
      const docx = await get('/api/monitor/municipalities/0392/report?theme=toezicht&from=2026-W09&to=2026-W09&format=docx&lang=en', supervisor);
      assert.equal(docx.statusCode, 200, docx.body);
      const body = zipEntries(docx.rawPayload).get('word/document.xml')!.toString('utf8');
      for (const wanted of ['Council report: sex-work monitor — Haarlem', 'Licensed', 'Ads online per week', '2026-W09']) assert.ok(body.includes(wanted), `document.xml holds "${wanted}"`);
      for (const personal of [...titles, 'P-2026-0000', '+31612', 'Kerkstraat']) assert.ok(!body.includes(personal), `the DOCX holds "${personal}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 404 to police roles on the monitor and to a supervisor on a police theme, its monitor and its ads', async () => {
    const expert = await w.login('expert-toezicht');
    const police = await w.login('expert-mensenhandel');
    for (const [session, url] of [
      [expert, '/api/monitor?theme=toezicht'], [expert, '/api/monitor/municipalities/0392?theme=toezicht'],
      [police, '/api/monitor?theme=mensenhandel'], [police, '/api/monitor?theme=toezicht'],
      [supervisor, '/api/monitor?theme=mensenhandel'], [supervisor, '/api/monitor/municipalities/0392/report?theme=mensenhandel'],
      [supervisor, `/api/ads/${w.ads.mensenhandel[0]}?justification=signal%20research`],
    ] as const) {
      const res = await get(url, session);
      assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
    }
  });

  it('refuses a bad week, a period ending before it starts, an unknown province or municipality, and still answers the same after', async () => {
    const before = await monitor('from=2026-W09&to=2026-W09');
    const refused = [
      ['/api/monitor?theme=toezicht&from=2026-W60', 400, /from: expected an ISO week as YYYY-Www/],
      ['/api/monitor?theme=toezicht&from=2026-9', 400, /expected an ISO week as YYYY-Www/],
      ['/api/monitor?theme=toezicht&from=2026-W09&to=2026-W08', 400, /to: expected a week on or after from \(2026-W09\), got 2026-W08/],
      ['/api/monitor?theme=toezicht&province=Holland', 400, /province/],
      ['/api/monitor/municipalities/9999?theme=toezicht', 404, /no municipality with CBS code "9999"/],
      ['/api/monitor/municipalities/392?theme=toezicht', 400, /expected a CBS municipality code of four digits/],
      ['/api/monitor/municipalities/0392/report?theme=toezicht&format=odt', 400, /format/],
    ] as const;
    for (const [url, status, message] of refused) {
      const res = await get(url, supervisor);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.match(res.json().detail, message, url);
    }
    assert.deepEqual(await monitor('from=2026-W09&to=2026-W09'), before);
  });
});
