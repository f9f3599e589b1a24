// `baken verify`: recomputes every hash, checks every signature and both hash chains (and the chains
// against their signed checkpoints, so a cut or re-chained log shows), and compares
// every stored row with what the signed manifests and the custody log say it must be. Any single
// changed byte in a blob, a row, a manifest or a log entry shows up as a named failure.
import type { LogEntry, LogName } from '../domain/hash-chain.ts';
import type { BlobStore, CaptureEvidence, Store } from '../store/store.ts';
import { custodyIndex, type CustodyIndex } from './custody-index.ts';
import { loadPublicKey, type PublicKey } from './signing-key.ts';
import { checkBlob, checkCapture } from './verify-capture.ts';
import { anchorProblems, readAnchors } from './verify-anchors.ts';
import { checkAd, checkChain, checkLoggedCaptures, checkRuns } from './verify-custody.ts';
import { Report, type VerifyReport } from './verify-report.ts';

export type { VerifyFailure, VerifyReport } from './verify-report.ts';

export async function verifyEvidence(deps: { store: Store; blobs: BlobStore; dataDir: string }, only?: { adId: string }): Promise<VerifyReport> {
  const report = new Report();
  const custody = await readLog(report, deps.store, 'custody');
  const audit = await readLog(report, deps.store, 'audit');
  checkChain(report, 'custody', custody);
  checkChain(report, 'audit', audit);
  const anchors = readAnchors(deps.dataDir);
  report.item('log checkpoints', anchors.problems);
  report.item('custody log against its checkpoints', anchorProblems('custody', custody, anchors));
  report.item('audit log against its checkpoints', anchorProblems('audit', audit, anchors));
  const index = custodyIndex(custody);
  const captures = await checkCaptures(report, deps, index, only);
  if (!only) await checkRuns(report, deps.store, index, captures);
  return report.done();
}

/** One ad's captures, as a reader of the ad may ask: their artefacts against their hashes, the
 *  signed manifests, and the custody log (its chain and checkpoints too). The audit log is the
 *  auditor's to verify, and is left out. */
export async function verifyAdEvidence(deps: { store: Store; blobs: BlobStore; dataDir: string }, adId: string):
  Promise<VerifyReport & { items: { what: string; ok: boolean }[] }> {
  const report = new Report();
  const custody = await readLog(report, deps.store, 'custody');
  checkChain(report, 'custody', custody);
  const anchors = readAnchors(deps.dataDir);
  report.item('custody log against its checkpoints', [...anchors.problems, ...anchorProblems('custody', custody, anchors)]);
  await checkCaptures(report, deps, custodyIndex(custody), { adId });
  return { ...report.done(), items: report.items };
}

async function checkCaptures(report: Report, deps: { store: Store; blobs: BlobStore; dataDir: string }, index: CustodyIndex, only: { adId: string } | undefined):
  Promise<CaptureEvidence[]> {
  const { captures, unreadable } = await readEvidence(report, deps.store, index, only);
  const key = captures.length > 0 ? publicKeyOr(report, deps.dataDir) : null;
  // A blob is checked once, however many captures share it (a re-posted photo); each capture that
  // uses a damaged one fails too, so a reader of any of those ads learns of it.
  const blobChecked = new Map<string, { sound: boolean; named: string[] }>();
  for (const c of captures) {
    for (const a of c.artefacts) {
      if (!blobChecked.has(a.sha256)) blobChecked.set(a.sha256, await checkBlob(report, deps.blobs, a.sha256, a.kind === 'warc'));
    }
    const named = c.artefacts.filter((a) => a.kind === 'warc').flatMap((a) => blobChecked.get(a.sha256)!.named);
    await checkCapture(report, deps.blobs, key, index, c, c.artefacts.filter((a) => !blobChecked.get(a.sha256)!.sound), named);
  }
  checkLoggedCaptures(report, index, captures, only, unreadable);
  const ads = new Map(captures.map((c) => [c.ad.id, c.ad]));
  for (const ad of ads.values()) {
    const mine = captures.filter((c) => c.ad.id === ad.id);
    report.item(`ad ${ad.id}`, checkAd(ad, mine, index, await deps.store.sightings(ad.id)));
  }
  return captures;
}

function publicKeyOr(report: Report, dataDir: string): PublicKey | null {
  try {
    return loadPublicKey(dataDir);
  } catch (e) {
    report.item('signing key', [(e as Error).message]);
    return null;
  }
}

// The store parses JSON columns as it reads them, so a changed byte there throws a SyntaxError. It
// becomes a failure, so verify still reports; its message is not kept, as it quotes the row (ad content).
async function unlessUnreadable<T>(read: () => Promise<T>): Promise<T | 'unreadable'> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof SyntaxError) return 'unreadable';
    throw e;
  }
}

/** On an unreadable entry, reads entry by entry to say where it is; the chain check then reports the gap. */
async function readLog(report: Report, store: Store, log: LogName): Promise<LogEntry[]> {
  const all = await unlessUnreadable(() => store.readLog(log));
  if (all !== 'unreadable') return all;
  const entries: LogEntry[] = [];
  for (let seq = 1; ;) {
    const one = await unlessUnreadable(() => store.readLog(log, { fromSeq: seq, limit: 1 }));
    if (one === 'unreadable') {
      report.item('store', [`${log} log: unreadable row at or after entry ${seq} (its body is not valid JSON)`]);
      seq++;
      continue;
    }
    const [entry] = one;
    if (!entry) return entries;
    entries.push(entry);
    seq = entry.seq + 1;
  }
}

/** On an unreadable row, reads ad by ad (the ads the custody log names) to say whose row it is and
 *  to verify the others; `unreadable` holds the ads that could not be read. */
async function readEvidence(report: Report, store: Store, index: CustodyIndex, only: { adId: string } | undefined):
  Promise<{ captures: CaptureEvidence[]; unreadable: Set<string> }> {
  const all = await unlessUnreadable(() => store.evidence(only?.adId));
  if (all !== 'unreadable') return { captures: all, unreadable: new Set() };
  const adIds = only ? [only.adId] : [...new Set([...index.captures.values()].map((c) => c.ad))];
  const captures: CaptureEvidence[] = [];
  const unreadable = new Set<string>();
  for (const id of adIds) {
    const mine = await unlessUnreadable(() => store.evidence(id));
    if (mine === 'unreadable') unreadable.add(id);
    else captures.push(...mine);
  }
  report.item('store', unreadable.size > 0
    ? [...unreadable].map((id) => `the captures of ad ${id}: unreadable row (a JSON column is not valid JSON)`)
    : ['captures: unreadable row (a JSON column is not valid JSON) of an ad the custody log does not record']);
  return { captures, unreadable };
}
