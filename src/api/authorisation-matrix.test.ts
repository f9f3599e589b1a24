// The authorisation matrix, generated from the route table: every route × every role × a resource
// of the caller's own theme and of the other theme, and anonymous, each with its exact status.
// Expected: 401 anonymous; 403 when the role may never do the route's action; 404 when the resource
// lies in a theme the caller does not hold (or a police theme for a supervisor, or one the action does
// not exist for, such as a police theme's inspection lists or reference data, or a theme whose
// allow-list keeps nothing the route shows); the route's own refusal in a theme its feature does not
// exist in (search by photo where no pictures are stored); else success.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GRANTS, mayActOnKind, ROLES, type Role } from '../accounts/roles.ts';
import { openApiWorld, otherTheme, THEMES, userName, type ApiWorld, type Session, type ThemeId } from './api.fixtures.ts';
import { EXAMPLES, type Example, type Request } from './route-examples.fixtures.ts';
import type { RouteSpec } from './route-spec.ts';
import { ROUTES } from './route-table.ts';

const KIND: Record<ThemeId, string> = { mensenhandel: 'police', toezicht: 'municipal' };

function expected(route: RouteSpec, role: Role | null, userTheme: ThemeId, target: ThemeId, example: Example): number {
  if (route.access === 'public') return route.status;
  if (role === null) return 401;
  if (route.access === 'signed-in') return route.status;
  if (!GRANTS[role].has(route.access)) return 403;
  if (example.themed && (target !== userTheme || !mayActOnKind(role, route.access, KIND[target]))) return 404;
  if (example.missingIn === target) return 404;
  return example.refusedIn?.[target] ?? route.status;
}

describe('authorisation matrix', { timeout: 300_000 }, () => {
  let w: ApiWorld;
  const sessions = new Map<string, Session>();
  before(async () => {
    w = await openApiWorld();
    for (const role of ROLES) for (const theme of THEMES) sessions.set(userName(role, theme), await w.login(userName(role, theme)));
  });
  after(() => w?.close());

  it('has an example for every route in the route table, and no stale ones', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(keys.filter((k) => !EXAMPLES[k]), [], 'routes without a matrix example');
    assert.deepEqual(Object.keys(EXAMPLES).filter((k) => !keys.includes(k)), [], 'examples of routes that no longer exist');
  });

  for (const route of ROUTES) {
    const key = `${route.method} ${route.url}`;
    it(`${key} answers every role, theme and anonymous as the policy says`, async () => {
      const example = EXAMPLES[key];
      assert.ok(example, `no example for ${key}`);
      const wrong: string[] = [];
      const call = async (label: string, want: number, request: Request, headers: Record<string, string>) => {
        const res = await w.app.inject({ method: route.method, url: request.url, headers: { ...headers, ...request.headers }, ...(request.payload === undefined ? {} : { payload: request.payload as object }) });
        if (res.statusCode !== want) wrong.push(`${label}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      };
      for (const theme of THEMES) {
        await call(`anonymous, ${theme}`, expected(route, null, theme, theme, example), await example.build(w, theme, 'anonymous'), {});
      }
      for (const role of ROLES) {
        for (const userTheme of THEMES) {
          for (const target of [userTheme, otherTheme(userTheme)]) {
            const session = example.freshSession ? await w.login(userName(role, userTheme)) : sessions.get(userName(role, userTheme))!;
            const label = `${role} of ${userTheme}, resource of ${target}`;
            await call(label, expected(route, role, userTheme, target, example), await example.build(w, target, userName(role, userTheme)), session.headers);
          }
        }
      }
      assert.deepEqual(wrong, [], `${key}:\n  ${wrong.join('\n  ')}`);
    });
  }
});
