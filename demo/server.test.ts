import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'cheerio';
import { generateWorld } from './generate.ts';
import { HUGE_BYTES } from './hostile.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { Truth } from './truth.ts';

let server: DemoServer;
let truth: Truth;
const get = (path: string, init: RequestInit = {}) => fetch(server.url + path, { redirect: 'manual', ...init });
const admitted = { headers: { cookie: 'velvet_age=ok' } };

before(async () => {
  server = await startDemoServer({ port: 0, hostile: true });
  truth = await (await get('/_truth.json')).json() as Truth;
});
after(() => server.close());

test('starts on a free port and says where', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.port, 4100);
  const res = await get('/');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('server'), 'demo-platform');
  assert.ok(res.headers.get('date'));
});

test('serves classic list pages of 20 ads linked by rel=next until the last page', async () => {
  const classic = truth.ads.filter((a) => a.platform === 'classic');
  const seen: string[] = [];
  let path: string | undefined = '/classic/';
  while (path) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const $ = load(await res.text());
    seen.push(...$('article.card > a').map((_, el) => $(el).attr('href')).get());
    path = $('a[rel=next]').attr('href');
  }
  assert.deepEqual(seen.map((p) => server.url + p), classic.map((a) => a.url));
});

test('shows on classic detail pages exactly the text and title of the truth', async () => {
  for (const ad of truth.ads.filter((a) => a.platform === 'classic' && !a.hostile)) {
    const $ = load(await (await get(new URL(ad.url).pathname)).text());
    assert.equal($('section.ad-body').text(), ad.fields.text, ad.id);
    assert.equal($('h1.ad-title').text(), ad.fields.title, ad.id);
  }
});

test('serves the swipe shell and app, and a finite API listing every swipe ad', async () => {
  const shell = await get('/swipe/');
  assert.equal(shell.status, 200);
  assert.match(await shell.text(), /<script src="\/swipe\/app\.js"/);
  const app = await get('/swipe/app.js');
  assert.match(app.headers.get('content-type') ?? '', /^text\/javascript/);
  const ids: string[] = [];
  for (let offset = 0; ; offset += 12) {
    const page = await (await get(`/swipe/api/ads?offset=${offset}&limit=12`)).json() as { ads: { id: string }[] };
    if (page.ads.length === 0) break;
    ids.push(...page.ads.map((a) => a.id));
  }
  assert.deepEqual(ids, truth.ads.filter((a) => a.platform === 'swipe').map((a) => a.id));
});

test('gives swipe detail data matching the truth', async () => {
  for (const ad of truth.ads.filter((a) => a.platform === 'swipe')) {
    const page = await get(new URL(ad.url).pathname);
    assert.equal(page.status, 200);
    const data = await (await get(`/swipe/api/ads/${ad.id}`)).json() as { paragraphs: string[]; phone: string; languages: string };
    assert.equal(data.paragraphs.join('\n'), ad.fields.text);
    assert.equal(data.languages, ad.fields.languages.join(', '));
    assert.match(data.phone, / /);
  }
});

test('shows the velvet age gate without the cookie and the whole list with it', async () => {
  const gate = load(await (await get('/velvet/')).text());
  assert.equal(gate('button#enter').text(), 'Ik ben 18+');
  assert.equal(gate('a[href^="/velvet/ad/"]').length, 0);
  const list = load(await (await get('/velvet/', admitted)).text());
  const links = new Set(list('a[href^="/velvet/ad/"]').map((_, el) => list(el).attr('href')).get());
  assert.deepEqual([...links].map((p) => server.url + p), truth.ads.filter((a) => a.platform === 'velvet').map((a) => a.url));
  assert.equal(list('a[rel=next]').length, 0);
});

test('redirects velvet detail pages to the gate without the cookie', async () => {
  const ad = truth.ads.find((a) => a.platform === 'velvet');
  assert.ok(ad);
  const res = await get(new URL(ad.url).pathname);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), '/velvet/');
  const $ = load(await (await get(new URL(ad.url).pathname, admitted)).text());
  assert.equal($('div.description').text(), ad.fields.text);
  assert.deepEqual($('.photos img').map((_, el) => server.url + $(el).attr('data-src')).get(), ad.fields.images);
  assert.ok($('.photos img').get().every((el) => $(el).attr('src') === '/velvet/blank.gif'));
});

