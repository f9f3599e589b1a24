// The minimisation gate at the moment it decides: an ad that cannot reach the threshold is never
// handed to the store at all. The crawl tests look at the data directory after the run, when staged
// ads are gone again; here a store that fails the test on `stage` or `saveAd` proves the early drop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileProfile } from '../analyse/compile-profile.ts';
import sharp from 'sharp';
import type { AdFields, HttpExchange } from '../domain/ad.ts';
import { extractorSchema, profileSchema } from '../config/schema.ts';
import { loadOrCreateSigningKey } from '../evidence/signing-key.ts';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import type { GateContext } from './gate-context.ts';
import { judge, keepOrDelete } from './keep-or-delete.ts';
import { PageFailure, type PageCapture } from '../capture/capture-page.ts';

const extractor = extractorSchema.parse({ id: 'x', fields: {
  title: { selector: 'h1' }, text: { selector: 'p' }, city: { selector: '.city' }, prices: { selector: 'table tr' },
  images: { selector: 'img', attr: 'src' },
} });
const lexicon = { id: 'always', label: 'a', description: 'd', kind: 'lexicon', weight: 2, terms: { nl: ['altijd beschikbaar'] } };
/** Threshold 2: an ad saying "altijd beschikbaar" reaches it on its own, any other cannot. */
const onItsOwn = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 2, indicators: [lexicon] }));
/** Threshold 3 with a shared phone worth 1: an ad with the lexicon hit may reach it with the run, any other cannot. */
const withTheRun = compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 3,
  indicators: [lexicon, { id: 'phone', label: 'a', description: 'd', kind: 'cross-ad', weight: 1, signal: 'shared-phone', minAds: 2 }],
}));

function page(url: string, text: string, extra = ''): PageCapture {
  const html = `<html><body><h1>Nieuw in de stad</h1><p>${text}</p>${extra}</body></html>`;
  return {
    meta: {
      requestedUrl: url, finalUrl: url, capturedAt: '2025-05-01T10:00:00.000Z', status: 200, headers: {}, serverIp: '127.0.0.1',
      tls: null, userAgent: 'test', softwareVersion: 'baken test', method: 'test',
    },
    html, screenshot: null, data: [], images: new Map(),
    document: {
      url, method: 'GET', requestHeaders: [], httpVersion: 'HTTP/1.1', status: 200, statusText: 'OK', responseHeaders: [],
      body: Buffer.from(html), serverIp: '127.0.0.1', at: '2025-05-01T10:00:00.000Z',
    },
  };
}

type Written = { staged: string[]; saved: string[] };

/** The gate of one run over a real SQLite store, whose `stage` and `saveAd` record what reached them;
 *  `forbidden` makes them fail the test instead. */
