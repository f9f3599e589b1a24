// The internal refresh of the inspection lists: it follows the selection of a municipal theme only.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiWorld, serviceContextOf, type ApiWorld } from '../api/api.fixtures.ts';
import { BakenError } from '../domain/errors.ts';
import type { SelectedAd } from '../municipal/selection.ts';
import { InspectionService } from './inspection.service.ts';

const utrecht = { code: '0344', name: 'Utrecht', province: 'Utrecht' };
const criteria = [{ id: 'licence-absent', label: 'Geen vergunning', reason: 'the ad gives no licence number' }];

describe('InspectionService.refresh', { timeout: 60_000 }, () => {
  let w: ApiWorld;
  before(async () => { w = await openApiWorld(); });
  after(() => w?.close());

  it('fills the lists of a municipal theme from the selection, by the municipality\'s code', async () => {
    const service = new InspectionService(serviceContextOf(w));
    const selected: SelectedAd[] = [{ adId: w.ads.toezicht[1], municipality: utrecht, criteria }];
    assert.deepEqual(await service.refresh('toezicht', selected, '2026-03-02T06:00:00.000Z'), { added: 1, updated: 0, unselected: 0, removed: 1 });
    assert.deepEqual((await w.inspections.entries('toezicht')).map((e) => [e.municipality, e.adId, e.criteria]), [['0344', w.ads.toezicht[1], criteria]]);
  });

  it('refuses a police theme and stores nothing', async () => {
    const service = new InspectionService(serviceContextOf(w));
    const selected: SelectedAd[] = [{ adId: w.ads.mensenhandel[0], municipality: utrecht, criteria }];
    await assert.rejects(service.refresh('mensenhandel', selected, '2026-03-02T06:00:00.000Z'),
      (err: unknown) => err instanceof BakenError && err.code === 'INPUT_INVALID' && /not a municipal theme/.test(err.message));
    assert.deepEqual(await w.inspections.entries('mensenhandel'), []);
  });
});
