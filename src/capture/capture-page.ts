// Visits one ad page in a real browser and keeps, in memory, everything needed to prove what was
// seen: rendered HTML, a full-page screenshot, the ad's images and the forensic metadata.
import type { BrowserContext, CDPSession, Page, Response } from 'playwright-core';
import type { CaptureMeta, HttpExchange } from '../domain/ad.ts';
import { BakenError, errorSummary } from '../domain/errors.ts';
import { within } from './within.ts';

/** Everything kept in memory of one ad page visit, until the minimisation gate decides. */
export interface PageCapture {
  meta: CaptureMeta;
  /** The rendered DOM, as the extractor and a person looking at the page see it. */
  html: string;
  screenshot: Buffer | null;
  /** The ad page's own HTTP exchange, as served. */
  document: HttpExchange;
  /** The data the page fetched from its own site to render the ad (XHR and fetch): on a script-
   *  rendered site the ad's content arrives here, not in the document. */
  data: HttpExchange[];
  /** Image exchanges the page made, by URL. */
  images: Map<string, HttpExchange>;
}

export interface CaptureOptions {
  timeoutMs: number;
  maxPageBytes: number;
  screenshot: 'png' | 'jpeg' | 'none';
  /** A selector that appears once a script-rendered page has rendered its ad. */
  ready?: string;
  softwareVersion: string;
  method: string;
  /** Asked with the rendered page just before its screenshot: a page it answers no to (an ad the
   *  gate will delete) is never rendered to an image. */
  screenshotIf?: (html: string, finalUrl: string) => boolean;
}

/** Failure a retry may cure (time-out, network error, 5xx) or not (4xx, too large). */
export class PageFailure extends BakenError {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, cause?: unknown) {
    super('CAPTURE_FAILED', message, { cause });
    this.retryable = retryable;
  }
}

/** What hung past every time-out of its steps: Chromium stopped answering, and a retry may cure it. */
export function stoppedAnswering(what: string, ms: number): PageFailure {
  return new PageFailure(`${what} did not finish within ${ms} ms: Chromium stopped answering`, true);
}

// Chromium cannot paint a texture taller than this; endless pages are cut off here.
const MAX_SCREENSHOT_HEIGHT = 16_000;
const IMAGE_WAIT_MS = 3_000;

/** A tab reused for capture after capture: opening a new tab costs more than loading a page. */
export async function openCaptureTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  answerDialogs(page);
  return page;
}

/** Alerts, confirms and prompts are dismissed at once, so no script waits for a person; a
 *  "leave this page?" question is answered yes, or the tab could never move on to the next ad. */
export function answerDialogs(page: Page): void {
  page.on('dialog', (d) => { void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}); });
}

// Four steps wait at most `timeoutMs` each (load, ready, scroll, read); the rest (response bodies,
// the screenshot) have no time-out of their own. A capture past this many has hung in Chromium.
const CAPTURE_BUDGET_STEPS = 6;

/** A capture that hangs (a renderer that died without a word, a body that never ends) fails as a
 *  time-out would, retryable, and the crawler discards its tab. */
export async function capturePage(page: Page, url: string, opts: CaptureOptions): Promise<PageCapture> {
  const budget = CAPTURE_BUDGET_STEPS * opts.timeoutMs;
  return within(captureSteps(page, url, opts), budget, () => stoppedAnswering('the capture', budget));
}

