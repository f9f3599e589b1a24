// What an admin may set for a user through the API: a password no attacker tries first, and a name
// no other can pass for. A refusal says what is wrong and changes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiWorld, PASSWORD, type ApiWorld, type Session } from './api.fixtures.ts';

describe('passwords and names set through the API', () => {
  let w: ApiWorld;
  let admin: Session;
  before(async () => {
    w = await openApiWorld();
    admin = await w.login('admin-mensenhandel');
  });
  after(() => w?.close());

  const add = (body: object) => w.app.inject({
    method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { role: 'analyst', themes: ['mensenhandel'], password: PASSWORD, ...body },
  });
  const answer = (res: Awaited<ReturnType<typeof add>>) => [res.statusCode, res.json().code];

  it('refuses a user with a 12-letter repeated password, saying why, and stores no user', async () => {
    const res = await add({ name: 'herhaling', password: 'aaaaaaaaaaaa' });
    assert.deepEqual(answer(res), [400, 'PASSWORD_WEAK']);
    assert.match(res.json().detail, /repeated or sequential characters/);
    assert.equal(await w.accounts.userByName('herhaling'), null);
  });

  it('refuses a common password and one holding the user name', async () => {
    assert.deepEqual(answer(await add({ name: 'gewoon', password: 'Password2026!' })), [400, 'PASSWORD_WEAK']);
    const own = await add({ name: 'jansen', password: 'jansen heeft dienst' });
    assert.deepEqual(answer(own), [400, 'PASSWORD_WEAK']);
    assert.match(own.json().detail, /contains the user name "jansen"/);
    assert.equal((await w.accounts.users()).some((u) => ['gewoon', 'jansen'].includes(u.name)), false);
  });

  it('refuses a weak new password for an existing user, and the old one still works', async () => {
    const target = w.users.get('target-mensenhandel')!;
    const res = await w.app.inject({
      method: 'PATCH', url: `/api/admin/users/${target.id}`, headers: admin.headers, payload: { password: '123456789012' },
    });
    assert.deepEqual(answer(res), [400, 'PASSWORD_WEAK']);
    assert.equal((await w.accounts.user(target.id))?.passwordHash, target.passwordHash);
    await w.login('target-mensenhandel');
  });

  it('refuses a look-alike of an existing name with a Cyrillic letter, naming the letter, and stores no user', async () => {
    const res = await add({ name: '\u0430dmin-mensenhandel' });
    assert.deepEqual(answer(res), [400, 'INPUT_INVALID']);
    assert.match(res.json().detail, /"а" \(U\+0430\) not allowed/);
    assert.equal((await w.accounts.users()).filter((u) => u.name.endsWith('dmin-mensenhandel')).length, 1);
  });

  it('stores a full-width name as the plain name it stands for', async () => {
    const plain = await add({ name: 'ｂｒｅｅｄ' });
    assert.equal(plain.statusCode, 201, plain.body);
    assert.match(plain.json().name, /^breed\.[a-z0-9]+$/, 'the plain name, with the suffix every name an admin adds gets');
  });
});
