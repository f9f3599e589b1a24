// Ad pictures: abstract shapes drawn from a seed, never people. A reused picture is the same
// drawing at another size and JPEG quality, so a perceptual hash matches while the bytes differ.
import sharp from 'sharp';
import { createRng } from './prng.ts';
import type { ImageSpec } from './world.ts';

/** The drawing always uses a 480×360 canvas; the output size scales it. */
export function pictureSvg(spec: ImageSpec): string {
  const rng = createRng(spec.picture, 'picture');
  const hue = rng.int(0, 359);
  const colour = (shift: number, light: number) => `hsl(${(hue + shift) % 360} ${rng.int(35, 80)}% ${light}%)`;
  const shapes: string[] = [];
  for (let i = rng.int(4, 8); i > 0; i--) {
    const fill = colour(rng.pick([0, 30, 150, 180, 210]), rng.int(30, 80));
    const opacity = (rng.int(35, 85) / 100).toFixed(2);
    const x = rng.int(0, 480);
    const y = rng.int(0, 360);
    const r = rng.int(30, 150);
    shapes.push(rng.pick([
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="${opacity}"/>`,
      `<rect x="${x - r}" y="${y - r / 2}" width="${2 * r}" height="${r}" rx="${rng.int(0, 30)}" fill="${fill}" fill-opacity="${opacity}" transform="rotate(${rng.int(-45, 45)} ${x} ${y})"/>`,
      `<polygon points="${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}" fill="${fill}" fill-opacity="${opacity}"/>`,
    ]));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 480 360">`
    + `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour(0, 25)}"/>`
    + `<stop offset="1" stop-color="${colour(60, 70)}"/></linearGradient></defs>`
    + `<rect width="480" height="360" fill="url(#bg)"/>${shapes.join('')}</svg>`;
}

export async function renderPicture(spec: ImageSpec): Promise<Buffer> {
  if (spec.grain === undefined) return sharp(Buffer.from(pictureSvg(spec))).jpeg({ quality: spec.quality }).toBuffer();
  // Drawn at the canvas size and enlarged: rasterising the shapes at camera size costs twice as long.
  const { data, info } = await sharp(Buffer.from(pictureSvg({ ...spec, width: 480, height: 360 })))
    .resize(spec.width, spec.height).raw().toBuffer({ resolveWithObject: true });
  addGrain(data, info.channels, createRng(spec.picture, `grain:${spec.width}x${spec.height}`), spec.grain);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: spec.quality }).toBuffer();
}

/** The same noise on each colour channel of a pixel, as a camera's sensor grain looks. */
function addGrain(pixels: Buffer, channels: number, rng: ReturnType<typeof createRng>, amplitude: number): void {
  for (let at = 0; at < pixels.length; at += channels) {
    const noise = Math.round((rng.next() - 0.5) * amplitude);
    // A Buffer wraps a value outside 0–255 around; clamping keeps light and dark areas as they are.
    for (let c = 0; c < 3; c++) pixels[at + c] = Math.min(255, Math.max(0, pixels[at + c]! + noise));
  }
}

/** Rendering costs tens of milliseconds, so each image is drawn once per server. */
export function createImageCache(): (id: string, spec: ImageSpec) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (id, spec) => {
    let image = cache.get(id);
    if (!image) {
      image = renderPicture(spec);
      cache.set(id, image);
      image.catch(() => cache.delete(id));
    }
    return image;
  };
}
