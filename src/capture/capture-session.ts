// What the crawler holds of the browser: a session per source that discovers a listing's ads and
// captures ad pages side by side in a fixed set of tabs, refusing the hosts its theme does not allow.
// Playwright stays behind this seam, in src/capture/.
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { Source } from '../config/schema.ts';
import type { AddressPolicy } from '../domain/private-addresses.ts';
import { capturePage, openCaptureTab, PageFailure, type CaptureOptions, type PageCapture } from './capture-page.ts';
import { discoverAds, type Discovery } from './discover-ads.ts';
import { guardHosts } from './host-guard.ts';

export interface CaptureBrowser {
  /** A fresh context (cookies, cache in memory) for one source, with `tabs` pages to capture in. */
  openSession(opts: { tabs: number; theme: string; addresses: AddressPolicy }): Promise<CaptureSession>;
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

export function captureBrowser(browser: Browser): CaptureBrowser {
  // How every capture was made, as its metadata records it.
  const method = `chromium ${browser.version()} via playwright-core ${playwrightVersion}, rendered page`;
  return {
    async openSession({ tabs: count, theme, addresses }) {
      const guard = await guardHosts(browser, addresses, theme);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // Pop-ups opened by a page are closed at once; they are not part of the configured source.
      context.on('page', (p) => { void p.opener().then((o) => (o ? p.close() : undefined)).catch(() => {}); });
      const tabs = await Promise.all(Array.from({ length: count }, () => openCaptureTab(context)));
      return {
        discover: (source) => discoverAds(context, source),
        async capture(tab, url, opts) {
          const capture = await capturePage(tabs[tab]!, url, { ...opts, method });
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
          await context.close();
          await guard.stop();
        },
      };
    },
    close: () => browser.close(),
  };
}
