import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scaleOf, ZOOM_DEFAULT, ZOOM_STEPS, zoomByKey, zoomByWheel, zoomIn, zoomOut } from './zoom.ts';

describe('zoom', () => {
  it('starts at 100 % and steps in and out, stopping at the ends', () => {
    assert.equal(scaleOf(ZOOM_DEFAULT), 1);
    assert.equal(scaleOf(zoomIn(ZOOM_DEFAULT)), 1.5);
    assert.equal(scaleOf(zoomOut(ZOOM_DEFAULT)), 0.75);
    assert.equal(zoomIn(ZOOM_STEPS.length - 1), ZOOM_STEPS.length - 1);
    assert.equal(zoomOut(0), 0);
  });

  it('answers + - and 0 from the keyboard, and nothing else', () => {
    assert.equal(zoomByKey(ZOOM_DEFAULT, '+'), ZOOM_DEFAULT + 1);
    assert.equal(zoomByKey(ZOOM_DEFAULT, '-'), ZOOM_DEFAULT - 1);
    assert.equal(zoomByKey(5, '0'), ZOOM_DEFAULT);
    assert.equal(zoomByKey(ZOOM_DEFAULT, 'Tab'), null);
  });

  it('zooms in on wheel up and out on wheel down', () => {
    assert.equal(zoomByWheel(ZOOM_DEFAULT, -120), ZOOM_DEFAULT + 1);
    assert.equal(zoomByWheel(ZOOM_DEFAULT, 40), ZOOM_DEFAULT - 1);
    assert.equal(zoomByWheel(ZOOM_DEFAULT, 0), ZOOM_DEFAULT);
  });
});
