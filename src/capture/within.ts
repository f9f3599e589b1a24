// Chromium can leave a call unanswered for ever: a page whose renderer crashed, a close that raced a
// navigation being committed (Playwright issues 42068 and 42366). Every time-out Playwright offers
// covers one step; these bound the whole of a capture and every close, so a crawl never waits for
// ever with Chromium.

/** `work`, or the error `late()` makes once `ms` have passed; `work` is left to settle unheard. The
 *  clock never keeps a process alive by itself: a call that hangs once its browser has closed is
 *  one nobody is still waiting for. */
export async function within<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, fail) => { timer = setTimeout(() => fail(late()), ms).unref(); });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// Closing a tab or context that still answers takes milliseconds; one that does not is given up on
// (its context, or the browser, takes it along when they close).
const CLOSE_MS = 5_000;

/** Closes a page, a context or a DevTools session, giving up silently after `ms`. */
export async function closeWithin(close: () => Promise<unknown>, ms = CLOSE_MS): Promise<void> {
  await within(Promise.resolve().then(close), ms, () => new Error('close did not answer')).catch(() => {});
}
