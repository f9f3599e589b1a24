// A source that leads the crawler to the cloud metadata service or a private network is refused at
// crawl time, before any request leaves the machine: a start page or an ad that redirects there, and
// a page's own requests. The pages here come from a small server on 127.0.0.1, which the bundled
// themes allow; 169.254.169.254 and 10.0.0.0/8 they do not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import { loadConfig } from '../src/config/load.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { silentLog } from '../src/log.ts';
import { BUNDLED_CONFIG } from './demo-env.ts';

const PAGES: Record<string, { status: number; location?: string; body?: string }> = {
  '/classic/': { status: 200, body: '<a href="/classic/ad/gewoon">a</a> <a href="/classic/ad/metadata">b</a> <a href="/classic/ad/intranet">c</a>' },
  '/classic/ad/gewoon': { status: 200, body: '<h1>Advertentie</h1><img src="http://10.9.9.9/pixel.png">' },
  '/classic/ad/metadata': { status: 302, location: 'http://169.254.169.254/latest/meta-data/' },
  '/classic/ad/intranet': { status: 301, location: 'http://10.0.0.1/admin' },
  '/swipe/': { status: 302, location: 'http://169.254.169.254/latest/meta-data/' },
};

describe('crawling a source that leads to a private address', { timeout: 5 * 60_000 }, () => {
  let server: Server;
  let root: string;
  let app: App;
  let origin: string;
  const asked: string[] = [];
  const summaries: Record<string, CrawlSummary> = {};

  before(async () => {
    server = createServer((req, res) => {
      asked.push(req.url ?? '');
      const page = PAGES[req.url ?? ''] ?? { status: 404 };
      res.writeHead(page.status, { 'content-type': 'text/html', ...(page.location ? { location: page.location } : {}) });
      res.end(page.body ? `<!doctype html><html><body>${page.body}</body></html>` : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    root = mkdtempSync(join(tmpdir(), 'baken-private-hosts-'));
    const configDir = join(root, 'config');
    cpSync(BUNDLED_CONFIG, configDir, { recursive: true });
    for (const name of ['mensenhandel-classic', 'mensenhandel-swipe']) {
      const file = join(configDir, `sources/${name}.yaml`);
      writeFileSync(file, `${readFileSync(file, 'utf8').replaceAll('http://127.0.0.1:4100', origin).replace(/\ncrawl:[\s\S]*$/, '')}\ncrawl:\n  timeoutMs: 4000\n  retries: 0\n  delayMs: 0\n`);
    }
    app = await openApp({ dataDir: join(root, 'data'), config: loadConfig(configDir) });
    const browser = await launchBrowser();
    try {
      for (const source of ['mensenhandel-classic', 'mensenhandel-swipe']) {
        summaries[source] = await runCrawl({ ...app, browser, log: silentLog }, { theme: 'mensenhandel', source });
      }
    } finally {
      await browser.close();
    }
  });
  after(async () => {
    await app?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('refuses an ad that redirects to the metadata service or a private network, and says why', async () => {
    const summary = summaries['mensenhandel-classic']!;
    assert.deepEqual([summary.captured, summary.failed], [1, 2]);
    const failures = new Map((await app.store.failures(summary.run)).map((f) => [new URL(f.url).pathname, f.reason]));
    assert.match(failures.get('/classic/ad/metadata') ?? '', /^refused http:\/\/169\.254\.169\.254: 169\.254\.169\.254 is a loopback, private or link-local address \(169\.254\.169\.254\) that theme "mensenhandel" does not list in allowPrivateNetworks$/);
    assert.match(failures.get('/classic/ad/intranet') ?? '', /^refused http:\/\/10\.0\.0\.1: .*\(10\.0\.0\.1\)/);
  });

  it('refuses a start page that redirects to the metadata service, and records that as the source\'s failure', async () => {
    const summary = summaries['mensenhandel-swipe']!;
    assert.deepEqual([summary.captured, summary.failed], [0, 1]);
    const [failure] = await app.store.failures(summary.run);
    assert.equal(failure?.url, `${origin}/swipe/`);
    assert.match(failure?.reason ?? '', /^refused http:\/\/169\.254\.169\.254: /);
  });

  it('still captures the page its theme allows, though an image on it lies on a private address', async () => {
    assert.ok(asked.includes('/classic/ad/gewoon'));
    const summary = summaries['mensenhandel-classic']!;
    assert.equal(summary.kept + summary.deleted, 1);
    assert.equal((await app.store.failures(summary.run)).some((f) => f.url.endsWith('/classic/ad/gewoon')), false);
  });
});
