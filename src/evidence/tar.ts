// A plain ustar archive of a few small files: how a bundle leaves as one download, and what anyone
// unpacks with `tar xf` before checking it with sha256sum, without Baken.

const BLOCK = 512;

/** File names must be ASCII and under 100 bytes, as the bundle's are. */
export function tarArchive(files: ReadonlyMap<string, Buffer>, mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const [name, bytes] of files) {
    parts.push(header(name, bytes.length, mtime), bytes, Buffer.alloc((BLOCK - (bytes.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'ascii');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write(' '.repeat(8), 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\x0000', 257, 'ascii');
  const sum = h.reduce((a, b) => a + b, 0);
  h.write(`${sum.toString(8).padStart(6, '0')}\x00 `, 148, 'ascii');
  return h;
}

/** A number as the zero-padded octal digits tar expects, ending in NUL. */
function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\x00`;
}
