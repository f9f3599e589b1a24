// Test data for the store contract: well-formed kept ads that a test varies one detail at a time.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import type { AdFields, Artefact } from '../domain/ad.ts';
import type { KeptAd, Store } from './store.ts';

export const SOFTWARE = 'baken 0.1.0-test';

export function fakeHash(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export interface AdVariant {
  theme?: string;
  source?: string;
  url?: string;
  fields?: AdFields;
  score?: number;
  capturedAt?: string;
  /** Label of the page's HTML bytes; a different label is different content. */
  html?: string;
  /** Label of the screenshot bytes; screenshots differ on every visit. */
  screenshot?: string;
  perceptualHashes?: string[];
}

export function keptAd(runId: string, variant: AdVariant = {}): KeptAd {
  const url = variant.url ?? 'https://ads.example/ad/1';
  const artefacts: Artefact[] = [
    { kind: 'html', sha256: fakeHash(variant.html ?? `html ${url}`), mime: 'text/html', bytes: 2048 },
    { kind: 'screenshot', sha256: fakeHash(variant.screenshot ?? `shot ${url}`), mime: 'image/jpeg', bytes: 90_000 },
    { kind: 'image', sha256: fakeHash(`image ${url}`), mime: 'image/jpeg', bytes: 40_000, url: `${url}/photo.jpg` },
  ];
  return {
    runId,
    captureId: randomUUID(),
    manifest: { sha256: fakeHash(`manifest ${randomUUID()}`), signature: 'c2lnbmF0dXJl', keyId: fakeHash('test key') },
    theme: variant.theme ?? 'mensenhandel',
    source: variant.source ?? 'demo-classic',
    url,
    meta: {
      requestedUrl: url,
      finalUrl: url,
      capturedAt: variant.capturedAt ?? '2025-03-01T10:00:00.000Z',
      status: 200,
      headers: { 'content-type': 'text/html' },
      serverIp: '127.0.0.1',
      tls: null,
      userAgent: 'Mozilla/5.0 (test)',
      softwareVersion: SOFTWARE,
      method: 'chromium via playwright-core (test)',
    },
    fields: variant.fields ?? { title: 'Nieuw in de stad', text: 'Bel mij vandaag', city: 'Amsterdam', phones: ['+31612345678'] },
    artefacts,
    score: variant.score ?? 3,
    hits: [{ id: 'demo-indicator', weight: 3, evidence: [{ kind: 'field', field: 'city', value: 'Amsterdam' }] }],
    perceptualHashes: variant.perceptualHashes ?? [],
  };
}

export async function startTestRun(store: Store, theme = 'mensenhandel'): Promise<string> {
  return store.startRun({ theme, source: null, startedAt: '2025-03-01T09:59:00.000Z', softwareVersion: SOFTWARE });
}

/** For the upgrade test of runs' abandoned mark: a run finished before the upgrade reads back as not
 *  abandoned, and one given up after it as abandoned. */
export async function assertRunsAfterUpgrade(reopened: Store, finishedBefore: string): Promise<void> {
  const given = await startTestRun(reopened);
  await reopened.finishRun(given, { captured: 0, kept: 0, deleted: 0, failed: 1 }, '2025-03-01T11:00:00.000Z', 'abandoned');
  const runs = await reopened.runs('mensenhandel');
  assert.deepEqual(runs.map((r) => [r.id, r.captured, r.abandoned]).sort(), [[finishedBefore, 2, false], [given, 0, true]].sort());
}

/** A run finished before an upgrade, with 2 ads captured. */
export async function finishedTestRun(store: Store): Promise<string> {
  const runId = await startTestRun(store);
  await store.finishRun(runId, { captured: 2, kept: 1, deleted: 1, failed: 0 }, '2025-03-01T10:00:00.000Z');
  return runId;
}

/** One contract test on a fresh store, closed and cleaned up afterwards. */
export type ContractTest = (title: string, body: (store: Store) => Promise<void>) => void;
