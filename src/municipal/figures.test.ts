import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorFigures, municipalityWeeks, narrowToProvince, type FigureAd, type RunSpan } from './figures.ts';
import { municipalityByCode, resolvePlace } from './places.ts';
import { suppressMonitor, suppressMunicipality } from './suppress-figures.ts';
import type { LicenceStatus } from './types.ts';

// Week 2026-W40 is 28 Sep – 4 Oct, W41 5–11 Oct, W42 12–18 Oct.
let n = 0;
const ad = (city: string, firstSeen: string, lastSeen: string, licence: LicenceStatus = 'absent', source = 'demo-classic'): FigureAd =>
  ({ id: `ad${n++}`, source, firstSeen: `${firstSeen}T10:00:00.000Z`, lastSeen: `${lastSeen}T10:00:00.000Z`, place: resolvePlace(city), licence });
const RUNS: RunSpan[] = [
  { source: 'demo-classic', startedAt: '2026-10-06T09:00:00.000Z', finishedAt: '2026-10-06T11:00:00.000Z' },
  { source: 'demo-classic', startedAt: '2026-10-13T09:00:00.000Z', finishedAt: '2026-10-13T11:00:00.000Z' },
  { source: 'demo-modern', startedAt: '2026-10-20T09:00:00.000Z', finishedAt: null },
];

describe('monitor figures', () => {
  const ads = [
    ad('Haarlem', '2026-09-20', '2026-10-13', 'valid'), // active in W40–W42, seen by the last finished run: not gone
    ad('Haarlem', '2026-10-06', '2026-10-06', 'absent'), // new in W41 and gone (the run of the 13th did not see it)
    ad('Haarlem', '2026-10-06', '2026-10-06', 'unknown', 'demo-modern'), // last seen in W41 but no later finished run of its source
    ad('Amsterdam', '2026-10-13', '2026-10-13', 'expired'),
    ad('Bergen', '2026-10-06', '2026-10-06'), ad('Nergenshuizen', '2026-10-06', '2026-10-06'),
    ad('Haarlem', '2026-08-01', '2026-08-02'), // before the period
  ];

  it('counts active, new, gone and licence classes per municipality, province and in total', () => {
    const f = monitorFigures({ ads, runs: RUNS, from: '2026-W41', to: '2026-W41', inspections: [{ municipality: '0392', outcome: 'visited', count: 2 }] });
    assert.deepEqual(f.municipalities.map(({ code, active, new: fresh, gone, licensed, unlicensed, unknown, platforms, inspections }) =>
      ({ code, active, new: fresh, gone, licensed, unlicensed, unknown, platforms, inspections })), [
      { code: '0392', active: 3, new: 2, gone: 1, licensed: 1, unlicensed: 1, unknown: 1, platforms: { 'demo-classic': 2, 'demo-modern': 1 }, inspections: { visited: 2 } },
    ], 'a municipality without active ads (Amsterdam, seen in W42 only) is left out');
    assert.deepEqual(f.provinces, [{ province: 'Noord-Holland', active: 3, new: 2, gone: 1, licensed: 1, unlicensed: 1, unknown: 1 }]);
    assert.deepEqual(f.totals, { active: 3, new: 2, gone: 1, licensed: 1, unlicensed: 1, unknown: 1 });
    assert.deepEqual(f.unresolved, { ambiguous: 1, unknown: 1 }, 'Bergen is two municipalities, Nergenshuizen none: counted, not guessed');
  });

  it('narrows to one province, its row as the totals', () => {
    const all = monitorFigures({ ads, runs: RUNS, from: '2026-W40', to: '2026-W42', inspections: [] });
    assert.equal(all.totals.active, 4);
    const nh = narrowToProvince(all, 'Noord-Holland');
    assert.deepEqual([nh.municipalities.map((m) => m.code), nh.provinces.map((p) => p.province), nh.totals.active], [['0363', '0392'], ['Noord-Holland'], 4]);
    const zh = narrowToProvince(all, 'Zuid-Holland');
    assert.deepEqual([zh.municipalities, zh.provinces, zh.totals.active], [[], [], null]);
  });

  it('gives a municipality week by week', () => {
    const weeks = municipalityWeeks(municipalityByCode('0392')!, { ads, runs: RUNS, from: '2026-W40', to: '2026-W42' });
    assert.deepEqual(weeks.map((w) => [w.week, w.active, w.new, w.gone]), [['2026-W40', 1, 0, 0], ['2026-W41', 3, 2, 1], ['2026-W42', 1, 0, 0]]);
  });
});

