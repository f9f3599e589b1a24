// verify against every column the signed manifest and the custody log vouch for, changed one at a
// time in a copy of a sealed data directory. Each change must be named, on the right capture or ad:
// a check that looks only at the length of a list, or forgets one column, lets one of these through.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import type { SealedAd } from './sealed-ad.fixtures.ts';
import { assertNamed as assertNamedAfter, failuresAfter as failuresAfterChange, sealedDirectory, type Change } from './tamper.fixtures.ts';

const THEME = 'mensenhandel';
const HIT: IndicatorHit = { id: 'always', weight: 2, evidence: [{ kind: 'span', field: 'text', start: 0, end: 6, text: 'altijd' }] };

let base: string;
let first: SealedAd;
let second: SealedAd;
/** The first capture of the ad captured twice, whose second capture is `second`. */
let earlier: SealedAd;
/** An ad with two photos: its artefacts are the page, the screenshot, the photos, a WARC naming them, and the manifest. */
let pictured: SealedAd;

before(async () => {
  const { dir, sealed } = await sealedDirectory(THEME, [
    [
      { url: 'https://ads.example/1', seenAt: '2025-03-01T10:00:00.000Z', pictures: ['0123456789abcdef'], hits: [HIT] },
      { url: 'https://ads.example/2', seenAt: '2025-03-01T11:00:00.000Z' },
    ],
    [{ url: 'https://ads.example/2', seenAt: '2025-03-08T11:00:00.000Z', page: '<html><body>changed</body></html>', phones: ['+31612345678'] }],
    [{ url: 'https://ads.example/3', seenAt: '2025-03-09T11:00:00.000Z', photos: [Buffer.alloc(2000, 1), Buffer.alloc(3000, 2)] }],
  ]);
  base = dir;
  [[first, earlier], [second], [pictured]] = sealed as [[SealedAd, SealedAd], [SealedAd], [SealedAd]];
});
after(async () => { await rm(base, { recursive: true, force: true }); });

const failuresAfter = (change: Change) => failuresAfterChange(base, change);
const assertNamed = (change: Change, what: string, why: RegExp) => assertNamedAfter(base, change, what, why);

const onCapture = (sql: string) => (db: DatabaseSync) => { db.prepare(`UPDATE captures SET ${sql} WHERE id = ?`).run(first.captureId); };
const onArtefact = (kind: string, sql: string) => (db: DatabaseSync) => {
  db.prepare(`UPDATE capture_artefacts SET ${sql} WHERE capture_id = ? AND kind = ?`).run(first.captureId, kind);
};

describe('verify names each column of a capture the signed manifest covers', () => {
  for (const [column, sql, why] of [
    ['capture time', "captured_at = '2025-03-01T10:00:01.000Z'", /^capture time differs from the signed manifest$/],
    ['metadata', "meta = json_set(meta, '$.status', 404)", /^capture metadata differs from the signed manifest$/],
    ['fields', "fields = json_set(fields, '$.title', 'Anders')", /^fields differs from the signed manifest$/],
    ['score', 'score = score + 1', /^score and indicator hits differs from the signed manifest$/],
    ['indicator hits', "hits = '[]'", /^score and indicator hits differs from the signed manifest$/],
    ['perceptual hashes', "perceptual_hashes = '[\"fedcba9876543210\"]'", /^perceptual hashes differs from the signed manifest$/],
    ['signature', "signature = 'AAAA' || substr(signature, 5)", /^manifest signature is not valid/],
    ['signing key id', "key_id = 'another-key'", /^manifest signature is not valid/],
    ['content hash', "content_hash = 'ff' || substr(content_hash, 3)", /^content hash does not match its fields and images$/],
  ] as const) {
    it(`its ${column}`, async () => { await assertNamed(onCapture(sql), `capture ${first.captureId}`, why); });
  }

  it('its manifest, pointed at the manifest of another capture', async () => {
    await assertNamed((db) => {
      db.prepare('UPDATE captures SET manifest_sha256 = (SELECT manifest_sha256 FROM captures WHERE id = ?) WHERE id = ?').run(second.captureId, first.captureId);
    }, `capture ${first.captureId}`, /^capture id differs from the signed manifest$/);
  });

  for (const [column, sql] of [['theme', "theme = 'toezicht'"], ['source', "source = 'demo-velvet'"], ['URL', "url = 'https://ads.example/9'"]] as const) {
    it(`its ad's ${column}`, async () => {
      await assertNamed((db) => { db.prepare(`UPDATE ads SET ${sql} WHERE id = ?`).run(first.adId); },
        `capture ${first.captureId}`, /^theme, source and URL differs from the signed manifest$/);
    });
  }
});

