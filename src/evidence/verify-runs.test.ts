// verify against each column of a run and of an ad's sightings and gone mark that the custody log
// (or, for a run's start time and software version, the signed manifests of its captures) vouches
// for, changed one at a time in a copy of a sealed data directory: each change named exactly, on the
// run or ad it concerns, and nothing else.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { createFileBlobStore } from '../store/blobs.files.ts';
import { openSqliteStore } from '../store/sqlite/store.sqlite.ts';
import type { Store } from '../store/store.ts';
import { custodyIndex } from './custody-index.ts';
import { anchoredStore } from './log-anchor.ts';
import { sealedRun, type SealedAd } from './sealed-ad.fixtures.ts';
import { verifiedAfter, type Change } from './tamper.fixtures.ts';
import { verifyEvidence, type VerifyReport } from './verify.ts';
import { checkRuns } from './verify-custody.ts';
import { Report } from './verify-report.ts';

const THEME = 'mensenhandel';
const SOFTWARE = 'baken 0.1.0-test';
const URL = (n: number) => `https://ads.example/${n}`;

let base: string;
/** Run A: ads 1, 2 and 3, seen at 10:00, 11:00 and 10:30 on 1 March, finished at 11:00. */
let runA: string;
/** Run B: a second version of ad 2 (a phone number added), on 8 March. */
let runB: string;
/** Run C: a run of another theme that kept nothing, started and finished at the same instant. */
let runC: string;
/** Runs D and E: both see ad 2, unchanged, at the same instant on 15 March; D marks ads 1 and 3 gone at
 *  noon, and E sees ad 3 again after that, so only ad 1 stays gone. */
let runD: string;
let runE: string;
/** Run F: under way, of a theme only its capture names (no run of it is logged yet). */
let runF: string;
let ad1: SealedAd;
let ad2: SealedAd;
let ad3: SealedAd;
let clean: VerifyReport;

async function sightingRun(store: Store, startedAt: string, sightings: { url: string; seenAt: string }[], listed: string[] | null,
  finishedAt: string): Promise<string> {
  const runId = await store.startRun({ theme: THEME, source: 'demo-classic', startedAt, softwareVersion: SOFTWARE });
  for (const s of sightings) {
    const [latest] = (await store.evidence()).filter((c) => c.ad.url === s.url && c.captureId === c.ad.latestCaptureId);
    assert.ok(await store.sightIfUnchanged({ runId, theme: THEME, url: s.url, contentHash: latest!.contentHash, seenAt: s.seenAt }));
  }
  if (listed) await store.markGone(runId, THEME, 'demo-classic', listed, '2025-03-15T12:00:00.000Z');
  await store.finishRun(runId, { captured: sightings.length, kept: sightings.length, deleted: 0, failed: 1 }, finishedAt);
  return runId;
}

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'baken-verify-runs-'));
  const { store } = anchoredStore(await openSqliteStore(base), base);
  const blobs = createFileBlobStore(base);
  const deps = { blobs, dataDir: base };
  try {
    [ad1, ad2, ad3] = await sealedRun(store, THEME, [
      { url: URL(1), seenAt: '2025-03-01T10:00:00.000Z' },
      { url: URL(2), seenAt: '2025-03-01T11:00:00.000Z' },
      { url: URL(3), seenAt: '2025-03-01T10:30:00.000Z' },
    ], deps, { startedAt: '2025-03-01T09:00:00.000Z' }) as [SealedAd, SealedAd, SealedAd];
    await sealedRun(store, THEME, [{ url: URL(2), seenAt: '2025-03-08T11:00:00.000Z', page: '<html><body>changed</body></html>', phones: ['+31612345678'] }],
      deps, { startedAt: '2025-03-08T09:00:00.000Z' });
    await sealedRun(store, 'toezicht', [], deps, { startedAt: '2025-03-09T00:00:00.000Z' });
    runD = await sightingRun(store, '2025-03-15T09:00:00.000Z', [{ url: URL(2), seenAt: '2025-03-15T10:00:00.000Z' }], [URL(2)],
      '2025-03-15T12:00:00.000Z');
    runE = await sightingRun(store, '2025-03-15T09:30:00.000Z', [
      { url: URL(2), seenAt: '2025-03-15T10:00:00.000Z' }, { url: URL(3), seenAt: '2025-03-15T13:00:00.000Z' },
    ], null, '2025-03-15T13:00:00.000Z');
    await sealedRun(store, 'zorgfraude', [{ url: URL(4), seenAt: '2025-03-20T10:00:00.000Z' }], deps,
      { startedAt: '2025-03-20T09:00:00.000Z', unfinished: true });
    const started = new Map([...await store.runs(THEME), ...await store.runs('toezicht'), ...await store.runs('zorgfraude')]
      .map((r) => [r.startedAt, r.id]));
    [runA, runB, runC, runF] = ['2025-03-01T09:00:00.000Z', '2025-03-08T09:00:00.000Z', '2025-03-09T00:00:00.000Z', '2025-03-20T09:00:00.000Z']
      .map((at) => started.get(at)!) as [string, string, string, string];
    clean = await verifyEvidence({ store, blobs, dataDir: base });
    assert.deepEqual(clean.failures, [], 'the sealed directory is clean');
  } finally {
    await store.close();
  }
});
after(async () => { await rm(base, { recursive: true, force: true }); });

