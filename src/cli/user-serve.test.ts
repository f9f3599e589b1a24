// `baken user` and `baken serve` as an operator runs them: separate processes on a temporary data
// directory, the password on standard input, the API answering over real HTTP on a free port.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

const NODE = process.execPath;
/** Runs one command function in a child process, the way main.ts would. */
const runner = (command: 'user' | 'serve') =>
  `const m = await import(${JSON.stringify(new URL(`./${command}.ts`, import.meta.url).href)}); process.exitCode = await m.${command}(process.argv.slice(1));`;

function run(command: 'user' | 'serve', args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(NODE, ['--input-type=module', '-e', runner(command), '--', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdin.end(stdin);
  return once(child, 'close').then(([code]) => ({ code: code as number, stdout, stderr }));
}

/** Runs `baken serve` on a free port while `use` runs, with the API's base URL. */
async function serving(env: NodeJS.ProcessEnv, use: (url: string) => Promise<void>): Promise<void> {
  const server: ChildProcess = spawn(NODE, ['--input-type=module', '-e', runner('serve'), '--', '--port', '0', '--json'], { env });
  try {
    const [line] = await once(server.stdout!, 'data') as [Buffer];
    await use((JSON.parse(line.toString()) as { url: string }).url);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'close');
  }
}

const signIn = (url: string, name: string, password: string) =>
  fetch(`${url}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });

describe('baken user and baken serve', { timeout: 180_000 }, () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'baken-cli-api-'));
    cpSync(new URL('../../config', import.meta.url).pathname, join(root, 'config'), { recursive: true });
    env = { ...process.env, BAKEN_DATA: join(root, 'data'), BAKEN_CONFIG: join(root, 'config'), BAKEN_LOG: 'warn' };
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('adds a user from a password on standard input and lists it, never echoing the password', async () => {
    const added = await run('user', ['add', '--name', 'anna', '--role', 'expert', '--theme', 'mensenhandel', '--password-stdin', '--json'], env, 'a long enough password\n');
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual(JSON.parse(added.stdout).themes, ['mensenhandel']);
    assert.doesNotMatch(added.stdout + added.stderr, /a long enough password/);
    const listed = await run('user', ['list', '--json'], env);
    assert.deepEqual(JSON.parse(listed.stdout).map((u: { name: string }) => u.name), ['anna']);
  });

  it('refuses an unknown role, an unknown theme and a password on the command line, with a clear message', async () => {
    const role = await run('user', ['add', '--name', 'x', '--role', 'chief', '--theme', 'mensenhandel', '--password-stdin'], env, 'a long enough password');
    assert.match(role.stderr, /--role: expected one of expert, analyst, supervisor, admin, auditor/);
    const theme = await run('user', ['add', '--name', 'x', '--role', 'expert', '--theme', 'nope', '--password-stdin'], env, 'a long enough password');
    assert.match(theme.stderr, /no theme "nope"/);
    const inline = await run('user', ['add', '--name', 'x', '--role', 'expert', '--theme', 'mensenhandel', '--password', 'secret'], env);
    assert.notEqual(inline.code, 0);
    assert.equal(JSON.parse((await run('user', ['list', '--json'], env)).stdout).length, 1);
  });

  it('refuses a weak password on standard input, on add and on reset, saying why, and changes nothing', async () => {
    const added = await run('user', ['add', '--name', 'x', '--role', 'expert', '--theme', 'mensenhandel', '--password-stdin'], env, 'aaaaaaaaaaaa\n');
    assert.notEqual(added.code, 0);
    assert.match(added.stderr, /password: it is made of repeated or sequential characters/);
    const reset = await run('user', ['reset-password', '--name', 'anna', '--password-stdin'], env, 'anna is on duty today\n');
    assert.notEqual(reset.code, 0);
    assert.match(reset.stderr, /contains the user name "anna"/);
    assert.deepEqual(JSON.parse((await run('user', ['list', '--json'], env)).stdout).map((u: { name: string }) => u.name), ['anna']);
  });

  it('serves the API over HTTP: sign in, search with a justification, sign out', async () => {
    await serving(env, async (url) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
      const login = await signIn(url, 'anna', 'a long enough password');
      assert.equal(login.status, 201);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = await login.json() as { csrfToken: string };
      const search = await fetch(`${url}/ads?justification=signal+research`, { headers: { cookie } });
      assert.equal(search.status, 200);
      assert.equal(search.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(await search.json(), { total: 0, page: 1, pageSize: 20, hits: [], facets: { city: [], source: [], indicatorCount: [], scoreBand: [], month: [] } });
      assert.equal((await fetch(`${url}/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status, 204);
      assert.equal((await fetch(`${url}/docs`)).status, 200);
    });
  });

  it('disables a user, and lists them as disabled', async () => {
    assert.equal((await run('user', ['disable', '--name', 'anna'], env)).code, 0);
    assert.deepEqual(JSON.parse((await run('user', ['list', '--json'], env)).stdout)[0].disabled, true);
  });

  it('resets a password from standard input: the old one stops working, the new one works', async () => {
    const [oldPassword, newPassword] = ['the first long password', 'a second, fresher password'];
    const added = await run('user', ['add', '--name', 'bert', '--role', 'analyst', '--theme', 'mensenhandel', '--password-stdin'], env, `${oldPassword}\n`);
    assert.equal(added.code, 0, added.stderr);
    const reset = await run('user', ['reset-password', '--name', 'bert', '--password-stdin'], env, `${newPassword}\n`);
    assert.equal(reset.code, 0, reset.stderr);
    assert.doesNotMatch(reset.stdout + reset.stderr, /fresher password/);
    await serving(env, async (url) => {
      assert.equal((await signIn(url, 'bert', oldPassword)).status, 401, 'the old password');
      assert.equal((await signIn(url, 'bert', newPassword)).status, 201, 'the new password');
    });
  });
});
