// The dashboard must open fast on a police laptop: what the first page loads (the scripts and
// styles index.html names, and what they preload) stays within 300 kB compressed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DASHBOARD_BUILD } from '../../src/api/dashboard-files.ts';

const BUDGET = 300 * 1024;

test('the initial JavaScript and CSS of the built dashboard stay within 300 kB gzip', () => {
  const index = readFileSync(join(DASHBOARD_BUILD, 'index.html'), 'utf8');
  const initial = [...index.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  assert.ok(initial.some((f) => f.startsWith('main-')), `the build names its main script: ${initial.join(', ')}`);
  const sizes = initial.map((f) => ({ f, gz: gzipSync(readFileSync(join(DASHBOARD_BUILD, f)), { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gz, 0);
  assert.ok(total <= BUDGET, `initial files ${total} bytes gzip > ${BUDGET}: ${JSON.stringify(sizes)}`);
});