async function withGate(profile: GateContext['profile'], forbidden: boolean,
  body: (ctx: GateContext, written: Written) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'baken-gate-'));
  const real = await openSqliteStore(dataDir);
  const written: Written = { staged: [], saved: [] };
  const watched = {
    stage: async (ad: Parameters<Store['stage']>[0]) => {
      if (forbidden) assert.fail(`an ad the gate must drop was staged: ${ad.url}`);
      written.staged.push(ad.url);
      await real.stage(ad);
    },
    saveAd: async (ad: Parameters<Store['saveAd']>[0]) => {
      if (forbidden) assert.fail(`an ad the gate must drop was saved: ${ad.url}`);
      written.saved.push(ad.url);
      return real.saveAd(ad);
    },
  };
  // Every other call goes to the real store, bound to it (its state is private).
  const store = new Proxy(real, {
    get: (target, name, receiver) => {
      if (name === 'stage' || name === 'saveAd') return watched[name];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  try {
    const runId = await real.startRun({ theme: 't', source: 's', startedAt: '2025-05-01T09:00:00.000Z', softwareVersion: 'baken test' });
    await body({
      runId, theme: 't', source: 's', extractor, profile, store, blobs: createFileBlobStore(dataDir), key: loadOrCreateSigningKey(dataDir),
      policy: { fields: ['title', 'text'], html: true, images: false, screenshot: 'none' }, configHash: 'test',
      staging: { owner: 'test:1', windowMs: 3_600_000 }, now: () => new Date('2025-05-01T10:00:00.000Z'),
    }, written);
  } finally {
    await real.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const PICTURE = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c04080' } }).png().toBuffer();
const picture = (url: string): HttpExchange => ({
  url, method: 'GET', requestHeaders: [], httpVersion: 'HTTP/1.1', status: 200, statusText: 'OK',
  responseHeaders: [['content-type', 'image/png']], body: PICTURE, serverIp: '127.0.0.1', at: '2025-05-01T10:00:00.000Z',
});
/** An ad the run must judge, with two pictures on its page of which the browser fetched one. */
const withPictures = () => {
  const capture = page('https://ads.example/1', 'Altijd beschikbaar.', '<img src="/a.png"><img src="/b.png">');
  capture.images.set('https://ads.example/a.png', picture('https://ads.example/a.png'));
  return capture;
};
const runProfile = (...signals: Record<string, unknown>[]) => compileProfile(profileSchema.parse({
  id: 'p', theme: 't', threshold: 2 + signals.length,
  indicators: [lexicon, ...signals.map((s, i) => ({ id: `x${i}`, label: 'a', description: 'd', kind: 'cross-ad', weight: 1, ...s }))],
}));

describe('the pictures the gate hashes', () => {
  const stagedHashes = async (profile: GateContext['profile'], images: boolean): Promise<number | undefined> => {
    let hashes: number | undefined;
    await withGate(profile, false, async (ctx) => {
      assert.equal(await keepOrDelete({ ...ctx, policy: { ...ctx.policy, images } }, withPictures(), []), 'staged');
      const [staged] = await (ctx.store as Store).stagedFeatures(ctx.runId);
      hashes = staged?.features.imageHashes?.length;
    });
    return hashes;
  };

  it('hashes the fetched pictures of an ad where the profile compares pictures, by shared image or movement', async () => {
    assert.equal(await stagedHashes(runProfile({ signal: 'shared-image', minAds: 2 }), false), 1);
    assert.equal(await stagedHashes(runProfile({ signal: 'movement' }), false), 1);
    assert.equal(await stagedHashes(runProfile({ signal: 'shared-phone', minAds: 2 }, { signal: 'shared-image', minAds: 2 }), false), 1);
  });

  it('hashes them where the theme keeps pictures, though the profile compares none', async () => {
    assert.equal(await stagedHashes(runProfile({ signal: 'shared-phone', minAds: 2 }), true), 1);
  });

  it('hashes none where the profile compares no pictures and the theme keeps none', async () => {
    assert.equal(await stagedHashes(runProfile({ signal: 'shared-phone', minAds: 2 }), false), undefined);
  });
});

describe('the minimisation gate', () => {
  it('hands an ad that cannot reach the threshold on its own to no store call', async () => {
    await withGate(onItsOwn, true, async (ctx) => {
      assert.equal(await keepOrDelete(ctx, page('https://ads.example/1', 'Rustige massage op afspraak.'), []), 'deleted');
    });
  });

  it('hands an ad that cannot reach the threshold even with the whole run to no store call', async () => {
    await withGate(withTheRun, true, async (ctx) => {
      assert.equal(await keepOrDelete(ctx, page('https://ads.example/1', 'Rustige massage op afspraak.'), []), 'deleted');
    });
  });

  it('hands a page the extractor no longer understands to no store call, even where the profile keeps every ad', async () => {
    const keepsAll = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 0, indicators: [lexicon] }));
    await withGate(keepsAll, true, async (ctx) => {
      const changed = { ...page('https://ads.example/1', 'altijd beschikbaar'), html: '<html><body><div>altijd beschikbaar</div></body></html>' };
      const market: unknown[] = [];
      assert.equal(await keepOrDelete(ctx, changed, market as never), 'deleted');
      assert.deepEqual(market, [], 'an empty page adds nothing to the run\'s market');
    });
  });

  it('adds only the city and prices of every ad captured, dropped ones too, to the run\'s market', async () => {
    await withGate(onItsOwn, true, async (ctx) => {
      const market: AdFields[] = [];
      await keepOrDelete(ctx, page('https://ads.example/1', 'Rustige massage.', '<div class="city">Utrecht</div><table><tr><td>30 min</td><td>€ 100</td></tr></table>'), market);
      await keepOrDelete(ctx, page('https://ads.example/2', 'Rustige massage.'), market);
      assert.deepEqual(market, [{ city: 'Utrecht', prices: [{ amount: 100, currency: 'EUR', label: '30 min' }] }, {}]);
    });
  });

  it('saves an ad that reaches the threshold exactly, and stages none', async () => {
    await withGate(onItsOwn, false, async (ctx, written) => {
      assert.equal(await keepOrDelete(ctx, page('https://ads.example/1', 'Altijd beschikbaar.'), []), 'kept');
      assert.deepEqual(written, { staged: [], saved: ['https://ads.example/1'] });
    });
  });

  it('stages, and does not save, an ad that can only reach the threshold with the run', async () => {
    await withGate(withTheRun, false, async (ctx, written) => {
      assert.equal(await keepOrDelete(ctx, page('https://ads.example/1', 'Altijd beschikbaar.'), []), 'staged');
      assert.deepEqual(written, { staged: ['https://ads.example/1'], saved: [] });
      const runs = await (ctx.store as Store).stagingRuns();
      assert.deepEqual(runs.map((r) => [r.runId, r.ads, r.expiresAt]), [[ctx.runId, 1, '2025-05-01T11:00:00.000Z']],
        'staged for the theme\'s window, not longer');
    });
  });

  it('acts on the judgement the capture asked for before its screenshot, not on one of its own', async () => {
    await withGate(onItsOwn, true, async (ctx) => {
      const capture = page('https://ads.example/1', 'Altijd beschikbaar.');
      const dropped = { ...judge(ctx, capture.html, capture.meta.finalUrl), decision: 'delete' as const };
      assert.equal(await keepOrDelete(ctx, capture, [], dropped), 'deleted');
    });
  });

  it('fails, to be tried again, an ad it may keep whose capture holds no screenshot its theme asks for, and writes nothing', async () => {
    await withGate(onItsOwn, true, async (ctx) => {
      const png = { ...ctx, policy: { ...ctx.policy, screenshot: 'png' as const } };
      await assert.rejects(keepOrDelete(png, page('https://ads.example/1', 'Altijd beschikbaar.'), []),
        (e) => e instanceof PageFailure && e.retryable && e.message === 'the capture holds no screenshot of an ad the gate may keep');
    });
  });
});

describe('the judgement before the screenshot', () => {
  it('deletes a page the extractor no longer understands, even where the profile keeps every ad', async () => {
    const keepsAll = compileProfile(profileSchema.parse({ id: 'p', theme: 't', threshold: 0, indicators: [lexicon] }));
    await withGate(keepsAll, true, async (ctx) => {
      const judged = judge(ctx, '<html><body><div>altijd beschikbaar</div></body></html>', 'https://ads.example/1');
      assert.deepEqual([judged.extraction, judged.decision], ['empty', 'delete']);
      assert.equal(judge(ctx, page('https://ads.example/1', 'Rustige massage.').html, 'https://ads.example/1').decision, 'keep');
    });
  });

  it('keeps, stages or deletes as the gate decides from the ad on its own', async () => {
    await withGate(withTheRun, true, async (ctx) => {
      const html = (text: string) => page('https://ads.example/1', text).html;
      assert.equal(judge(ctx, html('Altijd beschikbaar.'), 'https://ads.example/1').decision, 'stage');
      assert.equal(judge(ctx, html('Rustige massage.'), 'https://ads.example/1').decision, 'delete');
      assert.deepEqual(judge(ctx, html('Altijd beschikbaar.'), 'https://ads.example/1').onItsOwn.hits.map((h) => h.id), ['always']);
    });
  });
});