const reportAfter = (change: Change) => verifiedAfter(base, change, (deps) => verifyEvidence(deps));
async function failuresAfter(change: Change): Promise<[string, string][]> {
  return (await reportAfter(change)).failures.map((f) => [f.what, f.why]);
}
const onRun = (id: () => string, sql: string) => (db: DatabaseSync) => { db.prepare(`UPDATE runs SET ${sql} WHERE id = ?`).run(id()); };

describe('verify on a directory of several runs, sightings and a gone mark, untouched', () => {
  it('finds each logged run, and a run still under way, sound', async () => {
    await verifiedAfter(base, () => undefined, async ({ store }) => {
      const report = new Report();
      const index = custodyIndex(await store.readLog('custody'));
      await checkRuns(report, store, index, await store.evidence());
      assert.deepEqual(report.items, [runA, runB, runC, runD, runE].map((id) => ({ what: `run ${id}`, ok: true })));
    });
  });

  it('counts every item it checked as sound', () => {
    assert.equal(clean.ok, clean.checked);
    // 14 custody log entries (4 captures and versions, 4 sightings, 1 gone, 5 runs), no audit entry, the
    // checkpoint file and each log against it, 14 blobs (3 per capture; ad 2's screenshot is the same
    // in both its versions), 5 captures, 4 ads and the 5 finished runs.
    assert.equal(clean.checked, 14 + 3 + 14 + 5 + 4 + 5);
  });
});

describe('verify names each column of a run the custody log records', () => {
  for (const [column, sql, why] of [
    ['theme, changed to another logged theme', "theme = 'toezicht'", () => 'theme is toezicht in the store but mensenhandel in the custody log'],
    ['source', "source = 'demo-velvet'", () => 'source is demo-velvet in the store but demo-classic in the custody log'],
    ['source, removed', 'source = NULL', () => 'source is null in the store but demo-classic in the custody log'],
    ['finish time', "finished_at = '2025-03-01T11:00:00.001Z'",
      () => 'finish time is 2025-03-01T11:00:00.001Z in the store but 2025-03-01T11:00:00.000Z in the custody log'],
    ['abandoned mark', 'abandoned = 1', () => 'abandoned is true in the store but false in the custody log'],
    ['captured count', 'captured = captured + 1', () => 'counts differ from the custody log'],
    ['kept count', 'kept = kept - 1', () => 'counts differ from the custody log'],
    ['deleted count', 'deleted = deleted + 1', () => 'counts differ from the custody log'],
    ['failed count', 'failed = failed + 1', () => 'counts differ from the custody log'],
    ['software version', "software_version = 'baken 9.9.9'", () => 'software version differs from the signed manifests of its captures'],
    ['start time, after one of its captures but before its finish', "started_at = '2025-03-01T10:45:00.000Z'",
      () => 'start time is after its finish or after one of its captures'],
  ] as const) {
    it(`its ${column}`, async () => {
      assert.deepEqual(await failuresAfter(onRun(() => runA, sql)), [[`run ${runA}`, why()]]);
    });
  }

  it('the theme, changed to one no log entry or capture names: the run is then missing from its theme', async () => {
    assert.deepEqual(await failuresAfter(onRun(() => runA, "theme = 'elders'")), [
      [`run ${runA}`, `the custody log records run ${runA} of theme mensenhandel, but the store has no such run`],
    ]);
  });

  it('the start time of a run without captures, a moment after its finish', async () => {
    assert.deepEqual(await failuresAfter(onRun(() => runC, "started_at = '2025-03-09T00:00:00.001Z'")), [
      [`run ${runC}`, 'start time is after its finish or after one of its captures'],
    ]);
  });

  it('but not a start time at its first capture, nor one at its finish', async () => {
    assert.deepEqual(await failuresAfter(onRun(() => runA, "started_at = '2025-03-01T10:00:00.000Z'")), []);
    assert.deepEqual(await failuresAfter(onRun(() => runD, "started_at = '2025-03-15T12:00:00.000Z'")), []);
  });

  it('the software version of one of its captures, against the run\'s and the capture\'s signed manifest', async () => {
    const failures = await failuresAfter((db) => {
      db.prepare("UPDATE captures SET meta = json_set(meta, '$.softwareVersion', 'baken 9.9.9') WHERE id = ?").run(ad3.captureId);
    });
    assert.deepEqual(failures, [
      [`capture ${ad3.captureId}`, 'capture metadata differs from the signed manifest'],
      [`run ${runA}`, 'software version differs from the signed manifests of its captures'],
    ]);
  });

  it('a run row deleted', async () => {
    const report = await reportAfter((db) => { db.prepare('DELETE FROM runs WHERE id = ?').run(runA); });
    assert.deepEqual(report.failures.map((f) => [f.what, f.why]), [
      [`run ${runA}`, `the custody log records run ${runA} of theme mensenhandel, but the store has no such run`],
    ]);
    assert.deepEqual([report.checked, report.ok], [clean.checked, clean.checked - 1]);
  });

  it('a finished run the custody log does not record', async () => {
    const report = await reportAfter((db) => {
      db.exec(`INSERT INTO runs (id, theme, source, started_at, finished_at, software_version)
        VALUES ('forged-run', 'mensenhandel', 'demo-classic', '2025-04-01T09:00:00.000Z', '2025-04-01T10:00:00.000Z', '${SOFTWARE}')`);
    });
    assert.deepEqual(report.failures.map((f) => [f.what, f.why]), [['run forged-run', 'no custody log entry records this run']]);
    assert.deepEqual([report.checked, report.ok], [clean.checked + 1, clean.checked]);
  });

  it('a run under way finished by hand, of a theme that only its captures name', async () => {
    assert.deepEqual(await failuresAfter(onRun(() => runF, "finished_at = '2025-03-20T11:00:00.000Z'")), [
      [`run ${runF}`, 'no custody log entry records this run'],
    ]);
  });

  it('but not a run still under way that the custody log does not record', async () => {
    const report = await reportAfter((db) => {
      db.exec(`INSERT INTO runs (id, theme, source, started_at, software_version)
        VALUES ('open-run', 'mensenhandel', 'demo-classic', '2025-04-01T09:00:00.000Z', '${SOFTWARE}')`);
    });
    assert.deepEqual(report.failures, []);
    assert.deepEqual([report.checked, report.ok], [clean.checked, clean.checked]);
  });
});

