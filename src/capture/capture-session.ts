// What the crawler holds of the browser: a session per source that discovers a listing's ads and
// captures ad pages side by side in a fixed set of tabs, refusing the hosts its theme does not allow
// and every other site than the source's own. A tab whose page crashed is replaced, and a Chromium
// that died is started again with the session reopened (its walls passed again); the page that was
// lost then fails as retryable, so the crawler simply tries it again. A long crawl in one context
// grows Chromium's memory (caches, detached documents, per-origin state) with every page, so after
// the source's `crawl.recycleAfter` captures the session is reopened the same way on a fresh context,
// and the old one closes once the captures still running in it are done. Playwright stays behind
// this seam, in src/capture/.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Source } from '../config/schema.ts';
import type { AddressPolicy } from '../domain/private-addresses.ts';
import { capturePage, openCaptureTab, PageFailure, type CaptureOptions, type PageCapture } from './capture-page.ts';
import { errorSummary } from '../domain/errors.ts';
import { discoverAds, type Discovery } from './discover-ads.ts';
import { addressRefusal, guardHosts, type HostGuard } from './host-guard.ts';
import { keepOnOrigin } from './origin-guard.ts';
import { passWalls } from './session-walls.ts';
import { closeWithin } from './within.ts';

export interface CaptureBrowser {
  /** A fresh context (cookies, cache in memory) for one source, with `tabs` pages to capture in;
   *  the source's session steps (consent, age walls) are passed before its first page. */
  openSession(opts: { tabs: number; theme: string; addresses: AddressPolicy; source: Source }): Promise<CaptureSession>;
  close(): Promise<void>;
}

export interface CaptureSession {
  discover(source: Source): Promise<Discovery>;
  /** Captures `url` in tab `tab` (0 to tabs − 1), one page at a time per tab. */
  capture(tab: number, url: string, opts: Omit<CaptureOptions, 'method'>): Promise<PageCapture>;
  /** Why the host guard refused the navigation that began at `url`, if it did. */
  refusal(url: string): string | undefined;
  close(): Promise<void>;
}

const playwrightVersion = (createRequire(import.meta.url)('playwright-core/package.json') as { version: string }).version;

/** A capture tab and what happened in it during its current capture. */
interface Tab { page: Page; spent: boolean; crashed: boolean; offsite?: string; download?: string }

/** A session's hold on one Chromium: replaced as a whole when that Chromium dies or the context
 *  has made `recycleAfter` captures; a replaced one closes when its last capture (`busy`) ends. */
interface Live {
  browser: Browser; guard: HostGuard; context: BrowserContext; tabs: Tab[]; walls: Promise<void>;
  captures: number; busy: number; replaced: boolean;
}

