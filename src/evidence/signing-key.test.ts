// The signing key is created on first use, so processes started together on an empty data
// directory (two workers under one service manager) race to create it: all must start, with one key.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPublicKey } from './signing-key.ts';

const MODULE = new URL('./signing-key.ts', import.meta.url).href;
// Each process loads its modules, says it is ready and waits for the word, so all start the key at once.
const STARTER = `import { loadOrCreateSigningKey } from ${JSON.stringify(MODULE)};
process.stdout.write('ready\\n');
process.stdin.once('data', () => { process.stdout.write(loadOrCreateSigningKey(process.argv[1]).keyId + '\\n'); process.exit(0); });`;

async function startTogether(dataDir: string, count: number): Promise<{ code: number | null; out: string; err: string }[]> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', STARTER, dataDir]);
    const result = { code: null as number | null, out: '', err: '' };
    child.stdout.on('data', (d: Buffer) => { result.out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { result.err += d.toString(); });
    return { child, result };
  });
  await Promise.all(children.map(async ({ result, child }) => {
    while (!result.out.includes('ready')) await once(child.stdout, 'data');
  }));
  for (const { child } of children) child.stdin.write('go\n');
  return Promise.all(children.map(async ({ child, result }) => {
    const [code] = await once(child, 'exit') as [number | null];
    return { ...result, code };
  }));
}

describe('the signing key', () => {
  it('is created once when processes start together on an empty data directory', async () => {
    for (let round = 0; round < 8; round++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'baken-key-'));
      try {
        const started = await startTogether(dataDir, 4);
        for (const s of started) assert.equal(s.code, 0, `round ${round}: a process failed: ${s.err}`);
        const keyIds = new Set(started.map((s) => s.out.split('\n')[1]));
        assert.deepEqual([...keyIds], [loadPublicKey(dataDir).keyId], `round ${round}: every process uses the key on disk`);
        assert.deepEqual((await readdir(join(dataDir, 'keys'))).sort(), ['ed25519-private.pem', 'ed25519-public.pem'], 'no temporary file is left');
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  });
});
