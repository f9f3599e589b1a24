// What verify checks, and what it reports when it cannot read something: `--ad` (one ad's captures
// and the custody log, neither the other ads nor the runs nor the audit log), rows and log entries
// that are no longer valid JSON, and a public key that is missing or replaced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { SealedAd } from './sealed-ad.fixtures.ts';
import { sealedDirectory, verifiedAfter, withoutGuards, type Change } from './tamper.fixtures.ts';
import { verifyAdEvidence, verifyEvidence } from './verify.ts';

const THEME = 'mensenhandel';
const PUBLIC_KEY = join('keys', 'ed25519-public.pem');
const SIGNATURE = 'manifest signature is not valid for this installation\'s public key';

let base: string;
let ad1: SealedAd;
/** Ad 2's first capture; `second` is its second. */
let earlier: SealedAd;
let second: SealedAd;
/** The whats of the custody log's entries, in order. */
let entries: string[];

before(async () => {
  const { dir, sealed } = await sealedDirectory(THEME, [
    [
      { url: 'https://ads.example/1', seenAt: '2025-03-01T10:00:00.000Z' },
      { url: 'https://ads.example/2', seenAt: '2025-03-01T11:00:00.000Z' },
    ],
    [{ url: 'https://ads.example/2', seenAt: '2025-03-08T11:00:00.000Z', phones: ['+31612345678'] }],
  ], async (store) => {
    await store.appendLog('audit', { action: 'login', user: 'auditor' }, '2025-03-09T09:00:00.000Z');
    entries = (await store.readLog('custody')).map((e) => `custody log entry ${e.seq}`);
  });
  base = dir;
  [[ad1, earlier], [second]] = sealed as [[SealedAd, SealedAd], [SealedAd]];
  assert.equal(entries.length, 5, 'two captures, a run, a version and a run');
});
after(async () => { await rm(base, { recursive: true, force: true }); });

const pairs = (failures: { what: string; why: string }[]) => failures.map((f): [string, string] => [f.what, f.why]);
const failuresAfter = async (change: Change, only?: { adId: string }) =>
  pairs((await verifiedAfter(base, change, (deps) => verifyEvidence(deps, only))).failures);
const adReportAfter = (change: Change, adId: string) => verifiedAfter(base, change, (deps) => verifyAdEvidence(deps, adId));
const untouched: Change = () => undefined;
/** Removes every row of the ad's capture that verify reads, as someone hiding it would. */
const deleteCapture = (db: DatabaseSync, captureId: string) => {
  db.prepare('DELETE FROM capture_artefacts WHERE capture_id = ?').run(captureId);
  db.prepare('DELETE FROM captures WHERE id = ?').run(captureId);
};
const deleteAd = (db: DatabaseSync, adId: string) => {
  for (const { id } of db.prepare('SELECT id FROM captures WHERE ad_id = ?').all(adId) as { id: string }[]) deleteCapture(db, id);
  db.prepare('DELETE FROM sightings WHERE ad_id = ?').run(adId);
  db.prepare('DELETE FROM ads WHERE id = ?').run(adId);
};
const missingCapture = (c: SealedAd) => [`capture ${c.captureId}`, `the custody log records capture ${c.captureId} of ad ${c.adId}, but the store has no such capture`];
const unreadable = (adId: string) => ['store', `the captures of ad ${adId}: unreadable row (a JSON column is not valid JSON)`];
const breakMeta = (captureId: string) => (db: DatabaseSync) => {
  withoutGuards(db);
  db.prepare("UPDATE captures SET meta = '{broken' WHERE id = ?").run(captureId);
};
const changeScore = (db: DatabaseSync) => { db.prepare('UPDATE captures SET score = score + 1 WHERE id = ?').run(second.captureId); };

describe('verify of one ad', () => {
  it('checks the custody log, its checkpoints, and each of the ad\'s blobs and captures, and the ad, in that order', async () => {
    const report = await adReportAfter(untouched, second.adId);
    const [html1, shot, manifest1] = earlier.blobs as [string, string, string];
    // Its second capture differs in its fields only: its page and screenshot are the first's blobs, checked once.
    const [, , manifest2] = second.blobs as [string, string, string];
    assert.deepEqual(report.items, [
      ...entries, 'custody log against its checkpoints',
      `blob ${html1}`, `blob ${shot}`, `blob ${manifest1}`, `capture ${earlier.captureId}`,
      `blob ${manifest2}`, `capture ${second.captureId}`,
      `ad ${second.adId}`,
    ].map((what) => ({ what, ok: true })));
    assert.deepEqual([report.checked, report.ok, report.failures], [report.items.length, report.items.length, []]);
  });

  it('does not check the audit log, which verify of everything does', async () => {
    const tamperAudit: Change = (db) => {
      withoutGuards(db);
      db.exec("UPDATE log_entries SET body = json_set(body, '$.user', 'someone else') WHERE log = 'audit'");
    };
    const report = await adReportAfter(tamperAudit, ad1.adId);
    assert.deepEqual(report.failures, []);
    assert.ok(!report.items.some((i) => i.what.startsWith('audit')), JSON.stringify(report.items));
    assert.deepEqual(await failuresAfter(tamperAudit), [['audit log entry 1', 'its content does not match its hash (changed after writing)']]);
  });

  it('does not check the runs, which verify of everything does', async () => {
    const change: Change = (db) => { db.exec('UPDATE runs SET kept = kept + 1'); };
    assert.deepEqual(await failuresAfter(change, { adId: ad1.adId }), []);
    assert.ok(!(await adReportAfter(change, ad1.adId)).items.some((i) => i.what.startsWith('run ')));
    assert.equal((await failuresAfter(change)).filter(([what, why]) => what.startsWith('run ') && why === 'counts differ from the custody log').length, 2);
  });
});

