// 3,000 malformed requests generated over the OpenAPI document from a fixed seed: wrong types,
// missing fields, over-long strings and path parameters, bad JSON, wrong content types, bad
// percent-encoding, unknown methods, huge headers, broken multipart. None may answer 5xx; every
// refusal under /api/v1 is problem+json with the request's id and quotes nothing of the input;
// CKAN's Action API keeps its own envelope (which, as CKAN's does, names the action asked for).
// A field's name is named in a refusal only when it could be one of the API's (a plain word):
// the mark below is not one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPki } from '../support/pki.js';
import { createTestApp, tokenFor, type TestContext } from '../support/test-app.js';

const COUNT = 3000;
const SEED = 15;
const MARK = 'Zq7~Echo';

let t: TestContext;
let dir: string;
const bearers: (string | null)[] = [null];
beforeAll(async () => {
  // the signed intake and certificate sign-in configured, so that their own checks are reached
  dir = await mkdtemp(join(tmpdir(), 'zanstat-sweep-'));
  const pki = await createTestPki({ at: new Date('2024-03-15T06:00:00Z') });
  t = await createTestApp((await pki.writeTrust(dir)).env);
  for (const role of ['admin', 'editor', 'subject', 'recipient'] as const)
    bearers.push((await tokenFor(t, role)).authorization);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

/** mulberry32: the same requests on every run. */
function randomOf(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

function operations(): Operation[] {
  const doc = t.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** A value the schema accepts, roughly: what a mutation then breaks. */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 4) return 'a';
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt[0], depth + 1);
  const type = [s.type ?? 'string'].flat()[0];
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of s.required ?? Object.keys(s.properties ?? {}))
      out[k] = sample(s.properties?.[k], depth + 1);
    return out;
  }
  if (type === 'array') return [sample(s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return 'a';
}

const wrongValues = [
  `${MARK}`,
  12345,
  -1,
  1e308,
  true,
  null,
  [MARK],
  { [MARK]: MARK },
  `${MARK}${'x'.repeat(20_000)}`,
  '',
  `${MARK}\u0000`,
  `${MARK}'); DROP TABLE users; --`,
];

/** Breaks one field of a body: a wrong type, a missing field, an over-long string. */
function mutate(value: unknown, r: ReturnType<typeof randomOf>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || r.next() < 0.25)
    return r.pick(wrongValues);
  const obj = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(obj);
  if (!keys.length || r.next() < 0.2) return { ...obj, [MARK]: MARK };
  const key = r.pick(keys);
  if (r.next() < 0.3) delete obj[key];
  else obj[key] = mutate(obj[key], r);
  return obj;
}

const fillPath = (path: string, value: (name: string) => string) =>
  path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));

const kinds = [
  'wrong-body',
  'wrong-body',
  'wrong-query',
  'long-path',
  'bad-json',
  'wrong-content-type',
  'bad-encoding',
  'unknown-method',
  'huge-header',
  'bad-multipart',
] as const;

