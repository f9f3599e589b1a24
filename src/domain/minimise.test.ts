// Wpg art. 4b: a kept ad holds only what its theme's store policy lists, and its pictures only
// where the policy allows them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedFields, allowedImageUrls, type StorePolicy } from './minimise.ts';
import type { AdFields } from './ad.ts';

const FIELDS: AdFields = {
  title: 'Anna, nieuw in Utrecht', text: 'Bel 06-12345678', age: 23, phones: ['+31612345678'], city: 'Utrecht',
  images: ['https://site-a.example/img/1.jpg', 'https://site-a.example/img/2.jpg'],
};
const policy = (p: Partial<StorePolicy>): StorePolicy => ({ fields: [], html: false, images: false, screenshot: 'none', ...p });

describe('allowedFields', () => {
  it('keeps exactly the fields the policy lists, with their values', () => {
    assert.deepEqual(allowedFields(FIELDS, policy({ fields: ['city', 'phones', 'age'] })), { city: 'Utrecht', phones: ['+31612345678'], age: 23 });
  });

  it('adds no key for a listed field the ad does not have', () => {
    const kept = allowedFields({ city: 'Utrecht' }, policy({ fields: ['city', 'phones', 'email'] }));
    assert.deepEqual(kept, { city: 'Utrecht' });
    assert.deepEqual(Object.keys(kept), ['city']);
  });

  it('keeps nothing under a policy that lists no fields', () => {
    assert.deepEqual(allowedFields(FIELDS, policy({ fields: [] })), {});
  });
});

describe('allowedImageUrls', () => {
  it("gives the ad's own picture URLs where the policy allows pictures", () => {
    assert.deepEqual(allowedImageUrls(FIELDS, policy({ images: true })), ['https://site-a.example/img/1.jpg', 'https://site-a.example/img/2.jpg']);
  });

  it('gives no URL where the policy allows pictures but the ad has none', () => {
    assert.deepEqual(allowedImageUrls({ city: 'Utrecht' }, policy({ images: true })), []);
  });

  it('gives no URL where the policy forbids pictures, even when the ad has them', () => {
    assert.deepEqual(allowedImageUrls(FIELDS, policy({ images: false, fields: ['images'] })), []);
  });
});
