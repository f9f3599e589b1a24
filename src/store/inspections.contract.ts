// The behaviour every adapter of the inspection-lists port must show; run from api-stores.contract.ts.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { InspectionStore } from './inspections.ts';
import { keptAd, startTestRun } from './store.fixtures.ts';
import type { Store } from './store.ts';

type Test = (title: string, body: (p: { store: Store; inspections: InspectionStore }) => Promise<void>) => void;

const AT = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-09T08:00:00.000Z';
const HAARLEM = '0392';
const UTRECHT = '0344';
const noLicence = { id: 'licence-absent', label: 'Geen vergunning', reason: 'no licence number in the ad' };
const newAd = { id: 'new-this-week', label: 'Nieuw', reason: 'first seen in 2026-W10' };

async function saveAds(store: Store, theme: string, n: number): Promise<string[]> {
  const runId = await startTestRun(store, theme);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await store.saveAd(keptAd(runId, { theme, url: `https://ads.example/${theme}/${i}` }))).adId);
  return ids;
}

export function inspectionsContract(name: string, test: Test): void {
  describe(`inspections contract: ${name}`, () => {
    test('adds the selected ads of its theme with their criteria, and no ad of another theme', async ({ store, inspections }) => {
      const [a, b] = await saveAds(store, 'toezicht', 2);
      const [police] = await saveAds(store, 'mensenhandel', 1);
      const counts = await inspections.refresh('toezicht', [
        { municipality: HAARLEM, adId: a!, criteria: [noLicence] },
        { municipality: UTRECHT, adId: b!, criteria: [noLicence, newAd] },
        { municipality: HAARLEM, adId: police!, criteria: [noLicence] },
      ], AT);
      assert.deepEqual(counts, { added: 2, updated: 0, unselected: 0, removed: 0 });
      const blank = { theme: 'toezicht', addedAt: AT, selected: true, plannedFor: null, outcome: null, outcomeAt: null, outcomeBy: null, note: null };
      assert.deepEqual(await inspections.entries('toezicht'), [
        { ...blank, municipality: UTRECHT, adId: b, criteria: [noLicence, newAd] },
        { ...blank, municipality: HAARLEM, adId: a, criteria: [noLicence] },
      ]);
      assert.deepEqual((await inspections.entries('toezicht', UTRECHT)).map((e) => e.adId), [b]);
      assert.deepEqual(await inspections.entries('mensenhandel'), []);
    });

    test('renews the criteria of the still selected, drops the untouched, and keeps what a supervisor acted on', async ({ store, inspections }) => {
      const [kept, planned, visited, dropped] = await saveAds(store, 'toezicht', 4);
      await inspections.refresh('toezicht', [kept!, planned!, visited!, dropped!].map((adId) => ({ municipality: HAARLEM, adId, criteria: [noLicence] })), AT);
      await inspections.plan('toezicht', HAARLEM, planned!, '2026-03-20');
      await inspections.recordOutcome('toezicht', HAARLEM, visited!, { outcome: 'visited', at: AT, by: 'sanne', note: 'gesloten deur' });

      const counts = await inspections.refresh('toezicht', [{ municipality: HAARLEM, adId: kept!, criteria: [newAd] }], LATER);
      assert.deepEqual(counts, { added: 0, updated: 1, unselected: 2, removed: 1 });
      const after = await inspections.entries('toezicht');
      assert.deepEqual(after.map((e) => [e.adId, e.selected, e.addedAt]), [[kept, true, AT], [planned, false, AT], [visited, false, AT]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
      assert.deepEqual(after.find((e) => e.adId === kept)?.criteria, [newAd]);
      assert.equal(after.find((e) => e.adId === visited)?.note, 'gesloten deur');

      await inspections.refresh('toezicht', [{ municipality: HAARLEM, adId: planned!, criteria: [noLicence] }], LATER);
      assert.deepEqual((await inspections.entries('toezicht')).map((e) => [e.adId, e.selected]).sort(), [[planned, true], [visited, false]].sort());
    });

    test('plans and records an outcome on the named entry only, and answers false for an ad not on the list', async ({ store, inspections }) => {
      const [a, b] = await saveAds(store, 'toezicht', 2);
      await inspections.refresh('toezicht', [{ municipality: HAARLEM, adId: a!, criteria: [noLicence] }, { municipality: HAARLEM, adId: b!, criteria: [noLicence] }], AT);
      assert.equal(await inspections.plan('toezicht', HAARLEM, a!, '2026-03-20'), true);
      assert.equal(await inspections.recordOutcome('toezicht', HAARLEM, a!, { outcome: 'licensed', at: LATER, by: 'sanne', note: null }), true);
      assert.equal(await inspections.plan('toezicht', UTRECHT, a!, '2026-03-20'), false, 'another municipality');
      assert.equal(await inspections.plan('mensenhandel', HAARLEM, a!, '2026-03-20'), false, 'another theme');
      assert.equal(await inspections.recordOutcome('toezicht', HAARLEM, 'no-such-ad', { outcome: 'closed', at: LATER, by: 'sanne', note: null }), false);
      const [first, second] = await inspections.entries('toezicht', HAARLEM);
      const byId = new Map([first!, second!].map((e) => [e.adId, e]));
      assert.deepEqual([byId.get(a!)?.plannedFor, byId.get(a!)?.outcome, byId.get(a!)?.outcomeAt, byId.get(a!)?.outcomeBy], ['2026-03-20', 'licensed', LATER, 'sanne']);
      assert.deepEqual([byId.get(b!)?.plannedFor, byId.get(b!)?.outcome], [null, null]);
      assert.equal(await inspections.plan('toezicht', HAARLEM, a!, null), true);
      assert.equal((await inspections.entries('toezicht', HAARLEM)).find((e) => e.adId === a)?.plannedFor, null);
    });

    test('counts outcomes per municipality and outcome within the period, its end excluded', async ({ store, inspections }) => {
      const ids = await saveAds(store, 'toezicht', 4);
      await inspections.refresh('toezicht', ids.map((adId, i) => ({ municipality: i < 3 ? HAARLEM : UTRECHT, adId, criteria: [noLicence] })), AT);
      const record = (i: number, outcome: 'visited' | 'closed', at: string) => inspections.recordOutcome('toezicht', i < 3 ? HAARLEM : UTRECHT, ids[i]!, { outcome, at, by: 'sanne', note: null });
      await record(0, 'visited', '2026-03-02T00:00:00.000Z');
      await record(1, 'visited', '2026-03-08T23:59:59.999Z');
      await record(2, 'closed', '2026-03-09T00:00:00.000Z');
      await record(3, 'closed', '2026-03-05T12:00:00.000Z');
      assert.deepEqual(await inspections.outcomeCounts('toezicht', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'), [
        { municipality: UTRECHT, outcome: 'closed', count: 1 },
        { municipality: HAARLEM, outcome: 'visited', count: 2 },
      ]);
      assert.deepEqual(await inspections.outcomeCounts('mensenhandel', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'), []);
    });

    test('counts referrals to the police per ISO week and municipality, across a year boundary', async ({ store, inspections }) => {
      const ids = await saveAds(store, 'toezicht', 4);
      await inspections.refresh('toezicht', ids.map((adId) => ({ municipality: HAARLEM, adId, criteria: [noLicence] })), AT);
      const refer = (i: number, at: string, outcome: 'referred-to-police' | 'visited' = 'referred-to-police') =>
        inspections.recordOutcome('toezicht', HAARLEM, ids[i]!, { outcome, at, by: 'sanne', note: 'mogelijke uitbuiting' });
      await refer(0, '2026-12-31T10:00:00.000Z');
      await refer(1, '2027-01-03T22:00:00.000Z');
      await refer(2, '2027-01-04T00:00:00.000Z');
      await refer(3, '2027-01-04T01:00:00.000Z', 'visited');
      assert.deepEqual(await inspections.referralCounts(['toezicht'], '2026-12-28T00:00:00.000Z', '2027-01-11T00:00:00.000Z'), [
        { week: '2026-W53', municipality: HAARLEM, count: 2 },
        { week: '2027-W01', municipality: HAARLEM, count: 1 },
      ]);
      assert.deepEqual(await inspections.referralCounts(['other'], '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'), []);
    });
  });
}
