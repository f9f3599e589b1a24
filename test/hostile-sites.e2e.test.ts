// Hostile pages are recorded as failures and the crawl goes on; an endless list is read only as far
// as the source's scroll budget, and what that budget left unread is not taken to be gone. Pages that
// lead elsewhere or are files to save are refused with their cause; pages with dialogs, a download of
// their own or broken pictures are captured, and their WARC holds the pictures as served.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { DOWNLOAD_MARKER } from '../demo/hostile.ts';
import { HOSTILE_KINDS } from '../demo/world.ts';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { standaloneWarc } from '../src/evidence/warc-payloads.ts';
import { filesUnder, startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

const CRAWL = '\ncrawl:\n  timeoutMs: 8000\n  retries: 1\n  delayMs: 0\n  concurrency: 2\n  maxPageBytes: 2000000\n';
const FAILING = ['slow', 'error', 'loop', 'huge', 'offsite-redirect', 'offsite-meta', 'offsite-script', 'download'];
/** The one Rosebud ad with broken pictures, as demo/population.ts numbers the hostile ads. */
const BROKEN_IMAGES_AD = `^/classic/ad/cl-${9001 + HOSTILE_KINDS.indexOf('broken-images')}-[a-z]+$`;

/** Files under `dirs` that hold a demo download; by default where Chromium saves Playwright's downloads. */
function savedDownloads(dirs = readdirSync(tmpdir()).filter((d) => d.startsWith('playwright-artifacts-')).map((d) => join(tmpdir(), d))): string[] {
  return dirs.filter((d) => existsSync(d)).flatMap((d) => { try { return filesUnder(d); } catch { return []; } })
    .filter((f) => { try { return readFileSync(f).includes(DOWNLOAD_MARKER); } catch { return false; } });
}

describe('crawling a platform with hostile pages', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let summary: CrawlSummary;
  let pictures: CrawlSummary;
  const downloaded = new Set<string>();

  before(async () => {
    env = await startDemoEnv({
      hostile: true,
      size: 'small',
      // Short time-outs so the slow page fails in seconds rather than minutes.
      edit: (dir) => {
        const file = join(dir, 'sources/mensenhandel-classic.yaml');
        writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\ncrawl:[\s\S]*$/, '')}${CRAWL}`);
        // The municipal theme keeps every ad: with HTML and images on, the broken pictures' ad is sealed.
        const toezicht = join(dir, 'themes/toezicht.yaml');
        writeFileSync(toezicht, readFileSync(toezicht, 'utf8').replace('html: false', 'html: true').replace('images: false', 'images: true'));
        const classic = readFileSync(join(dir, 'sources/toezicht-classic.yaml'), 'utf8');
        writeFileSync(join(dir, 'sources/toezicht-pictures.yaml'), `${classic.replace(/\ncrawl:[\s\S]*$/, '')
          .replace('id: toezicht-classic', 'id: toezicht-pictures').replace(/^ {2}ads: .*$/m, () => `  ads: '${BROKEN_IMAGES_AD}'`)}${CRAWL}`);
      },
    });
    truth = await env.truth();
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      // Looked for after every page, while the browser context that might have saved a file is open.
      const onProgress = () => { for (const f of savedDownloads()) downloaded.add(f); };
      summary = await runCrawl({ ...app, browser, log: silentLog, onProgress }, { theme: 'mensenhandel', source: 'mensenhandel-classic' });
      pictures = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'toezicht', source: 'toezicht-pictures' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const classic = () => truth.ads.filter((a) => a.platform === 'classic');
  const failing = () => classic().filter((a) => FAILING.includes(a.hostile ?? ''));
  const hostile = (kind: string) => classic().find((a) => a.hostile === kind)!;

  it('completes the crawl and counts each hostile page that cannot be captured as failed', () => {
    assert.equal(summary.failed, failing().length);
    assert.equal(summary.captured, classic().length - failing().length);
    assert.equal(summary.kept + summary.deleted, summary.captured);
  });

  it('records each failure with its URL, a reason and the attempts made', async () => {
    const failures = await app.store.failures(summary.run);
    assert.deepEqual(failures.map((f) => f.url).sort(), failing().map((a) => a.url).sort());
    const byUrl = new Map(failures.map((f) => [f.url, f]));
    for (const ad of failing()) {
      const f = byUrl.get(ad.url)!;
      assert.ok(f.reason.length > 0, `${ad.hostile}: a reason`);
      if (ad.hostile === 'error') { assert.match(f.reason, /HTTP 500/); assert.equal(f.attempts, 2); }
      if (ad.hostile === 'loop') assert.match(f.reason, /redirect/i);
      if (ad.hostile === 'huge') assert.match(f.reason, /larger than|timeout|exceeded/i);
      if (ad.hostile?.startsWith('offsite-')) { assert.match(f.reason, /^refused redirect to http:\/\/localhost:\d+: only the source's own site is visited$/); assert.equal(f.attempts, 1); }
      if (ad.hostile === 'download') { assert.match(f.reason, /^download: /); assert.equal(f.attempts, 1); }
    }
  });

  it('follows no redirect, script or meta refresh to another site', () => {
    assert.equal(env.offsiteVisits(), 0);
  });

  it('saves no file of an ad URL that is a download, nor of a download an ad page starts', () => {
    assert.deepEqual([...downloaded], []);
    assert.deepEqual(savedDownloads([env.dataDir]), []);
  });

  it('keeps nothing of a page it refused', async () => {
    for (const ad of failing()) assert.equal(await app.store.getAd(adId('mensenhandel', ad.url), ['mensenhandel']), null, ad.hostile);
  });

  it('captures a page that keeps opening dialogs, and one that starts a download', async () => {
    const failed = new Set((await app.store.failures(summary.run)).map((f) => f.url));
    for (const kind of ['dialogs', 'starts-download', 'broken-images']) assert.ok(!failed.has(hostile(kind).url), `${kind} page was captured`);
  });

  it('keeps an ad with missing, cut-off and mislabelled pictures, its WARC holding them as served', async () => {
    assert.deepEqual([pictures.captured, pictures.kept, pictures.failed], [1, 1, 0]);
    const ad = await app.store.getAd(adId('toezicht', hostile('broken-images').url), ['toezicht']);
    assert.ok(ad, 'the ad with broken pictures is kept');
    const warc = ad.artefacts.find((a) => a.kind === 'warc')!;
    const served = new Map<string, { type: string; body: Buffer }>();
    // As an export hands it over: the stored WARC names each picture's blob, the standalone one holds it.
    const standalone = await standaloneWarc([await app.blobs.get(warc.sha256)], (sha) => app.blobs.get(sha));
    for await (const record of WARCParser.iterRecords([standalone])) {
      if (record.warcType !== 'response' || !record.warcTargetURI?.includes('/img/broken/')) continue;
      served.set(new URL(record.warcTargetURI).pathname, { type: record.httpHeaders?.headers.get('content-type') ?? '', body: Buffer.from(await record.readFully(false)) });
    }
    assert.deepEqual([...served.keys()].sort(), ['/img/broken/html.jpg', '/img/broken/png.jpg', '/img/broken/truncated.jpg']);
    for (const [path, record] of served) {
      const direct = Buffer.from(await (await fetch(`${env.url}${path}`)).arrayBuffer());
      assert.equal(record.type, 'image/jpeg', path);
      assert.ok(record.body.equals(direct), `${path}: the bytes as served`);
    }
  });

  it('captures a page with pop-ups, and a page that fails once after a retry', async () => {
    const recovered = classic().filter((a) => a.hostile === 'popup' || a.hostile === 'flaky');
    assert.equal(recovered.length, 2);
    const failed = new Set((await app.store.failures(summary.run)).map((f) => f.url));
    for (const ad of recovered) assert.ok(!failed.has(ad.url), `${ad.hostile} page was captured`);
  });
});

describe('crawling an infinite-scroll platform whose list never ends', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let endless: CrawlSummary;
  const swipeYaml = () => join(env.configDir, 'sources/mensenhandel-swipe.yaml');
  const setSwipe = (start: string, scroll: number) => writeFileSync(swipeYaml(),
    readFileSync(swipeYaml(), 'utf8').replace(/^start: .*$/m, `start: ${start}`).replace(/^  scroll: \d+$/m, `  scroll: ${scroll}`));

  before(async () => {
    env = await startDemoEnv();
    truth = await env.truth();
    const browser = await launchBrowser();
    try {
      // A first crawl scrolls the whole list, so it stores ads far further down than the endless crawl
      // will scroll (a budget of 2 left too small a margin on a loaded machine).
      setSwipe(`${env.url}/swipe/`, 40);
      app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
      await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source: 'mensenhandel-swipe' });
      setSwipe(`${env.url}/swipe/?hostile=endless`, 1);
      endless = await runCrawl({ ...app, config: loadConfig(env.configDir), browser, log: silentLog },
        { theme: 'mensenhandel', source: 'mensenhandel-swipe' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const storedSwipeAds = async () => {
    const ads = await Promise.all(truth.ads.filter((a) => a.platform === 'swipe')
      .map((a) => app.store.getAd(adId('mensenhandel', a.url), ['mensenhandel'])));
    return ads.filter((a) => a !== null);
  };

  it('completes the crawl after the scroll budget, capturing only what was listed', async () => {
    assert.equal(endless.failed, 0);
    assert.ok(endless.captured > 0);
    assert.ok(endless.captured < truth.ads.filter((a) => a.platform === 'swipe').length, `${endless.captured} captured`);
  });

  it('marks no ad gone that the endless crawl left unlisted', async () => {
    const stored = await storedSwipeAds();
    const unlisted = stored.filter((a) => a.sightings === 1);
    assert.ok(unlisted.length > 0, 'the first crawl stored ads the endless crawl did not scroll to');
    assert.deepEqual(stored.filter((a) => a.goneAt !== null).map((a) => a.url), []);
  });
});
