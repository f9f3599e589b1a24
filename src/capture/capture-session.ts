// What the crawler holds of the browser: a session per source that discovers a listing's ads and
// captures ad pages side by side in a fixed set of tabs, refusing the hosts its theme does not allow.
// Playwright stays behind this seam, in src/capture/.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Source } from '../config/schema.ts';
import type { AddressPolicy } from '../domain/private-addresses.ts';
import { capturePage, openCaptureTab, PageFailure, type CaptureOptions, type PageCapture } from './capture-page.ts';
import { discoverAds, type Discovery } from './discover-ads.ts';
import { guardHosts } from './host-guard.ts';

export interface CaptureBrowser {
  /** A fresh context (cookies, cache in memory) for one source, with `tabs` pages to capture in,
   *  replaced by a new one with the same cookies after every `recycleAfter` captures. */
  openSession(opts: { tabs: number; theme: string; addresses: AddressPolicy; recycleAfter?: number }): Promise<CaptureSession>;
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

/** Captures per browser context before it is replaced (`crawl.recycleAfter`). */
const RECYCLE_AFTER = 200;

/** One browser context of a session and its tabs; once it has a successor it closes when its last capture ends. */
interface Generation { context: BrowserContext; tabs: Page[]; captures: number; busy: number; successor: Promise<Generation> | null }

const playwrightVersion = (createRequire(import.meta.url)('playwright-core/package.json') as { version: string }).version;

export function captureBrowser(browser: Browser): CaptureBrowser {
  // How every capture was made, as its metadata records it.
  const method = `chromium ${browser.version()} via playwright-core ${playwrightVersion}, rendered page`;
  return {
    async openSession({ tabs: count, theme, addresses, recycleAfter = RECYCLE_AFTER }) {
      const guard = await guardHosts(browser, addresses, theme);
      const open = async (from?: BrowserContext): Promise<Generation> => {
        // The cookies and storage a page set (an age wall passed) go on to the next context.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await from?.storageState() });
        // Pop-ups opened by a page are closed at once; they are not part of the configured source.
        context.on('page', (p) => { void p.opener().then((o) => (o ? p.close() : undefined)).catch(() => {}); });
        const tabs = await Promise.all(Array.from({ length: count }, () => openCaptureTab(context)));
        return { context, tabs, captures: 0, busy: 0, successor: null };
      };
      let current = await open();
      // A long crawl in one context grows Chromium's memory (caches, detached documents, per-origin
      // state) with every page: after `recycleAfter` captures new captures go to a fresh context, and
      // the old one closes once the captures still running in it are done.
      /** The generation to capture in, counted in it before any other capture can retire it. */
      const take = async (): Promise<Generation> => {
        let g = current;
        if (g.captures >= recycleAfter) {
          if (g.successor === null) {
            g.successor = open(g.context).then((n) => (current = n));
            void retire(g);
          }
          g = await g.successor;
        }
        g.captures++;
        g.busy++;
        return g;
      };
      const retire = async (g: Generation) => {
        if (g.busy === 0 && g.successor !== null) await g.successor.then(() => g.context.close()).catch(() => {});
      };
      return {
        discover: (source) => discoverAds(current.context, source),
        async capture(tab, url, opts) {
          const g = await take();
          let capture: PageCapture;
          try {
            capture = await capturePage(g.tabs[tab]!, url, { ...opts, method });
          } finally {
            g.busy--;
            await retire(g);
          }
          // A host name that resolved to a public address for the guard and to a private one for the
          // browser (DNS rebinding) is caught by the address the page actually came from.
          const ip = capture.meta.serverIp;
          if (ip !== null && addresses.refuses(ip)) {
            throw new PageFailure(`refused ${new URL(url).origin}: answered from ${ip}, an address theme "${theme}" does not list in allowPrivateNetworks`, false);
          }
          return capture;
        },
        refusal: (url) => guard.refusal(url),
        async close() {
          await current.successor?.catch(() => {});
          await current.context.close();
          await guard.stop();
        },
      };
    },
    close: () => browser.close(),
  };
}
