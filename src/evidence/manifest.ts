// The signed manifest of one capture: a canonical JSON document naming every artefact by its
// SHA-256 together with what was captured, where, when, by which software and configuration.
// The signature covers the exact bytes stored, so `openssl pkeyutl -verify -rawin` can check it.
import { sign, verify, type KeyObject } from 'node:crypto';
import type { AdFields, Artefact, CaptureMeta } from '../domain/ad.ts';
import type { IndicatorHit } from '../domain/indicator-hit.ts';
import { canonicalJson } from '../domain/canonical-json.ts';

export const MANIFEST_FORMAT = 'baken-capture-manifest/1';

export interface CaptureManifest {
  format: typeof MANIFEST_FORMAT;
  capture: string;
  ad: string;
  theme: string;
  source: string;
  url: string;
  capturedAt: string;
  softwareVersion: string;
  configHash: string;
  keyId: string;
  meta: CaptureMeta;
  fields: AdFields;
  assessment: { score: number; hits: IndicatorHit[] };
  /** Perceptual hashes of the kept pictures: what later runs compare new pictures with. Absent in
   *  manifests written before they were kept, which is read as none. */
  perceptualHashes?: string[];
  artefacts: Artefact[];
}

export function manifestBytes(manifest: CaptureManifest): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8');
}

/** Ed25519 signs the message itself (no separate digest), hence the null algorithm. */
export function signBytes(bytes: Uint8Array, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString('base64');
}

export function signatureValid(bytes: Uint8Array, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, bytes, publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
