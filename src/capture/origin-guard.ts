// Keeps a tab's page on its source's origin. A host guard refuses addresses; this refuses places: an
// ad that sends the browser to another site (an HTTP redirect, or a script or meta refresh) is not
// followed, because only the configured source may be visited. It pauses only the tab's main-frame
// documents, so images and scripts from elsewhere still load as the page asks.
import type { BrowserContext, Page } from 'playwright-core';

interface Paused { requestId: string; frameId: string; request: { url: string } }

/** Calls `refused` with each navigation away from `origin` that it stopped before it left the machine. */
export async function keepOnOrigin(context: BrowserContext, page: Page, origin: string, refused: (url: string) => void): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  cdp.on('Fetch.requestPaused', (e: Paused) => {
    const away = e.frameId === mainFrame && elsewhere(e.request.url, origin);
    if (away) refused(e.request.url);
    const answer = away
      ? cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' })
      : cdp.send('Fetch.continueRequest', { requestId: e.requestId });
    // The tab was closed or navigated meanwhile; the request no longer waits for an answer.
    answer.catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] });
}

function elsewhere(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    // about:blank, data: and the browser's own error pages never reach another site.
    return ['http:', 'https:'].includes(parsed.protocol) && parsed.origin !== origin;
  } catch {
    return false;
  }
}
