import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { THUMBNAIL_WIDTH, thumbnailOf } from './thumbnail.ts';

describe('thumbnail', () => {
  it('shrinks a photo to a small WebP at most 96 pixels wide', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a03060' } }).jpeg().toBuffer();
    const small = await thumbnailOf(photo);
    const meta = await sharp(small).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, THUMBNAIL_WIDTH);
    assert.ok(small.length < photo.length, `expected fewer bytes than the photo's ${photo.length}, got ${small.length}`);
  });

  it('refuses bytes that are no picture', async () => {
    await assert.rejects(thumbnailOf(Buffer.from('<svg onload="alert(1)"></svg>')));
  });
});