describe('verify expects from the custody log, with --ad, only the chosen ad\'s captures', () => {
  it('names a missing capture of the chosen ad', async () => {
    const change: Change = (db) => deleteCapture(db, earlier.captureId);
    assert.deepEqual(await failuresAfter(change, { adId: earlier.adId }), [missingCapture(earlier)]);
    assert.deepEqual(pairs((await adReportAfter(change, earlier.adId)).failures), [missingCapture(earlier)]);
    assert.deepEqual(await failuresAfter(change), [missingCapture(earlier)]);
  });

  it('but not one of another ad', async () => {
    const change: Change = (db) => deleteCapture(db, earlier.captureId);
    assert.deepEqual(await failuresAfter(change, { adId: ad1.adId }), []);
    assert.deepEqual((await adReportAfter(change, ad1.adId)).failures, []);
  });

  it('names an ad deleted whole, with its capture, only when it is the chosen ad or none is', async () => {
    const change: Change = (db) => deleteAd(db, ad1.adId);
    const named = [missingCapture(ad1), [`ad ${ad1.adId}`, `the custody log records ad ${ad1.adId}, but the store holds no capture of it`]];
    assert.deepEqual(await failuresAfter(change, { adId: ad1.adId }), named);
    assert.deepEqual(await failuresAfter(change), named);
    assert.deepEqual(await failuresAfter(change, { adId: second.adId }), []);
  });
});

describe('verify reports a row that is no longer valid JSON once, and verifies the rest', () => {
  it('names the ad whose capture row is unreadable, not its captures as missing, and still finds a change in another ad', async () => {
    const change: Change = (db) => { breakMeta(ad1.captureId)(db); changeScore(db); };
    assert.deepEqual(await failuresAfter(change), [
      unreadable(ad1.adId),
      [`capture ${second.captureId}`, 'score and indicator hits differs from the signed manifest'],
    ]);
  });

  it('with --ad, reads only the chosen ad', async () => {
    const change: Change = (db) => { breakMeta(ad1.captureId)(db); changeScore(db); };
    const report = await adReportAfter(change, ad1.adId);
    assert.deepEqual(pairs(report.failures), [unreadable(ad1.adId)]);
    assert.deepEqual(report.items.slice(entries.length), [
      { what: 'custody log against its checkpoints', ok: true }, { what: 'store', ok: false },
    ]);
    assert.deepEqual(await failuresAfter(breakMeta(ad1.captureId), { adId: second.adId }), []);
  });

  it('says so when the unreadable row is of an ad the custody log does not record', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      withoutGuards(db);
      db.exec(`INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id)
        SELECT 'unlogged-ad', theme, source, 'https://ads.example/9', first_seen, last_seen, 'unlogged-capture' FROM ads WHERE id = '${ad1.adId}'`);
      db.exec(`INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits, manifest_sha256,
        signature, key_id, perceptual_hashes) SELECT 'unlogged-capture', 'unlogged-ad', run_id, captured_at, 1, content_hash, '{broken', fields,
        city_key, score, hits, manifest_sha256, signature, key_id, perceptual_hashes FROM captures WHERE id = '${ad1.captureId}'`);
    }), [['store', 'captures: unreadable row (a JSON column is not valid JSON) of an ad the custody log does not record']]);
  });

  it('names an unreadable custody log entry, and the gap it leaves in the chain and in what the log records', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      withoutGuards(db);
      db.exec("UPDATE log_entries SET body = '{broken' WHERE log = 'custody' AND seq = 4");
    }), [
      ['store', 'custody log: unreadable row at or after entry 4 (its body is not valid JSON)'],
      ['custody log entry 5', 'expected entry 4, found 5 (entries missing or reordered)'],
      ['custody log entry 5', 'does not point at the hash of the entry before it'],
      [`capture ${second.captureId}`, 'no custody log entry records this capture'],
      [`ad ${second.adId}`, 'sightings (2) differ from the custody log (1)'],
      [`ad ${second.adId}`, 'first or last seen differ from the custody log'],
    ]);
  });

  it('names an unreadable last entry of either log', async () => {
    const failures = await failuresAfter((db) => {
      withoutGuards(db);
      db.exec("UPDATE log_entries SET body = '{broken' WHERE seq = (SELECT max(seq) FROM log_entries l WHERE l.log = log_entries.log)");
    });
    const run = failures.find(([what]) => what.startsWith('run '))?.[0];
    assert.deepEqual(failures.map(([what, why]) => [what, why.replace(/checkpoint of \S+ /, 'checkpoint of T ')]), [
      ['store', 'custody log: unreadable row at or after entry 5 (its body is not valid JSON)'],
      ['store', 'audit log: unreadable row at or after entry 1 (its body is not valid JSON)'],
      ['custody log against its checkpoints', 'custody log: entries after #4 are missing (the signed checkpoint of T records 5)'],
      ['audit log against its checkpoints', 'audit log: entries after #0 are missing (the signed checkpoint of T records 1)'],
      [run, 'no custody log entry records this run'],
    ]);
  });
});

