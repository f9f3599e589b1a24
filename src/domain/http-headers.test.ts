import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headerOf } from './http-headers.ts';

const HEADERS: [string, string][] = [
  ['Date', 'Mon, 02 Mar 2026 10:00:00 GMT'], ['Content-Type', 'image/webp'], ['Set-Cookie', 'a=1'], ['set-cookie', 'b=2'],
];

describe('headerOf', () => {
  it('finds a header whatever the case of its name or of the name asked for', () => {
    assert.equal(headerOf(HEADERS, 'content-type'), 'image/webp');
    assert.equal(headerOf(HEADERS, 'CONTENT-TYPE'), 'image/webp');
    assert.equal(headerOf([['content-type', 'text/html']], 'Content-Type'), 'text/html');
  });

  it('gives the first of a repeated header', () => {
    assert.equal(headerOf(HEADERS, 'Set-Cookie'), 'a=1');
  });

  it('gives undefined for a header that was not sent', () => {
    assert.equal(headerOf(HEADERS, 'Content-Length'), undefined);
    assert.equal(headerOf([], 'Content-Type'), undefined);
  });
});
