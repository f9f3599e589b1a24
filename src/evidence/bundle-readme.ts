// The README of an evidence bundle: how a third party checks it with standard tools only.
import type { CaptureEvidence } from '../store/store.ts';

export function bundleReadme(c: CaptureEvidence): string {
  return `Evidence bundle — capture ${c.captureId} of ad ${c.ad.id}
Captured ${c.capturedAt} from ${c.ad.url} by ${c.meta.softwareVersion}.

Files
  manifest.json     the canonical manifest: every artefact below by its SHA-256, with the capture
                    metadata (time, URLs, HTTP status and headers, server IP, user agent) and the
                    extracted fields; signed by the installation's Ed25519 key
  manifest.sig      the raw Ed25519 signature over the exact bytes of manifest.json
  public-key.pem    the installation's public key (its SHA-256 over DER is the keyId in the manifest)
  capture.warc.gz   WARC 1.1 (ISO 28500) as signed: request and response records of the page as
                    fetched; its images, the screenshot and the rendered page as revisit records
                    whose WARC-Payload-Digest is the SHA-256 of the file beside it holding the bytes
  capture-standalone.warc.gz
                    the same WARC with those bytes in place (response and resource records), for
                    WARC tools that read one file
  screenshot.*      full-page screenshot as rendered at capture time
  rendered.html     the page's DOM after rendering (a copy; never open it in a browser with network)
  image-*.jpg       the ad's images as fetched
  metadata.json     a readable summary (not signed; the manifest is what counts)
  SHA256SUMS        checksums of all files

How to check (Linux, macOS with coreutils, OpenSSL 3)
  1. The files are unchanged:
       sha256sum -c SHA256SUMS
  2. The manifest was signed by this installation's key:
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig
     prints "Signature Verified Successfully".
  3. Each artefact is the one the manifest names:
       sha256sum capture.warc.gz screenshot.* image-*.jpg rendered.html
     and compare with the "sha256" values in manifest.json.
  4. The WARC is intact: any WARC reader (warcio, pywb) checks the WARC-Block-Digest and
     WARC-Payload-Digest of every record, e.g.  python -m warcio check capture-standalone.warc.gz
`;
}
