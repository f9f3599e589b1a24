// A capture session passes its source's consent and age walls when it opens, so a tab that never saw
// the list page captures the ad and not the wall; and it survives what kills browsers: a crashed
// renderer and a Chromium killed mid-crawl are replaced, the walls passed again, every page captured.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { launchBrowser } from '../src/capture/browser.ts';
import type { CaptureBrowser } from '../src/capture/capture-session.ts';
import { loadConfig } from '../src/config/load.ts';
import type { Source } from '../src/config/schema.ts';
import { runCrawl, type CrawlSummary } from '../src/crawl/run-crawl.ts';
import { adId } from '../src/domain/ad-keys.ts';
import { addressPolicy } from '../src/domain/private-addresses.ts';
import { silentLog } from '../src/log.ts';
import { startDemoEnv, type DemoEnv, type Truth } from './demo-env.ts';

const CONSENT = 'session:\n  steps:\n    - click: \'button#accept\'\n';
const CRAWL = '\ncrawl:\n  timeoutMs: 8000\n  retries: 2\n  delayMs: 0\n  concurrency: 2\n';
const OPTIONS = { timeoutMs: 8_000, maxPageBytes: 5_000_000, screenshot: 'none', softwareVersion: 'test' } as const;

interface Process { pid: number; ppid: number; args: string }

/** This process's Chromium and everything it started (zygotes, renderers, GPU and network services). */
function ourChromium(): { browser: Process; children: Process[] } {
  const all = execFileSync('ps', ['-eo', 'pid=,ppid=,args=']).toString().trim().split('\n').map((line): Process => {
    const [, pid, ppid, args] = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)!;
    return { pid: Number(pid), ppid: Number(ppid), args: args! };
  });
  const browser = all.find((p) => p.ppid === process.pid && p.args.includes('--headless'));
  assert.ok(browser, 'this process runs a Chromium');
  const children: Process[] = [];
  for (let grown = [browser]; grown.length > 0;) {
    grown = all.filter((p) => grown.some((g) => g.pid === p.ppid));
    children.push(...grown);
  }
  return { browser, children };
}

describe('a capture session behind consent and age walls', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let sources: Map<string, Source>;
  let browser: CaptureBrowser;

  before(async () => {
    env = await startDemoEnv({ consent: true, size: 'small' });
    truth = await env.truth();
    sources = loadConfig(env.configDir).sources;
    browser = await launchBrowser();
  });
  after(async () => { await browser?.close(); await env?.close(); });

  /** The ad's page as a session's first tab captures it, without the list page ever being opened. */
  const captureDirect = async (source: Source, url: string) => {
    const session = await browser.openSession({ tabs: 1, theme: source.theme, addresses: addressPolicy(['127.0.0.0/8']), source });
    try {
      return await session.capture(0, url, OPTIONS);
    } finally {
      await session.close();
    }
  };
  const withSteps = (id: string, steps: Source['session']['steps']) => ({ ...sources.get(id)!, session: { steps } });
  const adOf = (platform: string) => truth.ads.find((a) => a.platform === platform)!;

  it('captures an age-walled ad in a tab that never saw the list, past the wall its steps passed', async () => {
    const ad = adOf('velvet');
    const capture = await captureDirect(sources.get('mensenhandel-velvet')!, ad.url);
    assert.equal(capture.meta.finalUrl, ad.url);
    assert.ok(capture.html.includes(ad.ref), 'the ad itself was captured');
  });

  it('captures the wall instead of the ad when the source has no steps', async () => {
    const ad = adOf('velvet');
    const capture = await captureDirect(withSteps('mensenhandel-velvet', []), ad.url);
    assert.ok(!capture.html.includes(ad.ref));
  });

  it('passes a consent wall and an age wall in order, skipping an optional step whose wall is not shown', async () => {
    const classic = adOf('classic');
    const consent = await captureDirect(withSteps('mensenhandel-classic', [{ click: 'button#accept', optional: false }, { click: '#enter', optional: true }]), classic.url);
    assert.ok(consent.html.includes(classic.ref));
    const velvet = adOf('velvet');
    const age = await captureDirect(withSteps('mensenhandel-velvet', [{ click: 'button#accept', optional: true }, { click: '#enter', optional: false }]), velvet.url);
    assert.ok(age.html.includes(velvet.ref));
  });

  it('fails the session\'s pages with a clear reason when a wall it must pass is not there', async () => {
    await assert.rejects(captureDirect(withSteps('mensenhandel-velvet', [{ click: '#no-such-button', optional: false }]), adOf('velvet').url),
      { message: 'session step "click #no-such-button" found nothing to click', retryable: false });
  });
});

describe('a crawl whose Chromium crashes and dies', { timeout: 10 * 60_000 }, () => {
  let env: DemoEnv;
  let truth: Truth;
  let app: App;
  let summary: CrawlSummary;
  const killed: string[] = [];

  before(async () => {
    env = await startDemoEnv({
      consent: true,
      size: 'small',
      edit: (dir) => {
        const file = join(dir, 'sources/toezicht-classic.yaml');
        writeFileSync(file, `${readFileSync(file, 'utf8').replace(/\ncrawl:[\s\S]*$/, '')}${CONSENT}${CRAWL}`);
      },
    });
    truth = await env.truth();
    app = await openApp({ dataDir: env.dataDir, config: loadConfig(env.configDir) });
    const browser = await launchBrowser();
    try {
      const onProgress = ({ done }: { done: number }) => {
        if (done === 2) {
          // Renderers only: the browser lives on, its tabs crash.
          for (const p of ourChromium().children.filter((c) => c.args.includes('--type=renderer'))) process.kill(p.pid, 'SIGKILL');
          killed.push('renderers');
        }
        if (done === 5) {
          process.kill(ourChromium().browser.pid, 'SIGKILL');
          killed.push('browser');
        }
      };
      summary = await runCrawl({ ...app, browser, log: silentLog, onProgress }, { theme: 'toezicht', source: 'toezicht-classic' });
    } finally {
      await browser.close();
    }
  });
  after(async () => { await app?.close(); await env?.close(); });

  const classic = () => truth.ads.filter((a) => a.platform === 'classic');

  it('completes the crawl with every ad captured once and no page failed', async () => {
    assert.deepEqual(killed, ['renderers', 'browser']);
    assert.ok(classic().length > 5, `${classic().length} ads`);
    assert.deepEqual([summary.captured, summary.failed], [classic().length, 0]);
    assert.deepEqual(await app.store.failures(summary.run), []);
  });

  it('keeps each ad as the site shows it past its consent wall, also after Chromium was started again', async () => {
    assert.equal(summary.kept, classic().length);
    for (const ad of classic()) {
      const stored = await app.store.getAd(adId('toezicht', ad.url), ['toezicht']);
      assert.equal(stored?.fields.title, ad.fields.title, ad.url);
    }
  });
});