async function captureSteps(page: Page, url: string, opts: CaptureOptions): Promise<PageCapture> {
  const images = new Map<string, HttpExchange>();
  const data: HttpExchange[] = [];
  const pending: Promise<void>[] = [];
  const origin = new URL(url).origin;
  const onResponse = (r: Response) => {
    const type = r.request().resourceType();
    if (type === 'image' && r.ok()) pending.push(exchangeOf(r).then((x) => { images.set(r.url(), x); }, () => {}));
    // Only the site's own data: third-party calls (trackers, ads networks) are not part of the ad.
    if ((type === 'xhr' || type === 'fetch') && new URL(r.url()).origin === origin) {
      pending.push(exchangeOf(r).then((x) => { data.push(x); }, () => {}));
    }
  };
  page.on('response', onResponse);
  try {
    page.setDefaultTimeout(opts.timeoutMs);
    const capturedAt = new Date().toISOString();
    const response = await navigate(page, url, opts.timeoutMs);
    const status = response.status();
    if (status >= 400) throw new PageFailure(`HTTP ${status}`, status >= 500 || status === 429);
    if (opts.ready) await page.waitForSelector(opts.ready, { timeout: opts.timeoutMs });
    const devtools = await devtoolsOf(page);
    const world = await isolatedWorld(devtools);
    const { view, screenshot } = await inFullView(devtools, world, opts.timeoutMs, async () => {
      await evaluate(devtools, world, LOAD_IMAGES, opts.timeoutMs);
      await Promise.all(pending);
      const view = await evaluate<PageView>(devtools, world, READ_PAGE, opts.timeoutMs);
      if (Buffer.byteLength(view.html) > opts.maxPageBytes) {
        throw new PageFailure(`page is larger than ${opts.maxPageBytes} bytes`, false);
      }
      const format = opts.screenshot;
      const wanted = format !== 'none' && (opts.screenshotIf?.(view.html, page.url()) ?? true);
      return { view, screenshot: wanted ? await takeScreenshot(devtools, view, format) : null };
    });
    await Promise.all(pending);
    const [meta, document] = await Promise.all([describe(page, response, url, capturedAt, view.userAgent, opts), exchangeOf(response)]);
    data.sort((a, b) => a.at.localeCompare(b.at) || a.url.localeCompare(b.url));
    return { meta, html: view.html, screenshot, document, data, images };
  } catch (e) {
    if (e instanceof PageFailure) throw e;
    throw new PageFailure(errorSummary(e), true, e);
  } finally {
    page.off('response', onResponse);
  }
}

async function exchangeOf(r: Response): Promise<HttpExchange> {
  const request = r.request();
  const [requestHeaders, responseHeaders, httpVersion, body, server] = await Promise.all([
    request.headersArray(), r.headersArray(), r.httpVersion(), r.body(), r.serverAddr(),
  ]);
  const pairs = (hs: { name: string; value: string }[]) => hs.map((h): [string, string] => [h.name, h.value]);
  return {
    url: r.url(), method: request.method(), requestHeaders: pairs(requestHeaders), httpVersion,
    status: r.status(), statusText: r.statusText(), responseHeaders: pairs(responseHeaders), body,
    serverIp: server?.ipAddress ?? null, at: requestTime(request.timing().startTime),
  };
}

async function navigate(page: Page, url: string, timeoutMs: number): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  if (!response) throw new PageFailure('no response', true);
  return response;
}

// The page is read through the tab's own DevTools session, in a world of Baken's own beside the page's
// scripts: Playwright's page.evaluate and page.content first send their helper script, several hundred
// kB, into every new document, which cost a crawl more than anything it read; and a world of its own
// shows Baken the browser's DOM functions as they are, whatever the page's scripts replaced.

/** The window made as tall as the page (up to MAX_SCREENSHOT_HEIGHT) while `work` runs, then set back
 *  as it was (clearing the override would leave Chromium's default window, not the context's).
 *  Every lazy image is then in view at once, as a person scrolling would bring each, and the page is
 *  laid out and painted once at the size the full-page screenshot takes anyway. Scrolling through a
 *  window at a time painted each screenful as well, and on a busy machine moved past lazy images
 *  before the page's loader had seen them: photos were missing from the evidence. */
async function inFullView<T>(devtools: CDPSession, world: number, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const window = await evaluate<WindowSize>(devtools, world, WINDOW_SIZE, timeoutMs);
  const metrics = (height: number) => ({
    width: window.width, height, screenWidth: window.screenWidth, screenHeight: window.screenHeight, deviceScaleFactor: window.scale,
    mobile: false, screenOrientation: { angle: 0, type: 'landscapePrimary' as const },
  });
  await devtools.send('Emulation.setDeviceMetricsOverride', metrics(Math.min(window.pageHeight, MAX_SCREENSHOT_HEIGHT)));
  try {
    return await work();
  } finally {
    await devtools.send('Emulation.setDeviceMetricsOverride', metrics(window.height)).catch(() => {});
  }
}

