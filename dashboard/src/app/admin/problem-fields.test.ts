import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configMessages, documentText, fieldProblems, lineOfPath, parseDocument } from './problem-fields.ts';

const invalid = (errors: { in: string; path: string; message: string }[]) =>
  ({ status: 400, code: 'INPUT_INVALID', detail: errors.map((e) => `${e.in} ${e.path}: ${e.message}`).join('; '), errors });

test('each error of a refused form goes to its field; what names no field is general', () => {
  const p = fieldProblems(invalid([
    { in: 'body', path: 'name', message: 'expected a login name' },
    { in: 'body', path: 'themes.0', message: 'expected a theme id' },
    { in: 'body', path: 'extra', message: 'unknown key' },
  ]), ['name', 'themes', 'password']);
  assert.deepEqual(p.fields, { name: ['expected a login name'], themes: ['expected a theme id'] });
  assert.deepEqual(p.general, ['extra: unknown key']);
});

test('a problem without errors is general; a weak password is the password field\'s', () => {
  assert.deepEqual(fieldProblems({ status: 404, code: 'NOT_FOUND', detail: 'no theme "x"' }, ['name']), { fields: {}, general: ['no theme "x"'] });
  assert.deepEqual(fieldProblems({ status: 400, code: 'PASSWORD_WEAK', detail: 'too common' }, ['password']).fields, { password: ['too common'] });
});

test('the schema\'s refusal gives one message per path of the body', () => {
  assert.deepEqual(configMessages(invalid([{ in: 'body', path: 'start', message: 'expected an http(s) URL' }])),
    [{ path: 'start', message: 'expected an http(s) URL', file: null }]);
});

test('the loader\'s refusal is split into its lines, each with the file and path it names', () => {
  const detail = 'refused: the configuration would not load: invalid configuration in /etc/baken:\n'
    + '  sources/mensenhandel-classic: extractor: no extractor "nope" in extractors/\n'
    + '  sources/x.yaml: (top level): expected an object\n  sources/y.yaml: YAML syntax: bad indent';
  assert.deepEqual(configMessages({ status: 400, code: 'INPUT_INVALID', detail }), [
    { path: null, message: 'refused: the configuration would not load: invalid configuration in /etc/baken:', file: null },
    { path: 'extractor', message: 'no extractor "nope" in extractors/', file: 'sources/mensenhandel-classic' },
    { path: null, message: 'expected an object', file: 'sources/x.yaml' },
    { path: null, message: 'YAML syntax: bad indent', file: 'sources/y.yaml' },
  ]);
  assert.deepEqual(configMessages({ status: 404, code: 'NOT_FOUND', detail: 'no theme "x"' }), [{ path: null, message: 'no theme "x"', file: null }]);
});

test('a path is found on the line of its last key, keys looked for in order', () => {
  const text = documentText({ id: 'a', name: 'x', discover: { ads: '^/ad', next: 'a' }, crawl: { ads: 3, list: [1, 2] } });
  assert.equal(lineOfPath(text, 'id'), 2);
  assert.equal(lineOfPath(text, 'discover.ads'), 5);
  assert.equal(lineOfPath(text, 'crawl.ads'), 9, 'the ads under crawl, not the one under discover');
  assert.equal(lineOfPath(text, 'crawl.list.1'), 10);
  assert.equal(lineOfPath(text, 'nothing'), null);
  assert.equal(lineOfPath(text, 'crawl.nothing'), 8, 'as near as the document says');
  assert.equal(lineOfPath(text, null), null);
});

test('the editor\'s text is sent only as a JSON object', () => {
  assert.deepEqual(parseDocument('{"id": "a"}'), { ok: true, value: { id: 'a' } });
  assert.equal(parseDocument('[1]').ok, false);
  assert.equal(parseDocument('{"id": ').ok, false);
});