/** `relaunch` starts another Chromium when the one in use has died. */
export function captureBrowser(first: Browser, relaunch: () => Promise<Browser>): CaptureBrowser {
  // How every capture was made, as its metadata records it.
  const method = `chromium ${first.version()} via playwright-core ${playwrightVersion}, rendered page`;
  let current = Promise.resolve(first);
  const alive = async (): Promise<Browser> => {
    const seen = current;
    const browser = await seen;
    if (browser.isConnected()) return browser;
    // The first session to notice starts the new Chromium; the others wait for the same one.
    if (current === seen) {
      current = relaunch();
      current.catch(() => { current = seen; });
    }
    return current;
  };

  return {
    async openSession({ tabs: count, theme, addresses, source }) {
      const origin = new URL(source.start).origin;
      const openTab = async (context: BrowserContext): Promise<Tab> => {
        const tab: Tab = { page: await openCaptureTab(context), spent: false, crashed: false };
        tab.page.on('crash', () => { tab.crashed = true; });
        tab.page.on('download', (d) => { tab.download = d.url(); });
        await keepOnOrigin(context, tab.page, origin, (url) => { tab.offsite ??= url; });
        return tab;
      };
      /** `from`: the context a recycled session continues, whose cookies and storage (walls passed,
       *  a site's own session) go on; a Chromium that died left none, so its walls are passed again. */
      const open = async (from?: BrowserContext): Promise<Live> => {
        const browser = await alive();
        const guard = await guardHosts(browser, addresses, theme);
        // Downloads are refused: a file an ad links to is not the ad, and nothing may land on disk.
        const storageState = from ? await from.storageState() : undefined;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: false, storageState });
        // Pop-ups opened by a page are closed at once; they are not part of the configured source.
        context.on('page', (p) => { void p.opener().then((o) => (o ? p.close() : undefined)).catch(() => {}); });
        const tabs = await Promise.all(Array.from({ length: count }, () => openTab(context)));
        return { browser, guard, context, tabs, walls: from ? Promise.resolve() : quiet(passWalls(context, source)), captures: 0, busy: 0, replaced: false };
      };
      const closeIfIdle = async (old: Live) => {
        if (!old.replaced || old.busy > 0) return;
        await closeWithin(() => old.context.close());
        await closeWithin(() => old.guard.stop());
      };
      let live = await open();
      let reopening: Promise<Live> | undefined;
      const reopen = (recycle: boolean) => {
        const old = live;
        reopening ??= open(recycle ? old.context : undefined).then((l) => { live = l; old.replaced = true; void closeIfIdle(old); return l; })
          .finally(() => { reopening = undefined; });
        return reopening;
      };
      /** The session on a living Chromium, past its walls; a failed wall is tried again next time. */
      const ready = async (): Promise<Live> => {
        // Every tab notices a death (or the end of a context's captures); the first reopens the
        // session and the others wait for it.
        if (!live.browser.isConnected()) await reopen(false);
        else if (live.captures >= source.crawl.recycleAfter) await reopen(true);
        const walls = live.walls;
        try {
          await walls;
        } catch (e) {
          if (live.walls === walls) live.walls = quiet(passWalls(live.context, source));
          throw e;
        }
        return live;
      };
      /** A failure caused by a dying tab or browser may be retried; the session has been repaired. */
      const lost = (session: Live, tab: Tab | undefined, e: unknown): unknown => {
        if (!session.browser.isConnected()) return new PageFailure(`Chromium stopped (${errorSummary(e)}); it is started again`, true, e);
        if (tab?.crashed) return new PageFailure(`the page crashed its tab (${errorSummary(e)}); a new tab takes over`, true, e);
        return e;
      };
      return {
        async discover(source) {
          const session = await ready();
          try {
            return await discoverAds(session.context, source);
          } catch (e) {
            throw lost(session, undefined, e);
          }
        },
        async capture(index, url, opts) {
          let session = await ready();
          // Replaced (and maybe closed) while this capture waited its turn: take the new one.
          while (session.replaced) session = await ready();
          session.captures++;
          session.busy++;
          try {
            return await captureIn(session, index, url, opts);
          } finally {
            session.busy--;
            void closeIfIdle(session);
          }
        },
        refusal: (url) => live.guard.refusal(url),
        async close() {
          await reopening?.catch(() => undefined);
          await closeWithin(() => live.context.close());
          await closeWithin(() => live.guard.stop());
        },
      };

      async function captureIn(session: Live, index: number, url: string, opts: Omit<CaptureOptions, 'method'>): Promise<PageCapture> {
        let tab = session.tabs[index]!;
        if (tab.spent || tab.crashed || tab.page.isClosed()) {
          await closeWithin(() => tab.page.close());
          tab = session.tabs[index] = await openTab(session.context);
        }
        tab.offsite = undefined;
        tab.download = undefined;
        try {
          const capture = await capturePage(tab.page, url, { ...opts, method });
          const refused = refusal(tab, url, null);
          if (refused) throw refused;
          // A host name that resolved to a public address for the guard and to a private one for the
          // browser (DNS rebinding) is caught by the address the page actually came from.
          const ip = capture.meta.serverIp;
          if (ip !== null && addresses.refuses(ip)) {
            throw new PageFailure(`refused ${new URL(url).origin}: answered from ${ip}, an address theme "${theme}" does not list in allowPrivateNetworks`, false);
          }
          return capture;
        } catch (e) {
          // A failed page can leave a navigation or a dialog pending that would trouble the next ad.
          tab.spent = true;
          const address = tab.offsite === undefined ? null : await addressRefusal(tab.offsite, addresses, theme);
          throw (address === null ? undefined : new PageFailure(address, false, e)) ?? refusal(tab, url, e) ?? lost(session, tab, e);
        }
      }
    },
    close: async () => { await (await current).close(); },
  };
}

/** Why a capture may not be kept although the page may have loaded: it led to another site, or
 *  (when it failed) the ad's URL answered with a file to save, which the context refuses to save. */
function refusal(tab: Tab, url: string, e: unknown): PageFailure | undefined {
  if (tab.offsite !== undefined) {
    return new PageFailure(`refused redirect to ${new URL(tab.offsite).origin}: only the source's own site is visited`, false, e ?? undefined);
  }
  if (e !== null && (tab.download !== undefined || /Download is starting/.test(errorSummary(e)))) {
    return new PageFailure('download: the ad URL answers with a file to save, not a page; nothing was saved', false, e);
  }
  return undefined;
}

/** The promise itself, with its failure left for whoever awaits it rather than reported unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
