// "Rosebud": a classic server-rendered platform — paginated list pages, one detail page per ad,
// Dutch labels, and the clutter real sites carry (navigation, cookie banner, banners, footer).
import { formatDate, formatPhone } from '../format.ts';
import { escapeHtml as e, html, notFound, redirect, type Reply, type RequestInfo } from '../reply.ts';
import type { DemoAd, World } from '../world.ts';

export const CLASSIC_PAGE_SIZE = 20;
/** Set by the consent wall (demo server option `consent`) once a visitor chose. */
export const CLASSIC_CONSENT_COOKIE = 'rosebud_consent';

const INFO_PAGES: Record<string, string> = {
  'over-ons': 'Over Rosebud',
  voorwaarden: 'Algemene voorwaarden',
  privacy: 'Privacyverklaring',
  contact: 'Contact',
  adverteren: 'Adverteren op Rosebud',
};

export function handleClassic(req: RequestInfo, world: World, ad: DemoAd | undefined): Reply {
  if (req.path === '/classic') return redirect('/classic/', 301);
  if (req.path === '/classic/') return listPage(req, world);
  if (req.path === '/classic/style.css') return { status: 200, type: 'text/css; charset=utf-8', body: CSS, headers: { 'cache-control': 'public, max-age=3600' } };
  if (ad?.platform === 'classic') return html(detailPage(ad));
  const info = /^\/classic\/info\/([a-z-]+)$/.exec(req.path)?.[1];
  if (info && INFO_PAGES[info]) return html(layout(INFO_PAGES[info], `<main class="info"><h1>${e(INFO_PAGES[info])}</h1><p>Deze pagina is onderdeel van een demonstratieplatform.</p></main>`));
  return notFound();
}

/** Hides the whole site until a visitor accepts or refuses cookies; the choice is a cookie. */
export function consentWall(): string {
  const choose = (value: string) => `document.cookie='${CLASSIC_CONSENT_COOKIE}=${value}; path=/; max-age=31536000; SameSite=Lax'; location.reload()`;
  return layout('Uw privacy', `
    <main class="consent">
      <h1>Uw privacy</h1>
      <p>Rosebud en haar partners gebruiken cookies. Kies of u alle cookies accepteert; daarna ziet u de advertenties.</p>
      <button id="accept" type="button" onclick="${choose('all')}">Alles accepteren</button>
      <button id="reject" type="button" onclick="${choose('necessary')}">Alleen noodzakelijke</button>
    </main>`);
}

function listPage(req: RequestInfo, world: World): Reply {
  const ads = world.ads.filter((a) => a.platform === 'classic');
  const pages = Math.max(1, Math.ceil(ads.length / CLASSIC_PAGE_SIZE));
  const raw = req.query.get('page') ?? '1';
  const page = /^[1-9]\d*$/.test(raw) ? Number(raw) : NaN;
  if (!(page <= pages)) return notFound();
  const cards = ads.slice((page - 1) * CLASSIC_PAGE_SIZE, page * CLASSIC_PAGE_SIZE).map((ad) => `
      <article class="card">
        <a href="${e(ad.path)}"><img src="/img/${ad.fields.images[0]}.jpg" alt="" width="240" height="180"><h2>${e(ad.fields.title)}</h2></a>
        <p class="card-meta"><span class="city">${e(ad.fields.city)}</span> · ${ad.fields.age} jaar</p>
      </article>`).join('');
  const prev = page > 1 ? `<a rel="prev" href="/classic/?page=${page - 1}">« Vorige</a>` : '';
  const next = page < pages ? `<a rel="next" href="/classic/?page=${page + 1}">Volgende »</a>` : '';
  return html(layout(`Advertenties – pagina ${page}`, `
    <main class="list">
      <h1>Dames in heel Nederland</h1>
      <div class="cards">${cards}
      </div>
      <nav class="pagination">${prev} <span>Pagina ${page} van ${pages}</span> ${next}</nav>
    </main>`));
}