interface Built {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

function build(op: Operation, kind: (typeof kinds)[number], r: ReturnType<typeof randomOf>): Built {
  const query = op.parameters.filter((p) => p.in === 'query');
  let url = fillPath(op.path, () => 'a1');
  const headers: Record<string, string> = {};
  let method = op.method;
  let payload: string | Buffer | undefined;
  switch (kind) {
    case 'wrong-body':
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(mutate(sample(op.body ?? { type: 'object' }), r));
      break;
    case 'wrong-query': {
      const params = new URLSearchParams();
      for (const p of query) if (r.next() < 0.7) params.append(p.name, String(r.pick(wrongValues)));
      params.append(
        r.next() < 0.5 ? MARK : (query[0]?.name ?? MARK),
        `${MARK}${'q'.repeat(r.next() * 5000)}`,
      );
      url += `?${params.toString()}`;
      break;
    }
    case 'long-path':
      url = fillPath(op.path, () => `${MARK}${'p'.repeat(100 + Math.floor(r.next() * 2000))}`);
      if (!op.path.includes('{')) url += `/${MARK}${'p'.repeat(1000)}`;
      break;
    case 'bad-json':
      headers['content-type'] = r.pick(['application/json', 'application/json; charset=utf-8']);
      payload = r.pick([
        `{"${MARK}": `,
        `[${MARK}]`,
        `{"a":1}${MARK}`,
        '\u0000',
        `"${MARK}`,
        '{"a":{"a":{"a":',
      ]);
      method = op.method === 'GET' ? 'POST' : op.method;
      break;
    case 'wrong-content-type':
      headers['content-type'] = r.pick([
        'text/plain',
        'application/xml',
        `application/${MARK}`,
        'application/x-www-form-urlencoded',
        'image/png',
        'multipart/form-data',
      ]);
      payload = `${MARK}=${MARK}&<${MARK}/>`;
      method = op.method === 'GET' ? 'POST' : op.method;
      break;
    case 'bad-encoding':
      url = r.next() < 0.5 ? fillPath(op.path, () => `%E0%A4%A${MARK}`) : `${url}?q=%${MARK}%zz&%%`;
      if (!op.path.includes('{') && url.indexOf('?') < 0) url += '/%C0%AF%';
      break;
    case 'unknown-method':
      method = r.pick(['PATCH', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PROPFIND', 'SEARCH']);
      break;
    case 'huge-header':
      headers[r.pick(['x-filler', 'accept-language', 'cookie', 'x-request-id', 'user-agent'])] =
        `${MARK}${'h'.repeat(8000 + Math.floor(r.next() * 50_000))}`;
      break;
    case 'bad-multipart':
      headers['content-type'] = r.pick([
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        `multipart/form-data; boundary=${'b'.repeat(100)}`,
      ]);
      payload = r.pick([
        `--x\r\n${MARK}`,
        `--x\r\nContent-Disposition: form-data; name="${MARK}"\r\n\r\n${MARK}`,
        `--x\r\nContent-Disposition: form-data; name="file"; filename="${MARK}.csv"\r\n\r\n${MARK}\r\n--x--`,
        '--x--',
      ]);
      method = 'POST';
      break;
  }
  return { method, url, headers, payload };
}

it(`${COUNT} malformed requests over the OpenAPI: no 5xx, problems under /api/v1 that quote nothing`, async () => {
  const r = randomOf(SEED);
  const ops = operations();
  const failures: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const op = r.pick(ops);
    const kind = r.pick(kinds);
    const req = build(op, kind, r);
    const bearer = r.pick(bearers);
    if (bearer && kind !== 'huge-header') req.headers.authorization = bearer;
    const res = await t.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: req.headers,
      payload: req.payload,
    });
    const what = `#${i} ${kind} ${req.method} ${op.path} → ${res.statusCode}`;
    if (res.statusCode >= 500) failures.push(`${what}: ${res.body.slice(0, 200)}`);
    if (res.statusCode < 400) continue;
    const type = String(res.headers['content-type'] ?? '');
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/3') || path.startsWith('/api/action')) {
      // CKAN's envelope: {success: false, error: …}
      if (type.startsWith('application/json')) {
        const body = JSON.parse(res.body) as { success?: boolean };
        if (body.success !== false) failures.push(`${what}: not CKAN's envelope`);
      } else if (!type.startsWith('application/problem+json')) failures.push(`${what}: ${type}`);
    } else if (path.startsWith('/api/v1')) {
      if (!type.startsWith('application/problem+json')) {
        failures.push(`${what}: ${type}`);
        continue;
      }
      const body = JSON.parse(res.body) as { requestId?: string; status?: number };
      if (!body.requestId || body.requestId !== res.headers['x-request-id'])
        failures.push(`${what}: no request id`);
      if (body.status !== res.statusCode) failures.push(`${what}: status ${body.status}`);
    }
    if (res.body.includes(MARK) && !path.startsWith('/api/3') && !path.startsWith('/api/action'))
      failures.push(`${what}: echoes the input: ${res.body.slice(0, 300)}`);
  }
  expect(failures.slice(0, 40), `${failures.length} failures`).toEqual([]);
}, 600_000);
