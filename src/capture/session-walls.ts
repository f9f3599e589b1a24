// Consent banners and age walls: the click steps a source configures, run once when a capture
// session opens. The walls leave a cookie in the session's browser context, so every tab that
// captures an ad afterwards is past them, whether or not it ever saw the list page.
import type { BrowserContext } from 'playwright-core';
import type { Source } from '../config/schema.ts';
import { answerDialogs, PageFailure, stoppedAnswering } from './capture-page.ts';
import { errorSummary } from '../domain/errors.ts';
import { closeWithin, within } from './within.ts';

// A wall a site shows only sometimes is looked for this long before its step is skipped.
const OPTIONAL_WAIT_MS = 3_000;
const SETTLE_MS = 2_000;

export async function passWalls(context: BrowserContext, source: Source): Promise<void> {
  const { steps } = source.session;
  if (steps.length === 0) return;
  // The page loads, then each step waits for its wall, clicks and loads again, each within the
  // time-out, and settles; walls past all that have hung in Chromium.
  const budget = (1 + 3 * steps.length) * source.crawl.timeoutMs + steps.length * SETTLE_MS;
  await within(clickThrough(context, source), budget, () => stoppedAnswering('session steps', budget));
}

async function clickThrough(context: BrowserContext, source: Source): Promise<void> {
  const { steps, start = source.start } = source.session;
  const timeout = source.crawl.timeoutMs;
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  answerDialogs(page);
  try {
    const response = await page.goto(start, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    if (status === 0 || status >= 400) {
      throw new PageFailure(`session page answered HTTP ${status || 'nothing'}`, status >= 500 || status === 429);
    }
    for (const step of steps) {
      const target = page.locator(step.click).first();
      const shown = await target.waitFor({ state: 'visible', timeout: step.optional ? Math.min(OPTIONAL_WAIT_MS, timeout) : timeout })
        .then(() => true, () => false);
      if (!shown && step.optional) continue;
      if (!shown) throw new PageFailure(`session step "click ${step.click}" found nothing to click`, false);
      await target.click();
      await page.waitForLoadState('load');
      await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => {});
    }
  } catch (e) {
    if (e instanceof PageFailure) throw e;
    throw new PageFailure(`session steps failed: ${errorSummary(e)}`, true, e);
  } finally {
    await closeWithin(() => page.close());
  }
}
