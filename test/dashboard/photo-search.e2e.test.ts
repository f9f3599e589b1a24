// Search by photo in real Chromium over the shared crawled demo data: an expert uploads a demo ad's
// picture, resized and re-encoded as JPEG; the dashboard shows the upload from the browser's memory
// beside each matching ad's own picture, with the distance, and the ad the picture came from among them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { ACCOUNTS, justify, keepScreenshot, problemsOf, seriousViolations, signIn, useDashboard } from './harness.ts';

describe('dashboard: search by photo', () => {
  const dashboard = useDashboard();

  test('an expert finds the ad of a demo picture re-encoded, and sees both pictures side by side', async () => {
    const page = await dashboard.ui.newPage();
    await signIn(page, dashboard.served.url, ACCOUNTS.expert);
    await justify(page);
    // A police ad with a picture, and the picture's bytes, through the API as the signed-in expert.
    const { id, bytes } = await page.evaluate(async () => {
      const search = await (await fetch('/api/ads?theme=mensenhandel&pageSize=100')).json() as { hits: { id: string }[] };
      for (const hit of search.hits) {
        const ad = await (await fetch(`/api/ads/${hit.id}`)).json() as { artefacts: { kind: string; n: number }[] };
        const image = ad.artefacts.find((a) => a.kind === 'image');
        if (!image) continue;
        const picture = new Uint8Array(await (await fetch(`/api/ads/${hit.id}/images/${image.n}`)).arrayBuffer());
        return { id: hit.id, bytes: Array.from(picture) };
      }
      throw new Error('no demo ad with a picture');
    });
    const upload = await sharp(Buffer.from(bytes)).resize(300).jpeg({ quality: 60 }).toBuffer();

    await page.goto(`${dashboard.served.url}/photo`);
    await page.locator('#photo-file').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: upload });
    assert.match(await page.locator('#photo-chosen').getAttribute('src') ?? '', /^blob:/, 'the upload is shown from the browser\'s memory');
    await page.locator('form.photo-form button[type=submit]').click();
    await page.locator('.photo-match').first().waitFor();
    const matched = await page.locator('.photo-match').evaluateAll((items) => items.map((li) => ({
      ad: li.getAttribute('data-ad'), distance: Number(/(\d+)/.exec(li.querySelector('.distance')?.textContent ?? '')?.[1]),
    })));
    assert.ok(matched.some((m) => m.ad === id), `the ad the picture came from is listed: ${JSON.stringify(matched)}`);
    assert.ok(matched.every((m) => m.distance <= 10), 'every match within the default distance');
    assert.deepEqual(matched.map((m) => m.distance), [...matched.map((m) => m.distance)].sort((a, b) => a - b), 'nearest first');
    const row = page.locator(`.photo-match[data-ad="${id}"]`);
    await row.locator('img.theirs').waitFor();
    assert.ok(await row.locator('img.theirs').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the ad\'s own picture is shown');
    assert.match(await row.locator('img').first().getAttribute('src') ?? '', /^blob:/, 'beside the upload');
    assert.match(await page.locator('#photo-status').textContent() ?? '', /advertenties binnen 10 bits van hash [0-9a-f]{16}/);
    assert.deepEqual(await seriousViolations(page), []);
    await keepScreenshot(page, 'photo-search');
    assert.deepEqual(problemsOf(page), []);
  });

  test('a file that is no picture is refused with the API\'s reason', async () => {
    const page = await dashboard.ui.newPage('en');
    await signIn(page, dashboard.served.url, ACCOUNTS.analyst);
    await justify(page);
    await page.goto(`${dashboard.served.url}/photo`);
    await page.locator('#photo-file').setInputFiles({ name: 'brief.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    await page.locator('form.photo-form button[type=submit]').click();
    await page.locator('#photo-error').waitFor();
    assert.match(await page.locator('#photo-error').textContent() ?? '', /Search by photo failed: the upload is not a picture Baken can read/);
    assert.equal(await page.locator('.photo-match').count(), 0);
  });
});
