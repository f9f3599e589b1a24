// Hostile input in every query and path parameter: SQL, full-text query syntax, path traversal and
// junk. Each answers 400, 404 or an empty result — never a server error — and nothing stored changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { z } from 'zod';
import { GRANTS } from '../accounts/roles.ts';
import { openApiWorld, type ApiWorld, type Session } from './api.fixtures.ts';
import type { RouteSpec } from './route-spec.ts';
import { ROUTES } from './route-table.ts';

const PAYLOADS = [
  "' OR 1=1 --", '1; DROP TABLE ads; --', '" OR ""="', "x') UNION SELECT name, password_hash FROM users --",
  '"', '*', 'NEAR(a b)', 'title:x', 'a AND', '^x', '-x', '{a b}', 'ads_fts MATCH *',
  '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '/etc/passwd', 'C:\\windows\\win.ini',
  '', ' ', 'x'.repeat(5000), '\u0000', '💥', '[]', '{"$gt":""}', '-1', '1e309', 'NaN',
];
/** A blank value means the parameter was left empty: the same answer as without it, or a refusal. */
const BLANK = new Set(['', ' ']);
/** Parameters whose value is recorded, not matched: any text is a valid justification. */
const RECORDED_ONLY = new Set(['justification']);
const TABLES = ['ads', 'captures', 'capture_artefacts', 'sightings', 'lists', 'list_ads', 'users', 'api_tokens', 'runs'];

function keysOf(schema: z.ZodType | undefined): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A signed-in role that may call the route in its own theme. */
function roleFor(route: RouteSpec): string {
  if (route.access === 'public' || route.access === 'signed-in') return 'expert';
  for (const role of ['expert', 'auditor', 'admin'] as const) if (GRANTS[role].has(route.access)) return role;
  throw new Error(`no role for ${route.access}`);
}

function isEmpty(body: unknown): boolean {
  if (Array.isArray(body)) return body.length === 0;
  const b = body as Record<string, unknown>;
  if (typeof b['total'] === 'number') return b['total'] === 0;
  if (Array.isArray(b['rows'])) return (b['rows'] as unknown[]).length === 0;
  return false;
}

describe('hostile input', { timeout: 300_000 }, () => {
  let w: ApiWorld;
  const sessions = new Map<string, Session>();
  before(async () => {
    w = await openApiWorld();
    for (const role of ['expert', 'auditor', 'admin']) sessions.set(role, await w.login(`${role}-mensenhandel`));
  });
  after(() => w?.close());

  /** Row counts, blob names and configuration files: everything a request could have changed. */
  function snapshot(): string {
    const db = new DatabaseSync(join(w.dataDir, 'baken.db'), { readOnly: true });
    try {
      const counts = TABLES.map((t) => `${t}=${String(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()?.['n'])}`);
      const blobs = readdirSync(join(w.dataDir, 'blobs'), { recursive: true }).map(String).sort();
      const config = readdirSync(w.configDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .map((e) => `${e.name}:${createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')}`).sort();
      return JSON.stringify({ counts, blobs, config });
    } finally {
      db.close();
    }
  }

  const baseQuery: Record<string, Record<string, string>> = { '/api/ads': { justification: 'signal research' } };

  for (const route of ROUTES.filter((r) => r.method === 'GET' && keysOf(r.schemas.querystring).length > 0)) {
    it(`GET ${route.url}: every query parameter refuses or finds nothing for hostile values`, async () => {
      const before = snapshot();
      const session = sessions.get(roleFor(route))!;
      const wrong: string[] = [];
      const get = (query: URLSearchParams) => w.app.inject({ method: 'GET', url: `${route.url}?${query}`, headers: session.headers });
      const without = (await get(new URLSearchParams(baseQuery[route.url]))).json() as { total?: number };
      for (const key of keysOf(route.schemas.querystring)) {
        for (const payload of PAYLOADS) {
          const res = await get(new URLSearchParams({ ...baseQuery[route.url], [key]: payload }));
          const asWithout = BLANK.has(payload) && res.statusCode === 200 && (res.json() as { total?: number }).total === without.total;
          const ok = res.statusCode === 400 || res.statusCode === 404 || asWithout
            || (res.statusCode === 200 && (RECORDED_ONLY.has(key) || isEmpty(res.json())));
          if (!ok) wrong.push(`${key}=${JSON.stringify(payload.slice(0, 40))}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
        const twice = await w.app.inject({ method: 'GET', url: `${route.url}?${key}=a&${key}=b&justification=signal+research`, headers: session.headers });
        if (twice.statusCode !== 400) wrong.push(`${key} given twice: ${twice.statusCode}`);
      }
      assert.deepEqual(wrong, []);
      assert.equal(snapshot(), before, 'nothing stored may change');
    });
  }

  for (const route of ROUTES.filter((r) => keysOf(r.schemas.params).length > 0)) {
    it(`${route.method} ${route.url}: every path parameter refuses hostile values without a server error`, async () => {
      const before = snapshot();
      const session = sessions.get(roleFor(route))!;
      const wrong: string[] = [];
      for (const key of keysOf(route.schemas.params)) {
        for (const payload of [...PAYLOADS.filter((p) => p !== ''), '..', '.', '%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
          const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === key ? encodeURIComponent(payload) : exampleParam(w, name)));
          const res = await w.app.inject({ method: route.method, url, headers: session.headers, ...(route.schemas.body ? { payload: {} } : {}) });
          if (![400, 404].includes(res.statusCode)) wrong.push(`${key}=${JSON.stringify(payload.slice(0, 40))}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.equal(snapshot(), before, 'nothing stored may change');
    });
  }

  it('never serves a file outside the blob store through the artefact routes', async () => {
    const session = sessions.get('expert')!;
    const id = w.ads.mensenhandel[0];
    for (const url of [
      `/api/ads/${id}/images/..%2F..%2F..%2Fetc%2Fpasswd`, `/api/ads/../../../etc/passwd`, `/api/ads/${id}/../../../../etc/passwd`,
      `/api/ads/..%2F..%2Fbaken.db/html`, `/api/ads/${id}/images/0%2F..%2F..%2Fbaken.db`,
    ]) {
      const res = await w.app.inject({ method: 'GET', url, headers: session.headers });
      assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
      assert.doesNotMatch(res.body, /root:|SQLite format/);
    }
  });
});

function exampleParam(w: ApiWorld, name: string): string {
  if (name === 'id') return w.ads.mensenhandel[0];
  if (name === 'adId') return w.ads.mensenhandel[1];
  if (name === 'n') return '0';
  return 'x';
}
