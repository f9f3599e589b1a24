// `baken verify`: recomputes every hash, checks every signature and both hash chains, and compares
// every stored row with what the signed manifests and the custody log say it must be. Any single
// changed byte in a blob, a row, a manifest or a log entry shows up as a named failure.
import { canonicalJson } from '../domain/canonical-json.ts';
import { verifyChain, type LogEntry } from '../domain/hash-chain.ts';
import { adId, contentHashOf, imageHashes } from '../store/ad-keys.ts';
import type { BlobStore, CaptureEvidence, Store } from '../store/store.ts';
import { signatureValid, type CaptureManifest } from './manifest.ts';
import { loadPublicKey, type PublicKey } from './signing-key.ts';
import { checkWarc } from './warc-check.ts';
import { custodyIndex, type CustodyIndex } from './custody-index.ts';

export interface VerifyFailure { what: string; why: string }
export interface VerifyReport { checked: number; ok: number; failures: VerifyFailure[] }

export async function verifyEvidence(deps: { store: Store; blobs: BlobStore; dataDir: string }, only?: { adId: string }): Promise<VerifyReport> {
  const report = new Report();
  const custody = await deps.store.readLog('custody');
  checkChain(report, 'custody', custody);
  checkChain(report, 'audit', await deps.store.readLog('audit'));
  const index = custodyIndex(custody);
  const captures = await deps.store.evidence(only?.adId);
  const key = captures.length > 0 ? publicKeyOr(report, deps.dataDir) : null;
  const blobsSeen = new Set<string>();
  for (const c of captures) {
    await checkCapture(report, deps.blobs, key, index, c);
    for (const a of c.artefacts) {
      if (blobsSeen.has(a.sha256)) continue;
      blobsSeen.add(a.sha256);
      await checkBlob(report, deps.blobs, a.sha256, a.kind === 'warc');
    }
  }
  const ads = new Map(captures.map((c) => [c.ad.id, c.ad]));
  for (const ad of ads.values()) {
    const mine = captures.filter((c) => c.ad.id === ad.id);
    report.item(`ad ${ad.id}`, checkAd(ad, mine, index, await deps.store.sightings(ad.id)));
  }
  if (!only) await checkRuns(report, deps.store, index);
  return report.done();
}

class Report {
  checked = 0;
  ok = 0;
  failures: VerifyFailure[] = [];
  item(what: string, problems: string[]): void {
    this.checked++;
    if (problems.length === 0) this.ok++;
    for (const why of problems) this.failures.push({ what, why });
  }
  done(): VerifyReport { return { checked: this.checked, ok: this.ok, failures: this.failures }; }
}

function checkChain(report: Report, log: string, entries: LogEntry[]): void {
  const { breaks } = verifyChain(entries);
  const bySeq = new Map<number, string[]>();
  for (const b of breaks) bySeq.set(b.seq, [...bySeq.get(b.seq) ?? [], b.why]);
  for (const e of entries) report.item(`${log} log entry ${e.seq}`, bySeq.get(e.seq) ?? []);
}

function publicKeyOr(report: Report, dataDir: string): PublicKey | null {
  try {
    return loadPublicKey(dataDir);
  } catch (e) {
    report.item('signing key', [(e as Error).message]);
    return null;
  }
}

async function checkBlob(report: Report, blobs: BlobStore, sha: string, isWarc: boolean): Promise<void> {
  try {
    const bytes = await blobs.get(sha);
    report.item(`blob ${sha}`, isWarc ? (await checkWarc(bytes)).problems.map((p) => `WARC: ${p}`) : []);
  } catch (e) {
    report.item(`blob ${sha}`, [(e as Error).message]);
  }
}

async function checkCapture(report: Report, blobs: BlobStore, key: PublicKey | null, index: CustodyIndex, c: CaptureEvidence) {
  const problems: string[] = [];
  const differs = (what: string, a: unknown, b: unknown) => {
    if (canonicalJson(a) !== canonicalJson(b)) problems.push(`${what} differs from the signed manifest`);
  };
  let bytes: Buffer | null = null;
  try { bytes = await blobs.get(c.manifest.sha256); } catch (e) { problems.push(`manifest: ${(e as Error).message}`); }
  if (bytes) {
    if (!key || !signatureValid(bytes, c.manifest.signature, key.publicKey) || key.keyId !== c.manifest.keyId) {
      problems.push('manifest signature is not valid for this installation\'s public key');
    }
    const m = JSON.parse(bytes.toString('utf8')) as CaptureManifest;
    differs('capture id', m.capture, c.captureId);
    differs('ad id', m.ad, c.ad.id);
    differs('theme, source and URL', [m.theme, m.source, m.url], [c.ad.theme, c.ad.source, c.ad.url]);
    differs('capture time', m.capturedAt, c.capturedAt);
    differs('capture metadata', m.meta, c.meta);
    differs('fields', m.fields, c.fields);
    differs('score and indicator hits', m.assessment, { score: c.score, hits: c.hits });
    differs('artefact list', m.artefacts, c.artefacts.filter((a) => a.kind !== 'manifest'));
  }
  if (!c.artefacts.some((a) => a.kind === 'manifest' && a.sha256 === c.manifest.sha256)) problems.push('the manifest is not among its artefacts');
  if (c.ad.id !== adId(c.ad.theme, c.ad.url)) problems.push('ad id does not derive from its theme and URL');
  if (c.contentHash !== contentHashOf(c.fields, imageHashes(c.artefacts))) problems.push('content hash does not match its fields and images');
  const entry = index.captures.get(c.captureId);
  if (!entry) problems.push('no custody log entry records this capture');
  else if (entry.version !== c.version || entry.manifest !== c.manifest.sha256 || entry.ad !== c.ad.id) {
    problems.push('version, manifest or ad differ from the custody log entry');
  }
  report.item(`capture ${c.captureId}`, problems);
}

function checkAd(ad: CaptureEvidence['ad'], captures: CaptureEvidence[], index: CustodyIndex,
  sightings: { runId: string; seenAt: string }[]): string[] {
  const problems: string[] = [];
  const latest = captures.reduce((a, b) => (b.version > a.version ? b : a));
  if (ad.latestCaptureId !== latest.captureId) problems.push('latest capture is not its highest version');
  const seen = index.seen.get(ad.id) ?? [];
  if (canonicalJson(sightings.map((s) => s.seenAt)) !== canonicalJson(seen)) {
    problems.push(`sightings (${sightings.length}) differ from the custody log (${seen.length})`);
  }
  if (seen.length > 0 && (ad.firstSeen !== seen[0] || ad.lastSeen !== seen.at(-1))) problems.push('first or last seen differ from the custody log');
  const gone = index.gone.get(ad.id);
  const expectedGone = gone && gone > (seen.at(-1) ?? '') ? gone : null;
  if (ad.goneAt !== expectedGone) problems.push('gone mark differs from the custody log');
  return problems;
}

async function checkRuns(report: Report, store: Store, index: CustodyIndex): Promise<void> {
  for (const theme of index.themes) {
    for (const run of await store.runs(theme)) {
      if (run.finishedAt === null) continue;
      const logged = index.runs.get(run.id);
      const counts = { captured: run.captured, kept: run.kept, deleted: run.deleted, failed: run.failed };
      report.item(`run ${run.id}`, !logged ? ['no custody log entry records this run']
        : canonicalJson(logged) !== canonicalJson(counts) ? ['counts differ from the custody log'] : []);
    }
  }
}