describe('verify names each sighting and gone mark of an ad the custody log records', () => {
  it('a sighting moved to another run', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      db.prepare('UPDATE sightings SET run_id = ? WHERE ad_id = ?').run(runB, ad1.adId);
    }), [[`ad ${ad1.adId}`, `run of the sighting at 2025-03-01T10:00:00.000Z is ${runB} in the store but ${runA} in the custody log`]]);
  });

  it('a sighting removed', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      db.prepare('DELETE FROM sightings WHERE ad_id = ? AND run_id = ?').run(ad2.adId, runB);
    }), [[`ad ${ad2.adId}`, 'sightings (3) differ from the custody log (4)']]);
  });

  it('but not two sightings of one instant that the store lists in the other order than the custody log', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      const at = '2025-03-15T10:00:00.000Z';
      db.prepare('DELETE FROM sightings WHERE ad_id = ? AND seen_at = ?').run(ad2.adId, at);
      for (const run of [runD, runE].sort().reverse()) db.prepare('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES (?, ?, ?)').run(ad2.adId, run, at);
    }), []);
  });

  it('a gone mark cleared', async () => {
    assert.deepEqual(await failuresAfter((db) => { db.prepare('UPDATE ads SET gone_at = NULL WHERE id = ?').run(ad1.adId); }),
      [[`ad ${ad1.adId}`, 'gone mark differs from the custody log']]);
  });

  it('a gone mark set again on an ad seen after it was marked gone', async () => {
    assert.deepEqual(await failuresAfter((db) => {
      db.prepare("UPDATE ads SET gone_at = '2025-03-15T12:00:00.000Z' WHERE id = ?").run(ad3.adId);
    }), [[`ad ${ad3.adId}`, 'gone mark differs from the custody log']]);
  });

  it('a latest capture pointed at another ad\'s', async () => {
    assert.deepEqual(await failuresAfter((db) => { db.prepare('UPDATE ads SET latest_capture_id = ? WHERE id = ?').run(ad1.captureId, ad2.adId); }),
      [[`ad ${ad2.adId}`, 'latest capture is not its highest version']]);
  });

  it('an ad the custody log does not record: its sightings, and not its first and last seen', async () => {
    const failures = await failuresAfter((db) => {
      const at = '2025-04-01T10:00:00.000Z';
      db.prepare(`INSERT INTO ads (id, theme, source, url, first_seen, last_seen, latest_capture_id)
        VALUES ('unlogged-ad', 'mensenhandel', 'demo-classic', ?, ?, ?, 'unlogged-capture')`).run(URL(9), at, at);
      db.prepare(`INSERT INTO captures (id, ad_id, run_id, captured_at, version, content_hash, meta, fields, city_key, score, hits, manifest_sha256,
        signature, key_id, perceptual_hashes) SELECT 'unlogged-capture', 'unlogged-ad', run_id, ?, 1, content_hash, meta, fields, city_key, score,
        hits, manifest_sha256, signature, key_id, perceptual_hashes FROM captures WHERE id = ?`).run(at, ad1.captureId);
      db.prepare('INSERT INTO sightings (ad_id, run_id, seen_at) VALUES (?, ?, ?)').run('unlogged-ad', runA, at);
    });
    assert.deepEqual(failures.filter(([what]) => what === 'ad unlogged-ad'), [['ad unlogged-ad', 'sightings (1) differ from the custody log (0)']]);
    assert.ok(failures.some(([what, why]) => what === 'capture unlogged-capture' && why === 'no custody log entry records this capture'), JSON.stringify(failures));
  });
});
