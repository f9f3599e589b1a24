import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, openApiDocument } from './openapi.ts';
import { ROUTES } from './route-table.ts';

interface Doc { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> }

describe('the OpenAPI document', () => {
  it('is committed exactly as the route table generates it (run npm run openapi after changing a route)', async () => {
    assert.equal(readFileSync(OPENAPI_FILE, 'utf8'), await openApiDocument());
  });

  it('describes every route, its success status and its problems, and names the sign-in it needs', async () => {
    const doc = JSON.parse(await openApiDocument()) as Doc;
    for (const route of ROUTES) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${route.url} is missing`);
      assert.ok(op.responses[String(route.status)], `${route.method} ${route.url} lacks its ${route.status} response`);
      assert.ok(op.responses['4XX'], `${route.method} ${route.url} lacks its problem response`);
      assert.equal(op.security === undefined, route.access === 'public', `${route.method} ${route.url} security`);
    }
  });
});
