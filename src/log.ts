// Structured application logs on stderr. Closed list of events so logs can be queried by known keys.
// Never ad content or personal data: sources, counts, error reasons and URL fingerprints only.
import { createHash } from 'node:crypto';
import { pino, type Logger } from 'pino';

export const LOG_EVENTS = [
  'crawl.start', 'crawl.resume', 'crawl.source', 'crawl.discovered', 'crawl.retry', 'crawl.failed', 'crawl.yield-drop', 'crawl.done', 'crawl.stopped',
  'sites.listening',
  'api.listening', 'api.error', 'job.start', 'job.done', 'job.failed', 'job.handed-back', 'worker.tidied', 'worker.stopping',
  'config.reloaded', 'config.refused',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export type Log = (event: LogEvent, data?: Record<string, unknown>) => void;

export function createLog(level = process.env.BAKEN_LOG ?? 'info'): Log {
  const logger: Logger = pino({ level, base: null }, pino.destination(2));
  return (event, data = {}) => logger.info({ event, ...data });
}

export const silentLog: Log = () => {};

/** A stable, non-reversible reference to a URL, for logs. */
export function urlRef(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

/** A database URL fit for messages and logs. */
export function withoutPassword(url: string): string {
  return url.replace(/:[^:@/]*@/, ':…@');
}