describe('suppressing the monitor for supervisors', () => {
  const many = (city: string, count: number, licence: LicenceStatus) => Array.from({ length: count }, () => ad(city, '2026-10-06', '2026-10-13', licence));
  const ads = [...many('Haarlem', 9, 'absent'), ...many('Haarlem', 2, 'valid'), ...many('Amsterdam', 7, 'absent'), ...many('Utrecht', 6, 'absent'), ...many('Utrecht', 6, 'valid')];

  it('hides small counts and enough others that no sum gives them back', () => {
    const f = monitorFigures({ ads, runs: RUNS, from: '2026-W41', to: '2026-W41', inspections: [{ municipality: '0344', outcome: 'closed', count: 1 }] });
    suppressMonitor(f, 5);
    const haarlem = f.municipalities.find((m) => m.code === '0392')!;
    assert.equal(haarlem.licensed, null, '2 licensed ads in Haarlem are hidden');
    assert.notEqual(haarlem.active, null);
    const nh = f.provinces.find((p) => p.province === 'Noord-Holland')!;
    // Within Haarlem, licensed = active − unlicensed − unknown unless another part is hidden too.
    assert.ok([haarlem.unlicensed, haarlem.unknown].some((x) => x === null) || haarlem.active === null);
    // Province licensed = Haarlem + Amsterdam: Amsterdam's 0 is hidden, so the province's 2 must not be shown alone.
    assert.ok(nh.licensed === null || f.municipalities.filter((m) => m.province === 'Noord-Holland').every((m) => m.licensed === null));
    assert.equal(f.municipalities.find((m) => m.code === '0344')!.inspections['closed'], null);
    assert.equal(f.totals.active, 30, 'large totals stay');
    assert.equal(f.unresolved.ambiguous, null, 'a zero is hidden too');
  });

  it('hides a municipality page\'s small weeks and criteria counts, and the weeks that would give back a period count the overview hides', () => {
    const m = municipalityByCode('0392')!;
    const page = { weeks: municipalityWeeks(m, { ads, runs: RUNS, from: '2026-W41', to: '2026-W42' }), criteria: [{ id: 'x', label: 'X', count: 3 as number | null }] };
    const period = monitorFigures({ ads, runs: RUNS, from: '2026-W41', to: '2026-W42', inspections: [] });
    suppressMonitor(period, 5);
    const row = period.municipalities.find((x) => x.code === '0392')!;
    assert.deepEqual([row.active, row.new, row.gone], [11, 11, null]);
    suppressMunicipality(page, row, 5);
    assert.deepEqual(page.weeks.map((w) => [w.week, w.active, w.new, w.licensed]), [['2026-W41', 11, null, null], ['2026-W42', 11, null, null]],
      'W42\'s 0 new is hidden, so W41\'s 11 is too: the overview shows the period\'s 11');
    assert.equal(page.criteria[0]!.count, null);
  });

  it('never shows the weeks of a period count the overview hid through their sum', () => {
    const weeks = [{ week: 'a', active: 9, new: 6, gone: 0, licensed: 9, unlicensed: 0, unknown: 0 }, { week: 'b', active: 9, new: 7, gone: 0, licensed: 9, unlicensed: 0, unknown: 0 }];
    suppressMunicipality({ weeks, criteria: [] }, { active: 18, new: null, gone: null, licensed: 18, unlicensed: null, unknown: null }, 5);
    assert.deepEqual(weeks.map((w) => w.new), [null, 7], 'the overview hides new (13): both weeks shown would add up to it, one hidden does not');
  });
});
