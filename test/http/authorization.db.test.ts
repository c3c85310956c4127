// The route × role matrix, tried on every route: each route of the OpenAPI document is called
// with no credentials and as a signed-in person of every role; the answer must agree with
// src/authorization.ts (allowed → neither 401 nor 403; forbidden → 401 anonymous, 403 a wrong
// role). A route of the OpenAPI document that the matrix does not name fails by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeMatrix } from '../../src/authorization.js';
import { mayCall, type RouteAccess } from '../../src/platform/http/index.js';
import { anonymousActor, roles, type Actor, type Role } from '../../src/platform/usecase.js';
import { createTestApp, createUser, signInAs, type TestContext } from '../support/test-app.js';

let t: TestContext;
type Credentials = { cookie: string; csrf: string };
const sessions = new Map<Role, Credentials>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) {
    await createUser(t, `matrix-${role}`, role);
    sessions.set(role, await signInAs(t, `matrix-${role}`));
  }
}, 120_000);
afterAll(async () => t?.close());

/** Every operation of the OpenAPI document, as `METHOD /path/{param}`. */
function openApiRoutes(): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

// a value for every path parameter: well-formed where the route checks the form, so that an
// allowed caller reaches the route's own answer (a 404 for what does not exist)
const paramValues: Record<string, string> = {
  year: '2024',
  period: '2024-01',
  quarter: '2024-Q1',
  code: '1-П',
  number: '1',
  version: '1',
  seq: '1',
};
const fill = (path: string) =>
  path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(paramValues[name] ?? 'unknown'));

const person = (role: Role): Actor => ({
  kind: 'user',
  id: 'x',
  name: role,
  role,
  organisationId: 'committee',
});

async function call(route: string, role: Role | null) {
  const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
  const headers: Record<string, string> = {};
  if (role) {
    // signing out ends the session: that call gets a session of its own
    const own =
      route === 'DELETE /api/v1/session' ? await signInAs(t, `matrix-${role}`) : sessions.get(role)!;
    headers.cookie = own.cookie;
    headers['x-csrf-token'] = own.csrf;
  }
  return t.app.inject({ method, url: fill(path), headers });
}

describe('the route × role matrix', () => {
  it('names every route of the OpenAPI document, and nothing else', () => {
    const routes = openApiRoutes();
    expect(routes.length).toBeGreaterThan(80);
    const missing = routes.filter((r) => !(r in routeMatrix));
    expect(missing, 'routes of the OpenAPI document missing from src/authorization.ts').toEqual([]);
    const stale = Object.keys(routeMatrix).filter((r) => !routes.includes(r));
    expect(stale, 'routes of src/authorization.ts that the OpenAPI document does not have').toEqual([]);
  });

  it('every route answers every role and no role as the matrix says', async () => {
    const wrong: string[] = [];
    for (const route of openApiRoutes()) {
      const access = routeMatrix[route as keyof typeof routeMatrix] as RouteAccess | undefined;
      if (access === undefined) {
        wrong.push(`${route}: not in the matrix`);
        continue;
      }
      for (const role of [null, ...roles]) {
        const res = await call(route, role);
        const allowed = mayCall(access, role ? person(role) : anonymousActor);
        const expected = allowed ? 'neither 401 nor 403' : role ? '403' : '401';
        const ok = allowed
          ? res.statusCode !== 401 && res.statusCode !== 403
          : res.statusCode === (role ? 403 : 401);
        if (!ok) wrong.push(`${route} as ${role ?? 'anonymous'}: ${res.statusCode}, expected ${expected}`);
        expect(res.statusCode, `${route} as ${role ?? 'anonymous'}`).toBeLessThan(500);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
