// Entity pages through the API: a phone number, a picture and a template text, each with exactly the
// kept ads of the theme that carry it, their timeline, aliases, cities and movement; networks for
// the roles that see networks; a municipal theme shows only what its allow-list kept; and every bad
// request is refused with a clear error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileProfile } from '../analyse/compile-profile.ts';
import { loadConfig } from '../config/load.ts';
import { relinkTheme } from '../crawl/settle-run.ts';
import { keptAd, startTestRun } from '../store/store.fixtures.ts';
import { auditSince, justify, lastAuditSeq, openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';

interface Entity {
  ads: { id: string; versions: { version: number; capturedAt: string }[]; summary: { firstSeen: string } | null }[];
  aliases: { value: string; ads: number }[];
  cities: { value: string; ads: number }[];
  movement: { city: string; adId: string }[];
  networks?: { ad: string; size: number; reasons: string[] }[];
  truncated: boolean;
}

const PHONE = '+31633333333';
const PICTURE = '0123456789abcdef';

describe('entity pages', { timeout: 120_000 }, () => {
  let w: ApiWorld;
  let expert: Session;
  let analyst: Session;
  let supervisor: Session;
  let municipalAnalyst: Session;
  let moving: string;
  let other: string;
  let templated: string[];

  before(async () => {
    w = await openApiWorld();
    const signIn = async (name: string) => justify(w.app, await w.login(name));
    [expert, analyst, supervisor] = [await signIn('expert-mensenhandel'), await signIn('analyst-mensenhandel'), await signIn('supervisor-toezicht')];
    municipalAnalyst = await signIn('analyst-toezicht');
    // An ad that moves from Utrecht to Zwolle under another name, keeping its number and its photo;
    // another shows the number in its words only, and has the photo in its first version only.
    const first = await startTestRun(w.store);
    const url = 'https://ads.example/mensenhandel/reist';
    moving = (await w.store.saveAd(keptAd(first, {
      url, capturedAt: '2026-02-01T10:00:00.000Z', perceptualHashes: [PICTURE],
      fields: { title: 'Lisa', alias: 'Lisa', text: 'Nieuw hier', city: 'Utrecht', phones: [PHONE] },
    }))).adId;
    other = (await w.store.saveAd(keptAd(first, {
      url: 'https://ads.example/mensenhandel/woorden', capturedAt: '2026-02-02T10:00:00.000Z', perceptualHashes: [PICTURE, 'fedcba9876543210'],
      fields: { title: 'Mila', alias: 'Mila', text: 'bel nul zes drie drie drie drie drie drie drie drie', city: 'Utrecht' },
    }))).adId;
    const second = await startTestRun(w.store);
    await w.store.saveAd(keptAd(second, {
      url, capturedAt: '2026-02-10T10:00:00.000Z', perceptualHashes: [PICTURE],
      fields: { title: 'Sara', alias: 'Sara', text: 'Nieuw hier', city: 'Zwolle', phones: [PHONE] },
    }));
    await w.store.saveAd(keptAd(second, {
      url: 'https://ads.example/mensenhandel/woorden', capturedAt: '2026-02-11T10:00:00.000Z', perceptualHashes: [],
      fields: { title: 'Mila', alias: 'Mila', text: 'bel nul zes drie drie drie drie drie drie drie drie', city: 'Zwolle' },
    }));
    // Three ads of one template text, each with its own name and city filled in.
    templated = [];
    for (const [alias, city] of [['Anna', 'Breda'], ['Eva', 'Venlo'], ['Nina', 'Delft']] as const) {
      templated.push((await w.store.saveAd(keptAd(second, {
        url: `https://ads.example/mensenhandel/sjabloon-${alias}`,
        fields: { title: `${alias} in ${city}`, alias, city, text: `Hoi ik ben ${alias}, nieuw in ${city} en alleen deze week beschikbaar voor een ontspannen afspraak. `
          + 'Bel of app mij voor meer informatie over mijn diensten, prijzen en de tijden waarop ik je kan ontvangen in een rustige en discrete omgeving.' },
      }))).adId);
    }
    const config = loadConfig(w.configDir);
    await relinkTheme(w.store, 'mensenhandel', compileProfile(config.profiles.get('mensenhandel')!), w.clock.now);
  });
  after(() => w?.close());

  const get = (s: Session, url: string) => w.app.inject({ method: 'GET', url, headers: s.headers });

  it('lists every ad that ever showed the phone number, in its phones or in its words, with versions, aliases, cities and movement', async () => {
    const res = await get(expert, `/api/entities/phone/${encodeURIComponent(PHONE)}?theme=mensenhandel`);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as Entity;
    assert.deepEqual(page.ads.map((a) => a.id), [moving, other], 'first seen first');
    assert.deepEqual(page.ads[0]!.versions.map((v) => v.version), [1, 2]);
    assert.deepEqual(page.aliases.map((a) => a.value).sort(), ['Lisa', 'Mila', 'Sara']);
    assert.deepEqual(page.cities, [
      { value: 'Utrecht', ads: 2, firstSeen: '2026-02-01T10:00:00.000Z', lastSeen: '2026-02-02T10:00:00.000Z' },
      { value: 'Zwolle', ads: 2, firstSeen: '2026-02-10T10:00:00.000Z', lastSeen: '2026-02-11T10:00:00.000Z' },
    ]);
    assert.deepEqual(page.movement.map((m) => [m.city, m.adId]), [['Utrecht', moving], ['Zwolle', moving]]);
    assert.ok(Array.isArray(page.networks), 'an expert sees the networks');
    assert.equal(page.truncated, false);
  });

  it('lists the ads with a picture of exactly the hash, in any version, and none for an unknown hash', async () => {
    const page = (await get(analyst, `/api/entities/picture/${PICTURE}?theme=mensenhandel`)).json() as Entity;
    assert.deepEqual(page.ads.map((a) => a.id).sort(), [moving, other].sort());
    const none = (await get(analyst, '/api/entities/picture/0000000000000001?theme=mensenhandel')).json() as Entity;
    assert.deepEqual(none.ads, []);
  });

  it('lists the ads of an ad\'s template text, and only those', async () => {
    const page = (await get(expert, `/api/entities/template/${templated[1]}?theme=mensenhandel`)).json() as Entity;
    assert.deepEqual(page.ads.map((a) => a.id).sort(), [...templated].sort());
    assert.deepEqual(page.cities.map((c) => c.value).sort(), ['Breda', 'Delft', 'Venlo']);
    assert.ok(page.networks!.some((n) => n.reasons.includes('template-text') && n.size >= 3));
  });

  it('is audited like a search: which entity, which ads, and why', async () => {
    const seq = await lastAuditSeq(w.store);
    await get(expert, `/api/entities/phone/${encodeURIComponent(PHONE)}?theme=mensenhandel&justification=ZAAK-2026-16`);
    const [entry] = (await auditSince(w.store, seq)).map((e) => e.body);
    assert.deepEqual({ action: entry!['action'], themes: entry!['themes'], resources: entry!['resources'], query: entry!['query'], justification: entry!['justification'] }, {
      action: 'entities.read', themes: ['mensenhandel'], resources: [moving, other], query: { kind: 'phone', value: PHONE }, justification: 'ZAAK-2026-16',
    });
  });

  it('refuses a supervisor every entity page: it links ads to a person, as the network view does (finding 5)', async () => {
    for (const url of [`/api/entities/phone/${encodeURIComponent('+31611111111')}?theme=toezicht`, `/api/entities/picture/${PICTURE}?theme=toezicht`,
      `/api/entities/template/${w.ads.toezicht[0]}?theme=toezicht`, `/api/entities/phone/${encodeURIComponent(PHONE)}?theme=mensenhandel`]) {
      const res = await get(supervisor, url);
      assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
    }
  });

  it('shows in the municipal theme only what its allow-list kept: phone pages, no pictures, no template texts', async () => {
    const phone = await get(municipalAnalyst, `/api/entities/phone/${encodeURIComponent('+31611111111')}?theme=toezicht`);
    assert.equal(phone.statusCode, 200, phone.body);
    const page = phone.json() as Entity;
    assert.deepEqual(page.ads.map((a) => a.id).sort(), [w.ads.toezicht[0], w.ads.toezicht[1]].sort());
    assert.deepEqual(page.aliases, [], 'the municipal theme keeps no aliases');
    const picture = await get(municipalAnalyst, `/api/entities/picture/${PICTURE}?theme=toezicht`);
    assert.equal(picture.statusCode, 404);
    assert.match(picture.json().detail, /theme toezicht keeps no pictures/);
    const template = await get(municipalAnalyst, `/api/entities/template/${w.ads.toezicht[0]}?theme=toezicht`);
    assert.equal(template.statusCode, 404);
    assert.match(template.json().detail, /keeps no ad texts/);
  });

  it('refuses bad input with a clear error', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/entities/phone/0612345678?theme=mensenhandel', 400, /E\.164/],
      ['/api/entities/picture/XYZ?theme=mensenhandel', 400, /perceptual hash/],
      ['/api/entities/template/not-an-ad?theme=mensenhandel', 400, /ad id/],
      [`/api/entities/phone/${encodeURIComponent(PHONE)}`, 400, /theme/],
      [`/api/entities/phone/${encodeURIComponent(PHONE)}?theme=mensenhandel&extra=1`, 400, /extra/],
      [`/api/entities/phone/${encodeURIComponent(PHONE)}?theme=toezicht`, 404, /no theme "toezicht"/],
      ['/api/entities/template/000000000000000000000000?theme=mensenhandel', 404, /no ad/],
    ];
    for (const [url, status, detail] of cases) {
      const res = await get(expert, url);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.match(res.json().detail, detail, url);
    }
    const unjustified = await w.app.inject({ method: 'GET', url: `/api/entities/phone/${encodeURIComponent(PHONE)}?theme=mensenhandel`, headers: (await w.login('expert-mensenhandel')).headers });
    assert.equal(unjustified.json().code, 'JUSTIFICATION_REQUIRED');
  });
});
