import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { renderPicture } from '../../demo/images.ts';
import { createRng } from '../../demo/prng.ts';
import { perceptualHash, perceptualHashes } from './image-hash.ts';
import { hammingDistance, nearHashPairs } from './image-matches.ts';

const MATCH = 8;

describe('perceptual image hash', () => {
  it('matches a picture re-encoded at other sizes and qualities, as the demo reuses pictures', async () => {
    const original = await perceptualHash(await renderPicture({ picture: 4242, width: 480, height: 360, quality: 82 }));
    assert.match(original, /^[0-9a-f]{16}$/);
    for (const variant of [{ width: 640, height: 480, quality: 74 }, { width: 400, height: 300, quality: 90 }, { width: 560, height: 420, quality: 68 }]) {
      const hash = await perceptualHash(await renderPicture({ picture: 4242, ...variant }));
      assert.ok(hammingDistance(original, hash) <= MATCH, `${JSON.stringify(variant)}: ${hammingDistance(original, hash)} bits apart`);
    }
  });

  it('matches a picture shrunk and re-compressed hard', async () => {
    const bytes = await renderPicture({ picture: 77, width: 480, height: 360, quality: 82 });
    const worse = await sharp(bytes).resize(200, 150).jpeg({ quality: 35 }).toBuffer();
    assert.ok(hammingDistance(await perceptualHash(bytes), await perceptualHash(worse)) <= MATCH);
  });

  it('leaves out a picture it cannot read instead of failing', async () => {
    const good = await renderPicture({ picture: 9, width: 120, height: 90, quality: 80 });
    assert.deepEqual(await perceptualHashes([good, Buffer.from('not a picture')]), [await perceptualHash(good)]);
  });

  it('tells different pictures apart', async () => {
    const hashes = await Promise.all([1, 2, 3, 4, 5, 6].map(async (picture) => perceptualHash(await renderPicture({ picture, width: 480, height: 360, quality: 82 }))));
    assert.deepEqual(nearHashPairs(hashes, MATCH), []);
  });
});

describe('nearHashPairs', () => {
  it('finds every pair within the distance and no other, without comparing all pairs', () => {
    const hashes = ['0000000000000000', '0000000000000007', 'ff00000000000000', '00000000000000ff', 'ffffffffffffffff'];
    assert.deepEqual(nearHashPairs(hashes, 3), [[0, 1]]);
    assert.deepEqual(nearHashPairs(hashes, 8), [[0, 1], [0, 2], [0, 3], [1, 3]]);
  });

  it('finds exactly the pairs a comparison of all pairs finds', () => {
    const rng = createRng(5, 'hashes');
    const hex = () => Array.from({ length: 16 }, () => rng.int(0, 15).toString(16)).join('');
    const flip = (h: string, bits: number) => {
      let out = BigInt(`0x${h}`);
      for (let i = 0; i < bits; i++) out ^= 1n << BigInt(rng.int(0, 63));
      return out.toString(16).padStart(16, '0');
    };
    const hashes = Array.from({ length: 40 }, hex).flatMap((h) => [h, flip(h, rng.int(0, 6)), flip(h, rng.int(4, 14))]);
    for (const d of [0, 3, 8, 12, 15]) {
      const all: [number, number][] = [];
      for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) if (hammingDistance(hashes[i]!, hashes[j]!) <= d) all.push([i, j]);
      assert.deepEqual(nearHashPairs(hashes, d), all, `distance ${d}`);
    }
  });
});
