// Hostile behaviours: what badly behaved or unlucky sites do to a crawler. Ads created with the
// hostile flag misbehave on their detail page; ?hostile=<kind> makes any page misbehave (popup and
// huge change only HTML pages that answer 200; endless only Swipe's list).
import type { ServerResponse } from 'node:http';
import { HOSTILE_KINDS, type HostileKind } from './world.ts';

/** Kinds a query parameter can ask for; `endless` only changes Swipe's list API. */
export const HOSTILE_QUERY_KINDS = [...HOSTILE_KINDS, 'endless'] as const;
export type HostileQueryKind = (typeof HOSTILE_QUERY_KINDS)[number];

export const SLOW_MS = 60_000;
export const HUGE_BYTES = 30 * 1024 * 1024;

export function hostileFromQuery(query: URLSearchParams): HostileQueryKind | undefined {
  const kind = query.get('hostile');
  return HOSTILE_QUERY_KINDS.find((k) => k === kind);
}

/** An overlay, a pop-up window and an alert: the page is still a normal, capturable ad. */
export function withPopup(page: string): string {
  const popup = `
  <div class="promo-overlay" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:9999;display:flex;align-items:center;justify-content:center">
    <div style="background:#fff;color:#000;padding:24px;max-width:360px;border-radius:8px;font-family:sans-serif">
      <strong>Speciale aanbieding!</strong><p>Word nu premium lid en zie alle foto's.</p>
      <button type="button" onclick="this.closest('.promo-overlay').remove()">Sluiten</button>
    </div>
  </div>
  <script>window.open('/promo', '_blank'); alert('Welkom! Bekijk ook onze aanbiedingen.');</script>
`;
  return page.replace('</body>', `${popup}</body>`);
}

/** Streams the page with HUGE_BYTES of filler inside it, chunked so no length is announced. */
export async function writeHuge(res: ServerResponse, page: string): Promise<void> {
  const at = page.lastIndexOf('</body>');
  const head = at >= 0 ? page.slice(0, at) : page;
  const tail = at >= 0 ? page.slice(at) : '';
  const chunk = `<!-- ${'filler '.repeat(9362)}-->\n`;
  res.write(head);
  for (let sent = 0; sent < HUGE_BYTES && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  res.end(tail);
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done);
    res.on('close', done);
  });
}