function detailPage(ad: DemoAd): string {
  const f = ad.fields;
  const gallery = f.images.map((id, i) => `<img src="/img/${id}.jpg" alt="Foto ${i + 1} van ${e(f.alias)}">`).join('\n        ');
  const paragraphs = f.text.split('\n').map((p) => `<p>${e(p)}</p>`).join('\n');
  const row = (label: string, cls: string, value: string) => `<dt>${label}</dt><dd class="${cls}">${value}</dd>`;
  const details = [
    row('Naam', 'v-naam', e(f.alias)),
    row('Leeftijd', 'v-leeftijd', `${f.age} jaar`),
    row('Stad', 'v-stad', e(f.city)),
    row('Telefoon', 'v-telefoon', `<a href="tel:${f.phones[0]}">${e(formatPhone(f.phones[0] as string, ad.phoneStyle))}</a>`),
    f.email ? row('E-mail', 'v-email', `<a href="mailto:${e(f.email)}">${e(f.email)}</a>`) : '',
    row('Talen', 'v-talen', e(f.languages.join(', '))),
    f.licence ? row('Vergunning', 'v-vergunning', e(f.licence)) : '',
  ].filter(Boolean).join('\n        ');
  const prices = f.prices.map((p) => `<tr>\n<td>${e(p.label)}</td>\n<td>€ ${p.amount}</td>\n</tr>`).join('\n');
  return layout(f.title, `
    <main class="ad">
      <nav class="crumbs"><a href="/classic/">Advertenties</a> › ${e(f.city)}</nav>
      <h1 class="ad-title">${e(f.title)}</h1>
      <p class="meta">Geplaatst op <time datetime="${f.posted}">${formatDate(f.posted, 'nl')}</time> · advertentienummer ${ad.ref}</p>
      <div class="gallery">
        ${gallery}
      </div>
      <section class="ad-body">${paragraphs}</section>
      <dl class="details">
        ${details}
      </dl>
      <h2>Diensten</h2>
      <ul class="services">${f.services.map((s) => `<li>${e(s)}</li>`).join('')}</ul>
      <h2>Tarieven</h2>
      <table class="prices">
        <thead><tr><th>Duur</th><th>Prijs</th></tr></thead>
        <tbody>
${prices}
        </tbody>
      </table>
      <p class="report"><a href="/classic/info/contact">Advertentie melden</a></p>
    </main>`);
}

function layout(title: string, main: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(title)} | Rosebud</title>
  <link rel="stylesheet" href="/classic/style.css">
</head>
<body>
  <header class="site">
    <a class="logo" href="/classic/">Rosebud</a>
    <nav><a href="/classic/">Dames</a> <a href="/classic/info/adverteren">Adverteren</a> <a href="/classic/info/over-ons">Over ons</a> <a href="/classic/info/contact">Inloggen</a></nav>
  </header>
  <div class="layout">${main}
    <aside class="banners">
      <div class="banner"><strong>Discreet pakket?</strong> Webshop met snelle levering.<br><a href="/classic/info/adverteren">Bekijk aanbod</a></div>
      <div class="banner"><strong>Zelf adverteren?</strong> De eerste week gratis.<br><a href="/classic/info/adverteren">Plaats advertentie</a></div>
    </aside>
  </div>
  <footer class="site">
    <a href="/classic/info/over-ons">Over ons</a> · <a href="/classic/info/voorwaarden">Voorwaarden</a> · <a href="/classic/info/privacy">Privacy</a> · <a href="/classic/info/contact">Contact</a>
    <p>Alle advertenties op deze site zijn fictief (demonstratieplatform).</p>
  </footer>
  <div id="cookie-banner" class="cookies">Wij gebruiken cookies om de site te verbeteren. <button type="button" onclick="this.parentNode.remove()">Accepteren</button></div>
</body>
</html>
`;
}

const CSS = `body{font-family:Georgia,serif;margin:0;background:#fdf6f4;color:#2b1d1d}
header.site{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#7a1f3d;color:#fff}
header.site a{color:#fff;margin-left:16px;text-decoration:none}.logo{font-size:24px;font-weight:bold;margin:0!important}
.layout{display:flex;gap:24px;padding:24px;max-width:1200px;margin:auto}main{flex:1}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:16px}
.card{background:#fff;border-radius:8px;padding:8px;box-shadow:0 1px 3px #0002}.card img{width:100%;height:auto;border-radius:4px}
.card h2{font-size:16px;margin:8px 0 4px}.card a{color:inherit;text-decoration:none}.card-meta{margin:0;color:#7a5a5a;font-size:14px}
.pagination{margin:24px 0;display:flex;gap:16px;justify-content:center}
.gallery{display:flex;gap:8px;flex-wrap:wrap}.gallery img{max-width:100%;border-radius:6px}
.details{display:grid;grid-template-columns:140px 1fr;gap:4px 12px}.details dt{font-weight:bold}.details dd{margin:0}
.prices{border-collapse:collapse}.prices td,.prices th{border:1px solid #d9c3c3;padding:4px 12px}
.banners{width:220px}.banner{background:#fff3cd;padding:12px;margin-bottom:12px;border-radius:6px;font-size:14px}
footer.site{padding:24px;text-align:center;color:#7a5a5a;font-size:14px}
.cookies{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:12px 24px}.cookies button{margin-left:12px}
`;
