// The keys every store adapter derives alike: a change here would orphan the ads already stored
// (their ids) and make every re-sighting look like a changed ad (their content hashes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adId, cityKey, contentHashOf, imageHashes } from './ad-keys.ts';
import type { Artefact } from './ad.ts';

const URL = 'https://site-a.example/ad/1';

describe('adId', () => {
  it('is the first 24 hex digits of the SHA-256 of theme and URL, as stored', () => {
    assert.equal(adId('mensenhandel', URL), 'bdacb2499c27e007c52b3c55');
  });

  it("differs between themes for the same URL, so one theme's ad never shares a row with another's", () => {
    assert.equal(adId('toezicht', URL), '4d74a8ea048e39f1b308eac9');
  });
});

describe('contentHashOf', () => {
  const fields = { title: 'Anna', city: 'Utrecht' };

  it('is the SHA-256 of the canonical fields and sorted image hashes, as stored', () => {
    assert.equal(contentHashOf(fields, ['aa', 'bb']), '918e5db2cef973958f54603c24ba0af3d22f8e864178d2693071cc712e7e4fc7');
    assert.equal(contentHashOf({ title: 'Anna' }, []), 'c59119da7df344fc8c3522e4f5f5547b6b03f54ccce364abf12f1a759800015f');
  });

  it('is the same whatever the order of the fields or the images', () => {
    assert.equal(contentHashOf({ city: 'Utrecht', title: 'Anna' }, ['bb', 'aa']), contentHashOf(fields, ['aa', 'bb']));
  });

  it('changes when a field or an image changes', () => {
    const hash = contentHashOf(fields, ['aa', 'bb']);
    assert.notEqual(contentHashOf({ ...fields, city: 'Breda' }, ['aa', 'bb']), hash);
    assert.notEqual(contentHashOf(fields, ['aa', 'cc']), hash);
    assert.notEqual(contentHashOf(fields, ['aa']), hash);
  });

  it("leaves the caller's list of image hashes in its order", () => {
    const images = ['bb', 'aa'];
    contentHashOf(fields, images);
    assert.deepEqual(images, ['bb', 'aa']);
  });
});

describe('cityKey', () => {
  it('is the city in lower case without surrounding space', () => {
    assert.equal(cityKey('  Den Haag '), 'den haag');
  });

  it('is the same for a city name written with a combining accent or a precomposed one', () => {
    assert.equal(cityKey('Zu\u0308rich'), 'z\u00fcrich');
    assert.equal(cityKey('Z\u00fcrich'), 'z\u00fcrich');
  });

  it('is null for an ad without a city', () => {
    assert.equal(cityKey(undefined), null);
  });
});

describe('imageHashes', () => {
  it("gives the hashes of the ad's pictures only, in order", () => {
    const artefact = (kind: Artefact['kind'], sha256: string): Artefact => ({ kind, sha256, mime: 'application/octet-stream', bytes: 1 });
    const artefacts = [artefact('html', 'h1'), artefact('image', 'i1'), artefact('screenshot', 's1'), artefact('warc', 'w1'), artefact('image', 'i2')];
    assert.deepEqual(imageHashes(artefacts), ['i1', 'i2']);
    assert.deepEqual(imageHashes([artefact('html', 'h1')]), []);
  });
});
