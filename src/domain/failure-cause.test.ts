import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failureCause } from './failure-cause.ts';

describe('failure cause', () => {
  it('names the cause of the reasons the crawler records', () => {
    assert.deepEqual([
      'list page answered HTTP 503', 'discovery failed: page.goto: Timeout 4000ms exceeded.', 'HTTP 500', 'page.goto: Timeout 4000ms exceeded.',
      'page.goto: net::ERR_TOO_MANY_REDIRECTS at http://127.0.0.1/x', 'page is larger than 2000000 bytes',
      'refused http://10.0.0.1: answered from 10.0.0.1, an address theme "t" does not list in allowPrivateNetworks',
      'page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/', 'something new',
    ].map(failureCause), ['list-page', 'list-page', 'http-error', 'timeout', 'redirect', 'too-large', 'refused', 'network', 'other']);
  });

  it("takes the crawler's own prefixes only at the start, not from a page's words quoted later", () => {
    assert.deepEqual([
      'reading the page failed: Error: list page not rendered', 'reading the page failed: Error: HTTP 404 from /api/ads',
    ].map(failureCause), ['other', 'other']);
  });
});
