import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarArchive } from './tar.ts';

describe('tar archive', () => {
  it('unpacks with the system tar to the same files, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baken-tar-'));
    try {
      const files = new Map([['SHA256SUMS', Buffer.from('abc  a.txt\n')], ['image-1.png', Buffer.alloc(1300, 7)], ['empty', Buffer.alloc(0)]]);
      writeFileSync(join(dir, 'b.tar'), tarArchive(files, new Date('2026-03-01T10:00:00Z')));
      assert.deepEqual(execFileSync('tar', ['tf', 'b.tar'], { cwd: dir, encoding: 'utf8' }).trim().split('\n'), [...files.keys()]);
      execFileSync('tar', ['xf', 'b.tar'], { cwd: dir });
      for (const [name, bytes] of files) assert.deepEqual(readFileSync(join(dir, name)), bytes, name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