describe('verify without the installation\'s public key', () => {
  it('names the missing key once, and each capture whose signature it then cannot check', async () => {
    let file = '';
    const failures = await failuresAfter(async (_db, dir) => {
      file = join(dir, PUBLIC_KEY);
      await rm(file);
    });
    const unreadableKey = `${file} cannot be read: no signatures can be checked`;
    const checkpoints = join('anchors', 'checkpoints.jsonl');
    assert.deepEqual(failures, [
      ['log checkpoints', `${checkpoints} cannot be checked: ${unreadableKey}`],
      ['custody log against its checkpoints',
        `custody log: no signed checkpoint anchors its 5 entries (${checkpoints} cannot be checked): a cut or rewritten log cannot be told from an intact one`],
      ['audit log against its checkpoints',
        `audit log: no signed checkpoint anchors its 1 entries (${checkpoints} cannot be checked): a cut or rewritten log cannot be told from an intact one`],
      ['signing key', unreadableKey],
      [`capture ${ad1.captureId}`, SIGNATURE],
      [`capture ${earlier.captureId}`, SIGNATURE],
      [`capture ${second.captureId}`, SIGNATURE],
    ]);
  });

  it('names a key file that holds no key', async () => {
    const failures = await failuresAfter(async (_db, dir) => { await writeFile(join(dir, PUBLIC_KEY), 'not a key'); });
    const error = (() => { try { createPublicKey('not a key'); } catch (e) { return (e as Error).message; } return ''; })();
    assert.deepEqual(failures.filter(([what]) => what === 'signing key' || what.startsWith('capture ')), [
      ['signing key', error],
      [`capture ${ad1.captureId}`, SIGNATURE], [`capture ${earlier.captureId}`, SIGNATURE], [`capture ${second.captureId}`, SIGNATURE],
    ]);
  });

  it('names each signature when the key was replaced by another', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    const failures = await failuresAfter(async (_db, dir) => { await writeFile(join(dir, PUBLIC_KEY), other); });
    assert.ok(!failures.some(([what]) => what === 'signing key'), JSON.stringify(failures));
    assert.deepEqual(failures.filter(([what]) => what.startsWith('capture ')), [
      [`capture ${ad1.captureId}`, SIGNATURE], [`capture ${earlier.captureId}`, SIGNATURE], [`capture ${second.captureId}`, SIGNATURE],
    ]);
  });

  it('does not need the key for an ad without captures, but for the checkpoints of the custody log', async () => {
    const report = await adReportAfter(async (_db, dir) => { await rm(join(dir, PUBLIC_KEY)); }, 'no-such-ad');
    assert.deepEqual(report.items, [...entries.map((what) => ({ what, ok: true })), { what: 'custody log against its checkpoints', ok: false }]);
    assert.deepEqual(report.failures.map((f) => f.why.replace(/: .*cannot be read/, ': K cannot be read')), [
      `${join('anchors', 'checkpoints.jsonl')} cannot be checked: K cannot be read: no signatures can be checked`,
      `custody log: no signed checkpoint anchors its 5 entries (${join('anchors', 'checkpoints.jsonl')} cannot be checked): a cut or rewritten log cannot be told from an intact one`,
    ]);
  });
});

describe('verify, on what is not a row that is no longer valid JSON', () => {
  it('checks a new data directory, without key or checkpoints, and finds nothing wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baken-verify-empty-'));
    const store = await openSqliteStore(dir);
    try {
      assert.deepEqual(await verifyEvidence({ store, blobs: createFileBlobStore(dir), dataDir: dir }), { checked: 3, ok: 3, failures: [] });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails on a store it cannot query, rather than report its rows as unreadable', async () => {
    for (const sql of ['ALTER TABLE captures RENAME COLUMN meta TO meta_renamed', 'ALTER TABLE log_entries RENAME COLUMN body TO body_renamed']) {
      await assert.rejects(verifiedAfter(base, (db) => { db.exec(sql); }, (deps) => verifyEvidence(deps)), /no such column/, sql);
    }
  });

  it('takes an ad\'s latest capture to be its highest version, not its last captured', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      db.prepare("UPDATE captures SET captured_at = '2025-03-09T00:00:00.000Z' WHERE id = ?").run(earlier.captureId);
    }), [[`capture ${earlier.captureId}`, 'capture time differs from the signed manifest']]);
  });
});
