// Stopping on a signal (a deploy, a restart, Ctrl-C) without losing work: once `draining` aborts no
// new job is claimed and no new page leased; the pages in hand are finished, until `handBack`
// aborts at the end of the grace period and they go back to the frontier without using an attempt.
// What could not be finished is handed back whole: a job to the queue, a page to the frontier.
export interface Stopping {
  draining: AbortSignal;
  handBack: AbortSignal;
}

/** A crawl that stopped before its run was done: its job goes back to the queue unharmed. */
export class Stopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Stopped';
  }
}
