// "Velvet": a platform behind an age gate. The gate sets a cookie from JavaScript; without it, ad
// pages redirect to the gate. Pictures load lazily, only once scrolled into view; tables lay out.
import { formatPhone } from '../format.ts';
import { escapeHtml as e, html, notFound, redirect, type Reply, type RequestInfo } from '../reply.ts';
import type { DemoAd, World } from '../world.ts';

export const VELVET_COOKIE = 'velvet_age';
/** The smallest transparent GIF: the placeholder until the real picture scrolls into view. */
const BLANK_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function handleVelvet(req: RequestInfo, world: World, ad: DemoAd | undefined): Reply {
  const admitted = req.cookies.get(VELVET_COOKIE) === 'ok';
  if (req.path === '/velvet') return redirect('/velvet/', 301);
  if (req.path === '/velvet/') return html(admitted ? listPage(world) : gatePage());
  if (req.path === '/velvet/blank.gif') return { status: 200, type: 'image/gif', body: BLANK_GIF, headers: { 'cache-control': 'public, max-age=86400' } };
  if (/^\/velvet\/ad\/[\w-]+$/.test(req.path)) {
    if (!admitted) return redirect('/velvet/');
    return ad?.platform === 'velvet' ? html(detailPage(ad)) : notFound();
  }
  return notFound();
}

function gatePage(): string {
  return layout('Welkom', `
    <table class="gate" align="center"><tr><td>
      <h1>Velvet</h1>
      <p>Deze website bevat advertenties voor volwassenen. Je moet 18 jaar of ouder zijn om verder te gaan.</p>
      <button id="enter" type="button">Ik ben 18+</button> <a href="/">Verlaten</a>
    </td></tr></table>
    <script>
      document.getElementById('enter').addEventListener('click', function () {
        document.cookie = '${VELVET_COOKIE}=ok; path=/; max-age=2592000; SameSite=Lax';
        location.reload();
      });
    </script>`);
}

function listPage(world: World): string {
  const items = world.ads.filter((a) => a.platform === 'velvet').map((ad) => `
      <tr><td class="thumb"><a href="${ad.path}">${lazyImage(ad.fields.images[0] as string, 160, 120)}</a></td>
        <td><a href="${ad.path}">${e(ad.fields.title)}</a><br><small>${e(ad.fields.alias)} (${ad.fields.age}) – ${e(ad.fields.city)}</small></td></tr>`).join('');
  return layout('Alle dames', `
    <h1>Alle dames</h1>
    <table class="roster">${items}
    </table>`);
}

function detailPage(ad: DemoAd): string {
  const f = ad.fields;
  const row = (cls: string, label: string, value: string) => `<tr class="${cls}"><th>${label}</th><td>${value}</td></tr>`;
  const facts = [
    row('f-alias', 'Artiestennaam', e(f.alias)),
    row('f-age', 'Leeftijd', String(f.age)),
    row('f-city', 'Werkgebied', e(f.city)),
    row('f-phone', 'Telefoon', e(formatPhone(f.phones[0] as string, ad.phoneStyle))),
    f.email ? row('f-email', 'E-mail', e(f.email)) : '',
    row('f-lang', 'Talen', f.languages.map((l) => `<span class="lang">${e(l)}</span>`).join(' ')),
    row('f-services', 'Diensten', e(f.services.join(', '))),
    row('f-prices', 'Tarieven', `<ul>${f.prices.map((p) => `<li>${e(p.label)}: EUR ${p.amount}</li>`).join('')}</ul>`),
    // Velvet always shows the licence row; the number is there only when the advertiser has one.
    row('f-licence', 'Vergunning', f.licence ? `Vergunningnummer ${e(f.licence)}` : 'Niet opgegeven'),
    row('f-posted', 'Geplaatst', f.posted),
  ].filter(Boolean).join('\n        ');
  return layout(f.title, `
    <table class="layout"><tr>
      <td class="photos">${f.images.map((id) => lazyImage(id, 480, 360)).join('<br>\n')}</td>
      <td class="main">
        <h1 class="naam-kop">${e(f.title)}</h1>
        <div class="description">${f.text.split('\n').map(e).join('<br>\n')}</div>
        <table class="facts">
        ${facts}
        </table>
        <p class="code">Advertentiecode: ${ad.ref}</p>
        <p><a href="/velvet/">« Terug naar alle dames</a></p>
      </td>
    </tr></table>`);
}

function lazyImage(id: string, width: number, height: number): string {
  return `<img loading="lazy" data-src="/img/${id}.jpg" src="/velvet/blank.gif" width="${width}" height="${height}" alt="">`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>${e(title)} – Velvet</title>
  <style>
    body{margin:0;font-family:Verdana,sans-serif;background:#1a0f1f;color:#f3e9f5}a{color:#e3a3ff}
    .top{background:#2d1836;padding:10px 20px;font-size:20px;letter-spacing:2px}
    .wrap{padding:20px}.layout td{vertical-align:top;padding:10px}.photos img{display:block;margin-bottom:10px;background:#2d1836}
    .facts th{text-align:left;padding:4px 14px 4px 0;color:#c9a6d6}.facts ul{margin:0;padding-left:18px}
    .roster td{padding:6px 10px;border-bottom:1px solid #3b2447}.gate{margin-top:15vh;max-width:520px;text-align:center}
    #enter{font-size:18px;padding:10px 24px;background:#a040c0;color:#fff;border:0;border-radius:4px;cursor:pointer}
  </style>
</head>
<body>
  <div class="top">VELVET</div>
  <div class="wrap">${body}</div>
  <script>
    // Pictures load only when they scroll into view, like on the real sites this imitates.
    var lazy = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        entry.target.src = entry.target.getAttribute('data-src');
        lazy.unobserve(entry.target);
      });
    }, { rootMargin: '100px' });
    document.querySelectorAll('img[data-src]').forEach(function (img) { lazy.observe(img); });
  </script>
</body>
</html>
`;
}
