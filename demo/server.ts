// One local HTTP server hosting the three demo platforms, their images and the ground truth.
// Tests start it on port 0; `baken sites` and `baken demo` on 4100.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWorld } from './generate.ts';
import {
  HOSTILE_QUERY_KINDS, SLOW_MS, brokenImageReply, downloadReply, elsewhere, hostileFromQuery, withBrokenImages, withDialogs,
  withDownload, withOffsiteExit, withPopup, writeHuge, type HostileQueryKind,
} from './hostile.ts';
import { createImageCache } from './images.ts';
import { restyled } from './restyle.ts';
import { CLASSIC_CONSENT_COOKIE, consentWall, handleClassic } from './platforms/classic.ts';
import { handleSwipe } from './platforms/swipe.ts';
import { handleVelvet } from './platforms/velvet.ts';
import { html, json, notFound, redirect, type Reply, type RequestInfo } from './reply.ts';
import { truthOf } from './truth.ts';
import type { PhotoMode } from './photo-heavy.ts';
import type { DemoAd, World, WorldSize } from './world.ts';

export interface DemoServerOptions {
  port?: number;
  host?: string;
  seed?: number;
  day?: number;
  size?: WorldSize;
  /** Adds classic ads whose detail pages misbehave, one for each of HOSTILE_KINDS (see hostile.ts). */
  hostile?: boolean;
  /** Rosebud shows a consent wall instead of its list and ads until a visitor makes a choice. */
  consent?: boolean;
  /** 'heavy': eight camera-size photos per ad and long pages (photo-heavy.ts), for benchmarks. */
  photos?: PhotoMode;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:4100 (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Switch every platform to another day of the same world. */
  setDay(n: number): void;
  /** Rosebud's ad pages after a redesign, every class renamed (restyle.ts), or back as they were. */
  setRestyled(on: boolean): void;
  /** How many requests reached the other site the off-site kinds send the browser to. */
  offsiteVisits(): number;
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const { port = 4100, host = '127.0.0.1', seed = 1, day = 0, size = 'default', hostile = false, consent = false, photos = 'light' } = opts;
  let world: World;
  let adsByPath: Map<string, DemoAd>;
  const setDay = (n: number) => {
    world = generateWorld({ seed, day: n, size, hostile, photos });
    adsByPath = new Map(world.ads.map((a) => [a.path, a]));
  };
  setDay(day);
  const image = createImageCache();
  const failedOnce = new Set<string>();
  let redesigned = false;
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  let offsiteVisits = 0;

  const route = async (req: RequestInfo, ad: DemoAd | undefined): Promise<Reply> => {
    const { path } = req;
    if (path === '/_truth.json') return json(truthOf(world, origin));
    if (path === '/') return html(indexPage());
    if (path === '/promo') return html('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanbieding</title></head><body><h1>Premium lidmaatschap</h1></body></html>');
    if (path.startsWith('/elsewhere/')) {
      offsiteVisits++;
      return html('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Elders</title></head><body><h1>Een andere site</h1></body></html>');
    }
    if (path.startsWith('/download/')) return downloadReply(path.slice('/download'.length));
    const broken = /^\/img\/broken\/(\w+)\.jpg$/.exec(path)?.[1];
    if (broken !== undefined) {
      const someSpec = Object.entries(world.images)[0]!;
      return await brokenImageReply(broken, () => image(...someSpec)) ?? notFound();
    }
    const img = /^\/img\/([0-9a-f]{12})\.jpg$/.exec(path)?.[1];
    if (img !== undefined) {
      const spec = world.images[img];
      if (!spec) return notFound();
      return { status: 200, type: 'image/jpeg', body: await image(img, spec), headers: { 'cache-control': 'public, max-age=86400' } };
    }
    if (consent && (path === '/classic/' || path.startsWith('/classic/ad/')) && !req.cookies.has(CLASSIC_CONSENT_COOKIE)) return html(consentWall());
    if (path === '/classic' || path.startsWith('/classic/')) return handleClassic(req, world, ad);
    if (path === '/swipe' || path.startsWith('/swipe/')) return handleSwipe(req, world, ad);
    if (path === '/velvet' || path.startsWith('/velvet/')) return handleVelvet(req, world, ad);
    return notFound();
  };

  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('server', 'demo-platform');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, { ...html('<h1>405 Method Not Allowed</h1>', 405), headers: { allow: 'GET, HEAD' } });
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const info: RequestInfo = { path: url.pathname, query: url.searchParams, cookies: parseCookies(req.headers.cookie), origin };
    const ad = adsByPath.get(url.pathname);
    const kind: HostileQueryKind | undefined = hostileFromQuery(url.searchParams) ?? ad?.hostile;
    if (kind === 'error') return send(req, res, html('<!doctype html><h1>500 Internal Server Error</h1>', 500));
    if (kind === 'loop') return send(req, res, redirect(url.pathname + url.search));
    if (kind === 'flaky' && !failedOnce.has(url.pathname + url.search)) {
      failedOnce.add(url.pathname + url.search);
      return send(req, res, html('<!doctype html><h1>500 Internal Server Error</h1><p>Probeer het later opnieuw.</p>', 500));
    }
    if (kind === 'slow' && !(await wait(SLOW_MS, res, timers))) return;
    if (kind === 'offsite-redirect') return send(req, res, redirect(elsewhere(origin, url.pathname)));
    if (kind === 'download') return send(req, res, downloadReply(url.pathname));
    const reply = await route(info, ad);
    const isPage = reply.type.startsWith('text/html') && reply.status === 200 && typeof reply.body === 'string';
    if (redesigned && ad?.platform === 'classic' && isPage) return send(req, res, { ...reply, body: restyled(reply.body as string) });
    const bent = isPage ? bend(kind, reply.body as string, url.pathname, origin) : undefined;
    if (bent !== undefined) return send(req, res, { ...reply, body: bent });
    if (kind === 'huge' && isPage && req.method === 'GET') {
      res.writeHead(reply.status, { 'content-type': reply.type, ...reply.headers });
      return writeHuge(res, reply.body as string);
    }
    send(req, res, reply);
  };

  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      console.error('demo server: request failed', error);
      if (!res.headersSent) send(req, res, html('<h1>500 Internal Server Error</h1>', 500));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  origin = `http://${shownHost}:${actual}`;

  return {
    url: origin,
    port: actual,
    setDay,
    setRestyled: (on) => { redesigned = on; },
    offsiteVisits: () => offsiteVisits,
    close: () => new Promise<void>((resolve, reject) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

/** The HTML page as the hostile kinds that only change a page's content serve it. */
function bend(kind: HostileQueryKind | undefined, page: string, path: string, origin: string): string | undefined {
  switch (kind) {
    case 'popup': return withPopup(page);
    case 'offsite-meta': return withOffsiteExit(page, 'meta', elsewhere(origin, path));
    case 'offsite-script': return withOffsiteExit(page, 'script', elsewhere(origin, path));
    case 'dialogs': return withDialogs(page);
    case 'starts-download': return withDownload(page, path);
    case 'broken-images': return withBrokenImages(page);
    default: return undefined;
  }
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': body.length, ...reply.headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Resolves true after `ms`, or false as soon as the client gives up or the server closes. */
function wait(ms: number, res: ServerResponse, timers: Set<NodeJS.Timeout>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { timers.delete(timer); resolve(!res.destroyed); }, ms);
    timers.add(timer);
    res.once('close', () => { clearTimeout(timer); timers.delete(timer); resolve(false); });
  });
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

function indexPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Baken demo platforms</title></head>
<body>
  <h1>Baken demo platforms</h1>
  <p>Synthetic ad platforms for testing Baken. Every ad, name, number and picture here is made up.</p>
  <ul>
    <li><a href="/classic/">Rosebud</a> – classic pages with pagination</li>
    <li><a href="/swipe/">Swipe</a> – JavaScript app with infinite scroll</li>
    <li><a href="/velvet/">Velvet</a> – age gate and lazy images</li>
    <li><a href="/_truth.json">Ground truth</a> for today</li>
  </ul>
  <p>Hostile behaviours on any page: ?hostile=${HOSTILE_QUERY_KINDS.join('|')}</p>
</body></html>
`;
}
