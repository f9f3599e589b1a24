import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { generateWorld } from './generate.ts';
import { PHOTOS_PER_AD } from './photo-heavy.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { Truth } from './truth.ts';

const light = generateWorld({ size: 'small' });
const heavy = generateWorld({ size: 'small', photos: 'heavy' });

test('a photo-heavy world shows the same ads, each with eight photos that start with its light pictures', () => {
  assert.deepEqual(heavy.ads.map((a) => a.id), light.ads.map((a) => a.id));
  for (const [i, ad] of heavy.ads.entries()) {
    assert.equal(ad.fields.images.length, PHOTOS_PER_AD, ad.id);
    assert.deepEqual(ad.fields.images.slice(0, light.ads[i]!.fields.images.length), light.ads[i]!.fields.images, ad.id);
    for (const id of ad.fields.images) assert.ok(heavy.images[id], `${ad.id}: no picture for ${id}`);
  }
  assert.deepEqual(generateWorld({ size: 'small', photos: 'heavy' }), heavy);
});

test('the ads of an image network show one photo byte for byte the same, as a re-posted file is', () => {
  const networks = heavy.networks.filter((n) => n.kind === 'image' && n.ads.length > 1);
  assert.ok(networks.length > 0, 'the small world has an image network');
  for (const network of networks) {
    const photos = network.ads.map((id) => new Set(heavy.ads.find((a) => a.id === id)!.fields.images));
    const shared = [...photos[0]!].filter((id) => photos.every((p) => p.has(id)));
    assert.equal(shared.length, 1, `${network.id}: photos shown by all of ${network.ads.join(', ')}`);
  }
});

let server: DemoServer;
let truth: Truth;
before(async () => {
  server = await startDemoServer({ port: 0, size: 'small', photos: 'heavy' });
  truth = await (await fetch(`${server.url}/_truth.json`)).json() as Truth;
});
after(() => server.close());

test('serves photos of a camera upload size: 4:3 JPEG 1000–1280 px wide, of 150–300 kB', async () => {
  const reused = truth.ads.find((a) => truth.networks.some((n) => n.kind === 'image' && n.ads.slice(1).includes(a.id)))!;
  for (const url of [...truth.ads[0]!.fields.images.slice(0, 2), reused.fields.images[0]!]) {
    const res = await fetch(url);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    const body = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(body).metadata();
    assert.ok(meta.width >= 1000 && meta.width <= 1280 && meta.width * 3 === meta.height * 4, `${url}: ${meta.width}×${meta.height}`);
    assert.ok(body.length >= 150_000 && body.length <= 300_000, `${url}: ${body.length} bytes`);
  }
});