test('shows the reference code of each ad on its detail page', async () => {
  for (const platform of ['classic', 'velvet'] as const) {
    const ad = truth.ads.find((a) => a.platform === platform && !a.hostile);
    assert.ok(ad);
    assert.ok((await (await get(new URL(ad.url).pathname, admitted)).text()).includes(ad.ref), ad.id);
  }
  const swipe = truth.ads.find((a) => a.platform === 'swipe');
  assert.ok(swipe);
  assert.equal((await (await get(`/swipe/api/ads/${swipe.id}`)).json() as { ref: string }).ref, swipe.ref);
});

test('serves images as JPEG, a reused picture with other bytes', async () => {
  const net = truth.networks.find((n) => n.kind === 'image');
  assert.ok(net);
  const [a, b] = net.ads.map((id) => truth.ads.find((x) => x.id === id)?.fields.images[0] as string);
  const bodies = await Promise.all([a, b].map(async (url) => {
    const res = await fetch(url as string);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    return Buffer.from(await res.arrayBuffer());
  }));
  for (const body of bodies) assert.deepEqual([...body.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.notDeepEqual(bodies[0], bodies[1]);
  assert.equal((await get('/img/000000000000.jpg')).status, 404);
});

test('answers 404 for unknown paths, ads and pages', async () => {
  for (const path of ['/nope', '/classic/ad/cl-0001-wrong', '/classic/?page=99', '/swipe/ad/sw-9999', '/swipe/api/ads/sw-9999']) {
    assert.equal((await get(path)).status, 404, path);
  }
  assert.equal((await get('/velvet/ad/ve-9999', admitted)).status, 404);
});

test('fails the hostile error ad and any page with ?hostile=error with a 500', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'error');
  assert.ok(ad);
  assert.equal((await get(new URL(ad.url).pathname)).status, 500);
  assert.equal((await get('/swipe/?hostile=error')).status, 500);
});

test('redirects the hostile loop ad to itself', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'loop');
  assert.ok(ad);
  const res = await get(new URL(ad.url).pathname);
  assert.equal(res.status, 302);
  assert.equal(new URL(res.headers.get('location') ?? '', ad.url).href, ad.url);
  const query = await get('/velvet/?hostile=loop');
  assert.equal(query.headers.get('location'), '/velvet/?hostile=loop');
});

test('fails the flaky ad once, then serves it', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'flaky');
  assert.ok(ad);
  const path = new URL(ad.url).pathname;
  assert.equal((await get(path)).status, 500);
  const second = await get(path);
  assert.equal(second.status, 200);
  assert.equal(load(await second.text())('section.ad-body').text(), ad.fields.text);
});

test('shows the popup ad with an overlay, a window.open and an alert around the normal ad', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'popup');
  assert.ok(ad);
  const res = await get(new URL(ad.url).pathname);
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, /window\.open\(/);
  assert.match(page, /alert\(/);
  assert.equal(load(page)('section.ad-body').text(), ad.fields.text);
});

test('sends more than 30 MB for the huge ad', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'huge');
  assert.ok(ad);
  const body = await (await get(new URL(ad.url).pathname)).arrayBuffer();
  assert.ok(body.byteLength > HUGE_BYTES, `got ${body.byteLength} bytes`);
});

test('holds the slow ad without answering, and still closes at once', async () => {
  const ad = truth.ads.find((a) => a.hostile === 'slow');
  assert.ok(ad);
  await assert.rejects(get(new URL(ad.url).pathname, { signal: AbortSignal.timeout(300) }), { name: 'TimeoutError' });
  const other = await startDemoServer({ port: 0 });
  const pending = fetch(`${other.url}/classic/?hostile=slow`).catch(() => 'closed');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = Date.now();
  await other.close();
  assert.equal(await pending, 'closed');
  assert.ok(Date.now() - started < 1000, 'close() waited for the slow page');
});

test('keeps the swipe list going with ?hostile=endless', async () => {
  const real = truth.ads.filter((a) => a.platform === 'swipe').length;
  const page = await (await get(`/swipe/api/ads?offset=${real + 5000}&limit=12&hostile=endless`)).json() as { ads: unknown[] };
  assert.equal(page.ads.length, 12);
});

