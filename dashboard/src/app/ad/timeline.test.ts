import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeSightings } from './timeline.ts';

describe('placeSightings', () => {
  it('places sightings by time between the first and the last, in time order', () => {
    assert.deepEqual(placeSightings(['2026-01-03T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z']).map((p) => p.position), [0, 0.5, 1]);
  });

  it('puts a single sighting in the middle, and answers nothing for none', () => {
    assert.deepEqual(placeSightings(['2026-01-01T00:00:00Z']), [{ at: '2026-01-01T00:00:00Z', position: 0.5 }]);
    assert.deepEqual(placeSightings([]), []);
  });
});
