// docs/running-at-scale.md cannot rot: the shell blocks it marks `<!-- tested -->` are run, in order,
// against a fresh role and database on the test server, with the guide's placeholders (host,
// role, database, volume, configuration folder, `npx baken`) put in their place. Each must succeed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BAKEN_BIN, BUNDLED_CONFIG } from './demo-env.ts';

const GUIDE = new URL('../docs/running-at-scale.md', import.meta.url).pathname;
const SERVER = new URL(process.env.BAKEN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres');

/** The fenced shell blocks that follow a `<!-- tested … -->` line. */
export function testedBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^<!-- tested\b[^\n]*-->\n```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER.toString() });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}

describe('docs/running-at-scale.md, as an operator follows it', { timeout: 5 * 60_000 }, () => {
  const suffix = randomBytes(4).toString('hex');
  const [role, database] = [`baken_doc_${suffix}`, `baken_doc_${suffix}`];
  let root: string;
  let blocks: string[];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'baken-guide-'));
    // The operator's own configuration: the demo's, without schedules, so the check crawls nothing.
    cpSync(BUNDLED_CONFIG, join(root, 'config'), { recursive: true });
    rmSync(join(root, 'config/schedules'), { recursive: true });
    mkdirSync(join(root, 'config/schedules'));
    blocks = testedBlocks(readFileSync(GUIDE, 'utf8'));
  });
  after(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${role}`);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('marks the set-up and first-start blocks for testing', () => {
    assert.equal(blocks.length, 2, 'the PostgreSQL set-up, then the environment, import, first account and check');
  });

  it('sets up PostgreSQL, imports the configuration, adds an admin and runs a worker, every command succeeding', () => {
    const host = `-h ${SERVER.hostname} -p ${SERVER.port || '5432'} -U ${decodeURIComponent(SERVER.username) || 'postgres'}`;
    const replacements: [RegExp, string][] = [
      [/-h 127\.0\.0\.1 -U postgres/g, host],
      [/ROLE baken /g, `ROLE ${role} `],
      [/DATABASE baken OWNER baken/g, `DATABASE ${database} OWNER ${role}`],
      [/-d baken /g, `-d ${database} `],
      [/postgres:\/\/baken:secret@db\.internal:5432\/baken/g, `postgres://${role}:secret@${SERVER.hostname}:${SERVER.port || '5432'}/${database}`],
      [/\/mnt\/baken/g, join(root, 'data')],
      [/\/etc\/baken\/config/g, join(root, 'config')],
      [/npx baken /g, `"${process.execPath}" "${BAKEN_BIN}" `],
    ];
    for (const [i, block] of blocks.entries()) {
      const script = replacements.reduce((text, [from, to]) => text.replace(from, to), block);
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
        env: { ...process.env, ADMIN_PASSWORD: 'correct horse battery staple 2026', USER: 'operator', BAKEN_DATABASE_URL: '', BAKEN_DATA: '', BAKEN_CONFIG: '' },
        encoding: 'utf8', timeout: 4 * 60_000,
      });
      assert.equal(run.status, 0, `block ${i + 1} of the guide failed:\n${script}\n${run.stdout}\n${run.stderr}`);
    }
  });

  it('left the imported configuration as version 1 and the admin in the database', async () => {
    const client = new pg.Client({ connectionString: `postgres://${role}:secret@${SERVER.hostname}:${SERVER.port || '5432'}/${database}` });
    await client.connect();
    try {
      assert.deepEqual((await client.query('SELECT number, by_name FROM config_versions')).rows, [{ number: 1, by_name: 'operator' }]);
      assert.deepEqual((await client.query('SELECT name, role FROM users')).rows, [{ name: 'admin', role: 'admin' }]);
      assert.equal((await client.query(`SELECT count(*)::int AS n FROM jobs WHERE schedule LIKE 'retention:%' AND state = 'done'`)).rows[0].n, 2);
    } finally {
      await client.end();
    }
  });
});