describe('verify names each artefact row the signed manifest lists', () => {
  for (const kind of ['html', 'screenshot'] as const) {
    const other = kind === 'html' ? 'screenshot' : 'html';
    for (const [change, sql] of [
      // The blob pointed at is intact, so only the comparison with the manifest can tell.
      [`pointed at the intact ${other} blob`, `sha256 = (SELECT sha256 FROM capture_artefacts a WHERE a.capture_id = capture_artefacts.capture_id AND a.kind = '${other}')`],
      ['pointed at the blob of another ad', `sha256 = (SELECT sha256 FROM capture_artefacts a WHERE a.capture_id = '${'SECOND'}' AND a.kind = '${kind}')`],
      ['with another type', "mime = 'application/octet-stream'"],
      ['with another size', 'bytes = bytes + 1'],
      ['with a URL', "url = 'https://ads.example/elsewhere.png'"],
    ] as const) {
      it(`a ${kind} row ${change}`, async () => {
        await assertNamed(onArtefact(kind, sql.replace('SECOND', second.captureId)), `capture ${first.captureId}`, /^artefact list differs from the signed manifest$/);
      });
    }
    it(`a ${kind} row removed`, async () => {
      await assertNamed((db) => { db.prepare('DELETE FROM capture_artefacts WHERE capture_id = ? AND kind = ?').run(first.captureId, kind); },
        `capture ${first.captureId}`, /^artefact list differs from the signed manifest$/);
    });
  }

  it('the html and screenshot rows swapped in order', async () => {
    await assertNamed((db) => {
      db.prepare("UPDATE capture_artefacts SET n = n + 10 WHERE capture_id = ?").run(first.captureId);
      db.prepare("UPDATE capture_artefacts SET n = CASE kind WHEN 'screenshot' THEN 0 WHEN 'html' THEN 1 ELSE 2 END WHERE capture_id = ?").run(first.captureId);
    }, `capture ${first.captureId}`, /^artefact list differs from the signed manifest$/);
  });

  it('a row added', async () => {
    await assertNamed((db) => {
      db.prepare(`INSERT INTO capture_artefacts (capture_id, n, kind, sha256, mime, bytes, url)
        SELECT capture_id, 9, 'image', sha256, 'image/png', bytes, 'https://ads.example/1.png' FROM capture_artefacts WHERE capture_id = ? AND kind = 'screenshot'`).run(first.captureId);
    }, `capture ${first.captureId}`, /^artefact list differs from the signed manifest$/);
  });

  it('the manifest row pointed at another blob', async () => {
    await assertNamed(onArtefact('manifest', "sha256 = (SELECT sha256 FROM capture_artefacts a WHERE a.capture_id = capture_artefacts.capture_id AND a.kind = 'html')"),
      `capture ${first.captureId}`, /^the manifest's artefact row does not describe the manifest/);
  });

  it('the manifest row removed', async () => {
    await assertNamed((db) => { db.prepare("DELETE FROM capture_artefacts WHERE capture_id = ? AND kind = 'manifest'").run(first.captureId); },
      `capture ${first.captureId}`, /^the manifest is not among its artefacts$/);
  });

  it('the manifest row moved before the others', async () => {
    await assertNamed((db) => {
      db.prepare("UPDATE capture_artefacts SET n = n + 10 WHERE capture_id = ?").run(first.captureId);
      db.prepare("UPDATE capture_artefacts SET n = CASE kind WHEN 'manifest' THEN 0 WHEN 'html' THEN 1 ELSE 2 END WHERE capture_id = ?").run(first.captureId);
    }, `capture ${first.captureId}`, /^the manifest's artefact row is not the last of its artefacts$/);
  });

  it('a blob whose bytes were replaced', async () => {
    await assertNamed(async (_db, dir) => {
      const [html] = first.blobs as [string];
      await writeFile(join(dir, 'blobs', html.slice(0, 2), html), '<html>forged</html>');
    }, `blob ${first.blobs[0]}`, /corrupt/);
  });
});

describe('verify names each column of an ad and a capture the custody log covers', () => {
  it('a capture moved to another ad, named against the custody log and the signed manifest', async () => {
    const failures = await failuresAfter(onCapture(`ad_id = '${second.adId}', version = 9`));
    const mine = failures.filter((f) => f.what === `capture ${first.captureId}`).map((f) => f.why);
    assert.ok(mine.includes(`ad is ${second.adId} in the store but ${first.adId} in the custody log`), JSON.stringify(mine));
    assert.ok(mine.includes('ad id differs from the signed manifest'), JSON.stringify(mine));
  });

  it('a capture moved to another run', async () => {
    await assertNamed((db) => {
      db.prepare('UPDATE captures SET run_id = (SELECT run_id FROM captures WHERE id = ?) WHERE id = ?').run(second.captureId, first.captureId);
    }, `capture ${first.captureId}`, /^run is \S+ in the store but \S+ in the custody log$/);
  });

  it('a capture\'s manifest pointed at another capture\'s, named against the custody log too', async () => {
    await assertNamed((db) => {
      db.prepare('UPDATE captures SET manifest_sha256 = (SELECT manifest_sha256 FROM captures WHERE id = ?) WHERE id = ?').run(second.captureId, first.captureId);
    }, `capture ${first.captureId}`, /^manifest is [0-9a-f]{64} in the store but [0-9a-f]{64} in the custody log$/);
  });

  it('a capture\'s manifest pointed at an intact blob that is no manifest', async () => {
    await assertNamed(onCapture("manifest_sha256 = (SELECT sha256 FROM capture_artefacts a WHERE a.capture_id = captures.id AND a.kind = 'html')"),
      `capture ${first.captureId}`, /^manifest is not valid JSON$/);
  });

  it('a capture\'s manifest blob removed', async () => {
    await assertNamed(async (db, dir) => {
      const { sha } = db.prepare('SELECT manifest_sha256 AS sha FROM captures WHERE id = ?').get(first.captureId) as { sha: string };
      await rm(join(dir, 'blobs', sha.slice(0, 2), sha));
    }, `capture ${first.captureId}`, /^manifest: /);
  });

  it('a capture the custody log never recorded', async () => {
    await assertNamed((db) => {
      db.prepare(`INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits, manifest_sha256)
        SELECT 'unrecorded', ad_id, run_id, captured_at, version + 7, content_hash, meta, fields, city_key, score, hits, manifest_sha256 FROM captures WHERE id = ?`).run(first.captureId);
    }, 'capture unrecorded', /^no custody log entry records this capture$/);
  });

  it('an ad renamed to an id its theme and URL do not give', async () => {
    const renamed = `${first.adId.slice(0, -4)}0000`;
    await assertNamed((db) => {
      for (const table of ['captures', 'sightings']) db.prepare(`UPDATE ${table} SET ad_id = ? WHERE ad_id = ?`).run(renamed, first.adId);
      db.prepare('UPDATE ads SET id = ? WHERE id = ?').run(renamed, first.adId);
    }, `capture ${first.captureId}`, /^ad id does not derive from its theme and URL$/);
  });

  it('a capture\'s version', async () => {
    await assertNamed(onCapture('version = version + 5'), `capture ${first.captureId}`, /^version is 6 in the store but 1 in the custody log$/);
  });

  it('an ad\'s first seen', async () => {
    await assertNamed((db) => { db.prepare("UPDATE ads SET first_seen = '2025-02-01T00:00:00.000Z' WHERE id = ?").run(first.adId); },
      `ad ${first.adId}`, /^first or last seen differ from the custody log$/);
  });

  // The purge reads last_seen: a later one moved back would keep an ad past its retention, an earlier one purge it too soon.
  for (const [direction, at] of [['later', '2025-09-01T00:00:00.000Z'], ['earlier', '2025-03-01T10:00:00.000Z']] as const) {
    it(`an ad's last seen moved ${direction}`, async () => {
      await assertNamed((db) => { db.prepare('UPDATE ads SET last_seen = ? WHERE id = ?').run(at, second.adId); },
        `ad ${second.adId}`, /^first or last seen differ from the custody log$/);
    });
  }

  it('an ad\'s gone mark', async () => {
    await assertNamed((db) => { db.prepare("UPDATE ads SET gone_at = '2025-04-01T00:00:00.000Z' WHERE id = ?").run(first.adId); },
      `ad ${first.adId}`, /^gone mark differs from the custody log$/);
  });

  it('an ad\'s latest capture set back to an earlier version', async () => {
    await assertNamed((db) => { db.prepare('UPDATE ads SET latest_capture_id = ? WHERE id = ?').run(earlier.captureId, second.adId); },
      `ad ${second.adId}`, /^latest capture is not its highest version$/);
  });

  it('a sighting\'s time', async () => {
    await assertNamed((db) => { db.prepare("UPDATE sightings SET seen_at = '2025-03-02T10:00:00.000Z' WHERE ad_id = ?").run(first.adId); },
      `ad ${first.adId}`, /^sightings \(1\) differ from the custody log \(1\)$/);
  });

  it('a sighting added', async () => {
    await assertNamed((db) => {
      db.prepare("INSERT INTO sightings (ad_id, run_id, seen_at) SELECT ad_id, run_id, '2025-03-02T10:00:00.000Z' FROM sightings WHERE ad_id = ?").run(first.adId);
    }, `ad ${first.adId}`, /^sightings \(2\) differ from the custody log \(1\)$/);
  });
});

describe('verify names a WARC that no longer matches the artefacts of its capture', () => {
  // blobs: html, screenshot, the two photos, the WARC, the manifest.
  const photo = () => pictured.blobs[2]!;
  const warc = () => pictured.blobs[4]!;

  it('a photo row removed: the WARC names a payload the capture no longer lists', async () => {
    const failures = await failuresAfter((db) => {
      db.prepare('DELETE FROM capture_artefacts WHERE capture_id = ? AND sha256 = ?').run(pictured.captureId, photo());
    });
    const mine = failures.filter((f) => f.what === `capture ${pictured.captureId}`).map((f) => f.why);
    assert.ok(mine.includes(`its WARC names payload ${photo()}, which is not among its artefacts`), JSON.stringify(mine));
  });

  it('the WARC blob removed: named damaged, and no payload named for it', async () => {
    const failures = await failuresAfter(async (_db, dir) => { await rm(join(dir, 'blobs', warc().slice(0, 2), warc())); });
    assert.deepEqual(failures.filter((f) => f.what === `capture ${pictured.captureId}`).map((f) => f.why), [`its warc ${warc()} is damaged or missing`]);
    assert.equal(failures.filter((f) => f.what === `blob ${warc()}`).length, 1, JSON.stringify(failures));
  });

  it('the page row relabelled as a WARC: its blob is read as one, and is none', async () => {
    const html = pictured.blobs[0]!;
    const failures = await failuresAfter((db) => {
      db.prepare("UPDATE capture_artefacts SET kind = 'warc' WHERE capture_id = ? AND kind = 'html'").run(pictured.captureId);
    });
    const blob = failures.filter((f) => f.what === `blob ${html}`);
    assert.ok(blob.length > 0 && blob.every((f) => f.why.startsWith('WARC: ')), JSON.stringify(failures));
  });
});
