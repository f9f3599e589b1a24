// Hostile behaviours: what badly behaved or unlucky sites do to a crawler. Ads created with the
// hostile flag misbehave on their detail page; ?hostile=<kind> makes any page misbehave (popup and
// huge change only HTML pages that answer 200; endless only Swipe's list).
import type { ServerResponse } from 'node:http';
import sharp from 'sharp';
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

/** Where the off-site kinds send the browser: the same server under another host name, which is
 *  another origin (another site) to a browser. */
export function elsewhere(origin: string, path: string): string {
  const url = new URL(origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${url.origin}/elsewhere${path}`;
}

/** A page that leaves for another site once loaded: by a meta refresh or by a script. */
export function withOffsiteExit(page: string, how: 'meta' | 'script', target: string): string {
  return how === 'meta'
    ? page.replace('</head>', `<meta http-equiv="refresh" content="0; url=${target}"></head>`)
    : page.replace('</body>', `<script>location.replace(${JSON.stringify(target)});</script></body>`);
}

/** Alert, confirm and prompt while the page loads, a nagging alert after, and a "leave this page?"
 *  question on the way out: the page is still a normal, capturable ad. */
export function withDialogs(page: string): string {
  return page.replace('</body>', `<script>
  window.addEventListener('beforeunload', function (e) { e.preventDefault(); e.returnValue = 'Weet je het zeker?'; });
  alert('Welkom!');
  if (confirm('Ben je 18 jaar of ouder?')) prompt('Hoe mogen we je noemen?', '');
  setInterval(function () { alert('Ben je er nog?'); }, 200);
</script></body>`);
}

/** A page that starts a download on its own, and links to one. */
export function withDownload(page: string, path: string): string {
  return page.replace('</body>', `<p><a href="/download${path}">Prijslijst (pdf)</a></p>
<script>addEventListener('load', function () { setTimeout(function () { location.href = '/download${path}'; }, 0); });</script></body>`);
}

/** A file to save rather than a page; its bytes carry a marker a test can look for on disk. */
export function downloadReply(path: string): { status: number; type: string; body: Buffer; headers: Record<string, string> } {
  return {
    status: 200, type: 'application/pdf', body: Buffer.from(`%PDF-1.4\n% ${DOWNLOAD_MARKER}${path}\n${'0'.repeat(64 * 1024)}\n%%EOF\n`),
    headers: { 'content-disposition': 'attachment; filename="prijslijst.pdf"', 'cache-control': 'no-store' },
  };
}

export const DOWNLOAD_MARKER = 'BAKEN-DEMO-DOWNLOAD';

/** Pictures no decoder reads as announced: missing, cut off, a PNG and an HTML page both served as
 *  JPEG. Shown in the ad's gallery next to its own pictures. */
export const BROKEN_IMAGES = ['missing', 'truncated', 'png', 'html'] as const;
export type BrokenImage = (typeof BROKEN_IMAGES)[number];

export function withBrokenImages(page: string): string {
  const imgs = BROKEN_IMAGES.map((name) => `<img src="/img/broken/${name}.jpg" alt="">`).join('\n        ');
  return page.replace('<div class="gallery">', `<div class="gallery">\n        ${imgs}`);
}

/** `picture` renders one of the demo's own pictures as JPEG, for the bytes the broken ones bend. */
export async function brokenImageReply(name: string, picture: () => Promise<Buffer>):
  Promise<{ status: number; type: string; body: Buffer } | undefined> {
  const jpeg = 'image/jpeg';
  switch (name) {
    case 'truncated': { const whole = await picture(); return { status: 200, type: jpeg, body: whole.subarray(0, whole.length >> 1) }; }
    case 'png': return { status: 200, type: jpeg, body: await sharp(await picture()).png().toBuffer() };
    case 'html': return { status: 200, type: jpeg, body: Buffer.from('<!doctype html><html><body><h1>Afbeelding niet gevonden</h1></body></html>') };
    default: return undefined;
  }
}