interface WindowSize { width: number; height: number; screenWidth: number; screenHeight: number; scale: number; pageHeight: number }

const WINDOW_SIZE = `({
  width: window.innerWidth, height: window.innerHeight, screenWidth: screen.width, screenHeight: screen.height,
  scale: window.devicePixelRatio, pageHeight: document.documentElement.scrollHeight,
})`;

/** Gives the page's lazy loaders two frames to see the whole page in view (a scroll event for those
 *  that listen for one), then waits (at most IMAGE_WAIT_MS) until every image has loaded or failed. A
 *  frame that never comes (a tab the browser does not paint) is waited for half a second. */
const LOAD_IMAGES = `(async () => {
  window.dispatchEvent(new Event('scroll'));
  const frame = () => new Promise((done) => { requestAnimationFrame(() => setTimeout(done, 0)); setTimeout(done, 500); });
  await frame();
  await frame();
  const until = Date.now() + ${IMAGE_WAIT_MS};
  while (![...document.images].every((i) => i.complete) && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
})()`;

/** What a capture reads of the page at once, just before its screenshot. */
interface PageView { html: string; width: number; height: number; userAgent: string }

/** The rendered DOM serialised as Playwright's page.content() does: the doctype, then the document element. */
const READ_PAGE = `({
  html: (document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '') + (document.documentElement?.outerHTML ?? ''),
  width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, userAgent: navigator.userAgent,
})`;

/** Each capture tab's DevTools session, opened with the tab and gone with it. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function devtoolsOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (session === undefined) sessions.set(page, session = page.context().newCDPSession(page));
  return session;
}

/** A new world in the page's main frame: made anew for each document, as a navigation ends the last. */
async function isolatedWorld(devtools: CDPSession): Promise<number> {
  const { frameTree } = await devtools.send('Page.getFrameTree');
  const { executionContextId } = await devtools.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'baken' });
  return executionContextId;
}

/** A page whose scripts keep its thread busy never answers: it fails as a time-out would. */
async function evaluate<T>(devtools: CDPSession, contextId: number, expression: string, timeoutMs: number): Promise<T> {
  const { result, exceptionDetails } = await within(
    devtools.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true }), timeoutMs,
    () => new PageFailure(`timeout of ${timeoutMs} ms exceeded: the page did not answer`, true));
  if (exceptionDetails) throw new Error(`reading the page failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/**
 * Straight through the DevTools protocol rather than page.screenshot: Playwright prepares every frame
 * and waits for paints before it asks for the same capture, which costs as much again as the capture.
 * `optimizeForSpeed` makes Chromium compress the PNG faster, not lossily: the pixels are the same
 * (test/screenshot.e2e.test.ts), the file about a third larger, the capture about twice as fast.
 */
async function takeScreenshot(devtools: CDPSession, size: PageView, format: 'png' | 'jpeg'): Promise<Buffer> {
  const { data } = await devtools.send('Page.captureScreenshot', {
    format, ...(format === 'jpeg' ? { quality: 80 } : {}), optimizeForSpeed: true, captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, MAX_SCREENSHOT_HEIGHT), scale: 1 },
  });
  return Buffer.from(data, 'base64');
}

async function describe(page: Page, response: Response, requestedUrl: string, capturedAt: string, userAgent: string,
  opts: CaptureOptions): Promise<CaptureMeta> {
  const [headers, server, tls] = await Promise.all([response.allHeaders(), response.serverAddr(), response.securityDetails()]);
  return {
    requestedUrl,
    finalUrl: page.url(),
    capturedAt,
    status: response.status(),
    headers,
    serverIp: server?.ipAddress ?? null,
    tls: tls ? {
      protocol: tls.protocol ?? '', issuer: tls.issuer ?? '', subject: tls.subjectName ?? '',
      validFrom: tls.validFrom ?? 0, validTo: tls.validTo ?? 0,
    } : null,
    userAgent,
    softwareVersion: opts.softwareVersion,
    method: opts.method,
  };
}

/** Playwright reports -1 when the browser gave no timing (e.g. a response served from memory). */
function requestTime(startTime: number): string {
  return new Date(startTime > 0 ? startTime : Date.now()).toISOString();
}
