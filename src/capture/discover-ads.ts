// Finds ad URLs on a source's list pages. Only the configured pattern on the start URL's origin is
// followed — no "integral copies of parts of the internet".
import type { BrowserContext, Page } from 'playwright-core';
import type { Source } from '../config/schema.ts';
import { answerDialogs, PageFailure, stoppedAnswering } from './capture-page.ts';
import { errorSummary } from '../domain/errors.ts';
import { closeWithin, within } from './within.ts';

const SCROLL_WAIT_MS = 1_500;
const SCROLL_NUDGES = 2;

/** `complete` is true only when the listing really ended: no next link on the last list page and no
 *  list still growing when its scroll budget ran out. A listing cut short by a page, scroll or ad
 *  budget may hide ads that are still online, so none of them may be marked gone. */
export interface Discovery { adUrls: string[]; listPages: number; complete: boolean }

export async function discoverAds(context: BrowserContext, source: Source): Promise<Discovery> {
  const { discover, crawl } = source;
  const origin = new URL(source.start).origin;
  const pattern = new RegExp(discover.ads, 'u');
  const found = new Set<string>();
  const visited = new Set<string>();
  const page = await context.newPage();
  page.setDefaultTimeout(crawl.timeoutMs);
  answerDialogs(page);
  try {
    let next: string | null = source.start;
    let scrollCut = false;
    // Each step waits at most `timeoutMs` (a scroll also its nudges); a list page past that has hung.
    const budget = 3 * crawl.timeoutMs + discover.scroll * (SCROLL_NUDGES + 1) * (crawl.timeoutMs + SCROLL_WAIT_MS);
    const readListPage = async (url: string): Promise<string | null> => {
      visited.add(url);
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response || response.status() >= 400) {
        throw new PageFailure(`list page answered HTTP ${response?.status() ?? 'nothing'}`, false);
      }
      await collect(page, origin, pattern, found, discover.maxAds);
      let growing = discover.scroll > 0;
      for (let i = 0; i < discover.scroll && growing && found.size < discover.maxAds; i++) {
        await scrollForMore(page);
        // Collected whether or not this scroll grew the list: ads the app added just before it (a
        // first page rendered late) are counted as new, never skipped for having come too early.
        growing = await collect(page, origin, pattern, found, discover.maxAds);
      }
      // A list still adding ads when the scroll budget ran out may hold more than were seen.
      if (growing) scrollCut = true;
      return discover.next ? await nextPage(page, discover.next, origin, visited) : null;
    };
    while (next && visited.size < discover.maxPages && found.size < discover.maxAds) {
      next = await within(readListPage(next), budget, () => stoppedAnswering('the list page', budget));
    }
    const complete = next === null && !scrollCut && found.size < discover.maxAds;
    return { adUrls: [...found], listPages: visited.size, complete };
  } catch (e) {
    if (e instanceof PageFailure) throw e;
    throw new PageFailure(`discovery failed: ${errorSummary(e)}`, false, e);
  } finally {
    await closeWithin(() => page.close());
  }
}

/** Scrolls to the bottom and waits for more links. An infinite list that missed the scroll (its
 *  observer fired while it was still loading) gets a nudge — up a screen and down again — before
 *  the list is taken to be complete. */
async function scrollForMore(page: Page): Promise<void> {
  for (let attempt = 0; attempt <= SCROLL_NUDGES; attempt++) {
    const links = await page.evaluate(async (nudge) => {
      // Intersection observers only notice a change that lasts past a rendered frame.
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (nudge) { window.scrollBy(0, -window.innerHeight); await frame(); }
      const count = document.querySelectorAll('a[href]').length;
      window.scrollTo(0, document.documentElement.scrollHeight);
      return count;
    }, attempt > 0);
    const grew = await page.waitForFunction((n) => document.querySelectorAll('a[href]').length > n, links,
      { timeout: SCROLL_WAIT_MS, polling: 50 }).then(() => true, () => false);
    if (grew) return;
  }
}

/** Adds the page's ad links to `found`; true when any was new. */
async function collect(page: Page, origin: string, pattern: RegExp, found: Set<string>, max: number): Promise<boolean> {
  const before = found.size;
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) {
    if (found.size >= max) break;
    const url = adUrl(href, origin, pattern);
    if (url) found.add(url);
  }
  return found.size > before;
}

export function adUrl(href: string, origin: string, pattern: RegExp): string | null {
  let url: URL;
  try { url = new URL(href); } catch { return null; }
  if (url.origin !== origin || !pattern.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
}

async function nextPage(page: Page, selector: string, origin: string, visited: Set<string>) {
  const link = page.locator(selector).first();
  if (await link.count() === 0) return null;
  const href = await link.getAttribute('href');
  if (!href) return null;
  const url = new URL(href, page.url());
  url.hash = '';
  return url.origin === origin && !visited.has(url.href) ? url.href : null;
}