test('lists only the live ads of the day in the truth, also after setDay', async () => {
  const other = await startDemoServer({ port: 0, day: 0 });
  try {
    const read = async () => (await (await fetch(`${other.url}/_truth.json`)).json()) as Truth;
    const day0 = await read();
    assert.deepEqual(day0.ads.map((a) => a.id), generateWorld({ day: 0 }).ads.map((a) => a.id));
    other.setDay(2);
    const day2 = await read();
    assert.equal(day2.day, 2);
    assert.deepEqual(day2.ads.map((a) => a.id), generateWorld({ day: 2 }).ads.map((a) => a.id));
    const gone = day0.ads.find((a) => !day2.ads.some((b) => b.id === a.id));
    assert.ok(gone);
    assert.equal((await fetch(gone.url, { headers: { cookie: 'velvet_age=ok' } })).status, 404);
  } finally {
    await other.close();
  }
});

test('after a redesign, Rosebud\'s ad pages answer as before with every class renamed, and its list pages are unchanged', async () => {
  const ad = truth.ads.find((a) => a.platform === 'classic' && a.hostile === undefined)!;
  const path = new URL(ad.url).pathname;
  const list = await (await get('/classic/')).text();
  server.setRestyled(true);
  try {
    const res = await get(path);
    assert.equal(res.status, 200);
    const $ = load(await res.text());
    assert.equal($('h1.ad-title').length, 0, 'the old selector finds nothing');
    assert.equal($('h1.nieuw-ad-title').text(), ad.fields.title);
    assert.equal(await (await get('/classic/')).text(), list);
  } finally {
    server.setRestyled(false);
  }
  assert.equal(load(await (await get(path)).text())('h1.ad-title').text(), ad.fields.title);
});

test('sends the off-site ads to the same server under another host name, by 302, meta refresh and script', async () => {
  const pathOf = (kind: string) => new URL(truth.ads.find((a) => a.hostile === kind)!.url).pathname;
  const other = server.url.replace('127.0.0.1', 'localhost');
  assert.equal((await get(pathOf('offsite-redirect'))).headers.get('location'), `${other}/elsewhere${pathOf('offsite-redirect')}`);
  assert.match(await (await get(pathOf('offsite-meta'))).text(), new RegExp(`http-equiv="refresh" content="0; url=${other}/elsewhere/`));
  assert.match(await (await get(pathOf('offsite-script'))).text(), new RegExp(`location\\.replace\\("${other}/elsewhere/`));
  const before = server.offsiteVisits();
  assert.equal((await fetch(`${other}/elsewhere/x`)).status, 200);
  assert.equal(server.offsiteVisits(), before + 1);
});

test('answers the download ad with a file to save, and gives the broken-images ad four pictures no decoder reads as announced', async () => {
  const download = await get(new URL(truth.ads.find((a) => a.hostile === 'download')!.url).pathname);
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment; /);
  const page = load(await (await get(new URL(truth.ads.find((a) => a.hostile === 'broken-images')!.url).pathname)).text());
  const broken = page('.gallery img').map((_, i) => page(i).attr('src')).get().filter((s) => s.startsWith('/img/broken/'));
  assert.deepEqual(broken, ['/img/broken/missing.jpg', '/img/broken/truncated.jpg', '/img/broken/png.jpg', '/img/broken/html.jpg']);
  const answers = await Promise.all(broken.map(async (src) => { const r = await get(src); return [r.status, r.headers.get('content-type'), Buffer.from(await r.arrayBuffer()).subarray(0, 4).toString('latin1')]; }));
  assert.deepEqual(answers.map(([status]) => status), [404, 200, 200, 200]);
  assert.deepEqual(answers.slice(1).map(([, type]) => type), ['image/jpeg', 'image/jpeg', 'image/jpeg']);
  assert.equal(answers[2]![2], '\x89PNG');
  assert.equal(answers[3]![2], '<!do');
});

test('hides Rosebud behind a consent wall only when asked, until the consent cookie is set', async () => {
  const walled = await startDemoServer({ port: 0, consent: true, size: 'small' });
  try {
    const ad = (await (await fetch(`${walled.url}/_truth.json`)).json() as Truth).ads.find((a) => a.platform === 'classic')!;
    assert.match(await (await fetch(ad.url)).text(), /id="accept"/);
    assert.ok((await (await fetch(ad.url, { headers: { cookie: 'rosebud_consent=necessary' } })).text()).includes(ad.ref));
    assert.doesNotMatch(await (await get('/classic/')).text(), /id="accept"/);
  } finally {
    await walled.close();
  }
});
