// "Swipe": a single-page app. The server sends one HTML shell; /swipe/app.js loads ads from a JSON
// API and renders list and detail pages in the browser, with infinite scroll on the list.
import { readFileSync } from 'node:fs';
import { formatPhoneSpaced } from '../format.ts';
import { escapeHtml, html, json, notFound, redirect, type Reply, type RequestInfo } from '../reply.ts';
import type { DemoAd, World } from '../world.ts';

const APP_JS = readFileSync(new URL('./swipe-app.js', import.meta.url), 'utf8');
const MAX_LIMIT = 50;
/** Ids of the made-up cards of the endless list start here, beyond any real ad. */
const ENDLESS_FIRST_ID = 50_000;

export function handleSwipe(req: RequestInfo, world: World, ad: DemoAd | undefined): Reply {
  if (req.path === '/swipe') return redirect('/swipe/', 301);
  if (req.path === '/swipe/') return html(shell('Discover'));
  if (req.path === '/swipe/app.js') return { status: 200, type: 'text/javascript; charset=utf-8', body: APP_JS, headers: { 'cache-control': 'public, max-age=3600' } };
  if (req.path === '/swipe/api/ads') return listApi(req, world);
  const detail = /^\/swipe\/api\/ads\/([\w-]+)$/.exec(req.path)?.[1];
  if (detail !== undefined) {
    const found = world.ads.find((a) => a.platform === 'swipe' && a.id === detail);
    return found ? json(detailJson(found)) : json({ error: 'not found' }, 404);
  }
  // The shell answers 404 for unknown ads, as server-side routing on real apps does.
  if (/^\/swipe\/ad\/[\w-]+$/.test(req.path)) return html(shell(ad ? ad.fields.title : 'Not found'), ad?.platform === 'swipe' ? 200 : 404);
  return notFound();
}

function listApi(req: RequestInfo, world: World): Reply {
  const offset = Number(req.query.get('offset') ?? 0);
  const limit = Number(req.query.get('limit') ?? 12);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return json({ error: `offset must be ≥ 0 and limit between 1 and ${MAX_LIMIT}` }, 400);
  }
  const ads = world.ads.filter((a) => a.platform === 'swipe');
  const cards = ads.slice(offset, offset + limit).map((a) => ({
    id: a.id, url: a.path, title: a.fields.title, alias: a.fields.alias, age: a.fields.age, city: a.fields.city,
    image: `/img/${a.fields.images[0]}.jpg`,
  }));
  if (req.query.get('hostile') === 'endless') {
    // Never runs dry: a crawler has to cap its own discovery. The made-up ads have no detail page.
    for (let n = Math.max(offset, ads.length); cards.length < limit; n++) {
      const like = ads[n % ads.length] as DemoAd;
      const id = `sw-${ENDLESS_FIRST_ID + n}`;
      cards.push({ id, url: `/swipe/ad/${id}`, title: like.fields.title, alias: like.fields.alias, age: like.fields.age, city: like.fields.city, image: `/img/${like.fields.images[0]}.jpg` });
    }
  }
  return json({ offset, ads: cards });
}

function detailJson(ad: DemoAd): Record<string, unknown> {
  const f = ad.fields;
  return {
    id: ad.id,
    ref: ad.ref,
    title: f.title,
    paragraphs: f.text.split('\n'),
    alias: f.alias,
    age: f.age,
    city: f.city,
    phone: formatPhoneSpaced(f.phones[0] as string, ad.phoneStyle),
    ...(f.email ? { email: f.email } : {}),
    languages: f.languages.join(', '),
    services: f.services,
    prices: f.prices,
    ...(f.licence ? { licence: f.licence } : {}),
    posted: f.posted,
    images: f.images.map((id) => `/img/${id}.jpg`),
  };
}


function shell(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · Swipe</title>
  <style>
    body{margin:0;font-family:system-ui,sans-serif;background:#111;color:#eee}
    header{position:sticky;top:0;background:#1d1d1d;padding:12px 20px;display:flex;gap:20px;align-items:center;z-index:2}
    header b{font-size:22px;color:#ff4f81}header a{color:#ccc;text-decoration:none}
    #app{max-width:1100px;margin:auto;padding:20px}
    .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px}
    .card{display:block;background:#222;border-radius:14px;overflow:hidden;color:inherit;text-decoration:none}
    .card img{width:100%;aspect-ratio:4/3;object-fit:cover;display:block}.card-info{padding:10px 12px;min-height:80px}
    .card-info span{display:block;color:#aaa;font-size:14px}#sentinel{height:1px}
    .photos{display:flex;gap:10px;overflow-x:auto}.photos img{height:300px;border-radius:12px}
    .chip{display:inline-block;background:#333;border-radius:20px;padding:4px 12px;margin:0 6px 6px 0}
    .rates span{display:inline-block;border:1px solid #ff4f81;border-radius:8px;padding:6px 10px;margin-right:8px}
    .facts{list-style:none;padding:0}.facts li{margin:6px 0}.muted{color:#888}
  </style>
  <script src="/swipe/app.js" defer></script>
</head>
<body>
  <header><b>Swipe</b><a href="/swipe/">Discover</a><a href="/swipe/">Nearby</a><a href="/swipe/">Log in</a></header>
  <main id="app" data-state="loading"><p class="muted">Loading…</p></main>
  <noscript>Swipe needs JavaScript.</noscript>
</body>
</html>
`;
}
