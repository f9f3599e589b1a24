// Test fixtures for end-to-end runs: the demo platforms on a free port, a copy of the bundled
// configuration pointing at them, and a fresh data directory — all removed afterwards.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../demo/server.ts';
import type { Truth } from '../demo/truth.ts';
import type { PhotoMode } from '../demo/photo-heavy.ts';
import type { Platform, WorldSize } from '../demo/world.ts';
import { analyseBatch } from '../src/analyse/analyse-batch.ts';
import { assess } from '../src/analyse/assess.ts';
import { compileProfile } from '../src/analyse/compile-profile.ts';
import { perceptualHashes } from '../src/analyse/image-hash.ts';
import { analysisContext } from '../src/analyse/price-context.ts';
import { gateDecision } from '../src/analyse/staging.ts';
import { loadConfig } from '../src/config/load.ts';
import { adId } from '../src/domain/ad-keys.ts';
import type { AnalysisInput } from '../src/domain/analysis-input.ts';

export type { Truth, TruthAd } from '../demo/truth.ts';

export const BUNDLED_CONFIG = new URL('../config', import.meta.url).pathname;
export const BAKEN_BIN = new URL('../bin/baken.ts', import.meta.url).pathname;

export interface DemoEnv {
  url: string;
  configDir: string;
  dataDir: string;
  setDay(n: number): void;
  /** Rosebud's ad pages with every class renamed (demo/restyle.ts), or back as they were. */
  setRestyled(on: boolean): void;
  /** Requests that reached the other site the off-site hostile ads send the browser to. */
  offsiteVisits(): number;
  truth(): Promise<Truth>;
  close(): Promise<void>;
}


/** `edit` may change the copied configuration files (e.g. shorter time-outs for hostile tests). */
export async function startDemoEnv(opts: {
  day?: number; hostile?: boolean; consent?: boolean; size?: WorldSize; photos?: PhotoMode; edit?: (configDir: string) => void;
} = {}): Promise<DemoEnv> {
  const server = await startDemoServer({
    port: 0, day: opts.day ?? 0, hostile: opts.hostile ?? false, consent: opts.consent ?? false, size: opts.size ?? 'default',
    photos: opts.photos ?? 'light',
  });
  const root = mkdtempSync(join(tmpdir(), 'baken-e2e-'));
  const configDir = join(root, 'config');
  const dataDir = join(root, 'data');
  cpSync(BUNDLED_CONFIG, configDir, { recursive: true });
  const sources = join(configDir, 'sources');
  for (const f of readdirSync(sources)) {
    const file = join(sources, f);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('http://127.0.0.1:4100', server.url));
  }
  opts.edit?.(configDir);
  return {
    url: server.url, configDir, dataDir,
    setDay: (n) => server.setDay(n),
    setRestyled: (on) => server.setRestyled(on),
    offsiteVisits: () => server.offsiteVisits(),
    truth: async () => (await fetch(`${server.url}/_truth.json`)).json() as Promise<Truth>,
    close: async () => { await server.close(); rmSync(root, { recursive: true, force: true }); },
  };
}

export interface ExpectedCrawl {
  /** Truth ids of the ads the crawl should keep. */
  ids: Set<string>;
  /** Per kept ad (truth id): the ids of the indicators that hit it. */
  hits: Map<string, string[]>;
  /** What those ads give the analysis, for the `known` of a later crawl. */
  kept: AnalysisInput[];
}

/**
 * The ads a crawl of `platforms` keeps, worked out with the real engine and the environment's own
 * profile on the truth's fields, judged as the crawler judges them: the gate on each ad alone, then
 * the staged ads together against `known` (ads kept by earlier crawls) and the run's market. The
 * demo plants cues without knowing the profile, so a pipeline test compares the crawl with this,
 * not with the planted cues; how well the profile finds the cues is bench/precision.ts's figure.
 */
export async function expectedKept(env: DemoEnv, truth: Truth, opts: { theme?: string; platforms?: Platform[]; known?: AnalysisInput[] } = {}): Promise<ExpectedCrawl> {
  const theme = opts.theme ?? 'mensenhandel';
  const config = loadConfig(env.configDir);
  const profile = compileProfile(config.profiles.get(config.themes.get(theme)!.profile)!);
  const known = opts.known ?? [];
  const ads = truth.ads.filter((a) => !opts.platforms || opts.platforms.includes(a.platform));
  const seen = new Date().toISOString();
  const market = ads.map(({ fields: { city, prices } }) => ({ city, prices }));
  const idOf = new Map(ads.map((a) => [adId(theme, a.url), a.id]));
  const hits = new Map<string, string[]>();
  const kept: AnalysisInput[] = [];
  const staged: AnalysisInput[] = [];
  for (const ad of ads) {
    const onItsOwn = assess(profile, ad.fields);
    const decision = gateDecision(profile, onItsOwn);
    if (decision === 'delete') continue;
    const pictures = await perceptualHashes(await Promise.all(ad.fields.images.map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer()))));
    const input = { id: adId(theme, ad.url), fields: ad.fields, seen, imageHashes: pictures };
    if (decision === 'stage') staged.push(input);
    else {
      kept.push(input);
      hits.set(ad.id, onItsOwn.hits.map((h) => h.id));
    }
  }
  const inRun = new Set(ads.map((a) => adId(theme, a.url)));
  const prices = analysisContext([...market, ...known.filter((k) => !inRun.has(k.id)).map((k) => k.fields)]);
  for (const [id, assessment] of analyseBatch(profile, staged, known, prices)) {
    if (!assessment.kept) continue;
    kept.push(staged.find((ad) => ad.id === id)!);
    hits.set(idOf.get(id)!, assessment.hits.map((h) => h.id));
  }
  return { ids: new Set(hits.keys()), hits, kept };
}

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Runs `baken` in a child process without blocking: the demo platforms this process serves keep
 *  answering the crawl. `--config` and `--data` are the environment's. */
export function runBaken(env: DemoEnv, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BAKEN_BIN, ...args, '--config', env.configDir, '--data', env.dataDir]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Run = (args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/** An export as operators make one (issue 13): `baken export request …` by `by`, approved by a
 *  colleague, downloaded by `by` to `out`. Returns the request id and where the file was written. */
export async function exportApproved(run: Run, request: string[], out: string, by = 'rechercheur'): Promise<{ id: string; out: string }> {
  const step = async (args: string[]) => {
    const r = await run([...args, '--json']);
    if (r.code !== 0) throw new Error(`baken ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const { id } = await step(['export', 'request', ...request, '--by', by]) as { id: string };
  await step(['export', 'approve', id, '--by', `collega-van-${by}`]);
  const downloaded = await step(['export', 'download', id, '--out', out, '--by', by]) as { out: string };
  return { id, out: downloaded.out };
}

/** Waits for `probe` to give a value, looking every 200 ms; fails naming `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 4 * 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** A configuration edit: one scheduled crawl (due at once) of one mensenhandel source, with a
 *  politeness delay that keeps the run going long enough to act on it midway. */
export function onlySlowScheduledCrawl(configDir: string, source: string, delayMs = 300): void {
  rmSync(join(configDir, 'schedules'), { recursive: true });
  mkdirSync(join(configDir, 'schedules'));
  writeFileSync(join(configDir, `schedules/${source}-daily.yaml`), `id: ${source}-daily\ntheme: mensenhandel\nsource: ${source}\nevery: 1d\nat: "00:00"\n`);
  const file = join(configDir, `sources/${source}.yaml`);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\ncrawl:\n  delayMs: ${delayMs}\n`);
}
