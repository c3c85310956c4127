// Every documented route answers what its OpenAPI entry says. Over the real database, with the real
// figures that ship with zanstat (seed/official, the smallest form's) published and their open-data
// resources built, and the fixture form 1-П for the written requests: each route of the document
// is called once with an example below, and its answer is validated against the schema the
// document publishes for that status and media type. A documented route with no example fails the
// test by name, so that a route added later gets its example; the document has no `{}` schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/usecase.js';
import {
  builtInStructuresDir,
  loadFormStructures,
  loadShippedFigures,
  shippedFiguresDir,
} from '../../src/modules/statistics/index.js';
import { rebuildResources } from '../../src/modules/opendata/index.js';
import { fixtureR1, loadFixtureStructures, submitFixtureR1 } from '../support/fixture-figures.js';
import { stateBodyRequest } from '../support/request-bodies.js';
import {
  createTestApp,
  createUser,
  publishNow,
  publishShipped,
  signInAs,
  tokenFor,
  type TestContext,
} from '../support/test-app.js';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

let t: TestContext;
let doc: Doc;
const as: Record<string, Record<string, string>> = {};
const state: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  // the fixture form 1-П (in place of the shipped one) with published figures, for the requests
  await loadFixtureStructures(t);
  as.editor = await tokenFor(t, 'editor');
  await submitFixtureR1(t, as.editor, [
    ['2023-Q1', '10', 1],
    ['2024-Q1', '10', 2],
    ['2024-Q1', '11', 3],
  ]);
  await publishNow(t, '1-p', '2023-Q1');
  await publishNow(t, '1-p', '2024-Q1');
  // The real figures of the smallest shipped form (TMD-1, quarterly, by region), loaded and
  // published as a first start does, and the open datasets' resources built from them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-answers-'));
  fs.copyFileSync(path.join(shippedFiguresDir, 'tmd-1.csv.gz'), path.join(dir, 'tmd-1.csv.gz'));
  const loaded = await loadShippedFigures(t.deps, dir);
  expect(loaded.submissions).toBeGreaterThan(0);
  await publishShipped(t);
  await rebuildResources(t.deps);
  for (const role of ['admin', 'auditor'] as const) as[role] = await tokenFor(t, role);
  await createUser(t, 'answers-admin', 'admin');
  const session = await signInAs(t, 'answers-admin');
  as.session = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  doc = (await t.app.inject('/openapi.json')).json() as Doc;
}, 180_000);
afterAll(async () => t.close());

interface Example extends InjectOptions {
  /** the status the example gets (by default the first 2xx the route documents) */
  status?: number;
}
type Examples = Record<string, () => Example | Promise<Example>>;

const PERSONS = 'persons-prosecuted-for-sexual-offences-against-minors';

const requestBody = stateBodyRequest();

const transfers2027 = {
  year: 2027,
  status: 'decreed',
  decrees: [{ number: '999', year: 2026, issuer: 'Government (made up for a test)', title: 'О переносе' }],
  transfers: [{ workingDay: '2027-01-09', dayOff: '2027-01-08', decree: '999' }],
  source: 'test',
  confidence: 'high',
};

// In the order they run: a route that needs what another made comes after it.
const EXAMPLES: Examples = {
  'GET /healthz': () => ({ url: '/healthz' }),
  'GET /readyz': () => ({ url: '/readyz' }),
  'GET /metrics': () => ({ url: '/metrics' }),
  'POST /api/v1/session': () => ({
    method: 'POST',
    url: '/api/v1/session',
    payload: { login: 'answers-admin', password: 'correct horse battery staple' },
  }),
  'GET /api/v1/admin/users': () => ({ url: '/api/v1/admin/users', headers: as.admin }),
  'POST /api/v1/admin/users': () => ({
    method: 'POST',
    url: '/api/v1/admin/users',
    headers: as.admin,
    payload: {
      login: 'answers-editor',
      displayName: 'Editor',
      password: 'a long enough passphrase',
      role: 'editor',
      organisationId: 'committee',
    },
  }),
  'POST /api/v1/admin/users/{id}/unlock': async () => {
    // a login locked by failed sign-ins (as password-sign-in.db.test.ts locks one)
    const user = await createUser(t, 'answers-locked', 'editor');
    await t.db
      .insertInto('sign_in_lockouts')
      .values({ login: user.login, failures: 10, last_failed_at: t.clock.now(), locked_at: t.clock.now() })
      .execute();
    return { method: 'POST', url: `/api/v1/admin/users/${user.id}/unlock`, headers: as.admin };
  },
  'GET /api/v1/admin/tokens': () => ({ url: '/api/v1/admin/tokens', headers: as.admin }),
  'POST /api/v1/admin/tokens': () => ({
    method: 'POST',
    url: '/api/v1/admin/tokens',
    headers: as.admin,
    payload: { name: 'answers client', organisationId: 'committee', role: 'auditor' },
  }),
  'DELETE /api/v1/admin/tokens/{id}': async () => {
    const { id } = await tokenFor(t, 'auditor');
    return { method: 'DELETE', url: `/api/v1/admin/tokens/${id}`, headers: as.admin };
  },
  'GET /api/v1/staff/journal': () => ({ url: '/api/v1/staff/journal?limit=20', headers: as.auditor }),
  'GET /api/v1/staff/journal.csv': () => ({ url: '/api/v1/staff/journal.csv', headers: as.auditor }),
  'GET /api/v1/staff/journal/verification': () => ({
    url: '/api/v1/staff/journal/verification',
    headers: as.auditor,
  }),
  'GET /api/v1/acts': () => ({ url: '/api/v1/acts' }),
  'GET /api/v1/forms': () => ({ url: '/api/v1/forms' }),
  'GET /api/v1/datasets': () => ({ url: '/api/v1/datasets' }),
  'GET /api/v1/collections': () => ({ url: '/api/v1/collections' }),
  'GET /api/v1/channels': () => ({ url: '/api/v1/channels' }),
  'GET /api/v1/organisations': () => ({ url: '/api/v1/organisations' }),
  'GET /api/v1/regions': () => ({ url: '/api/v1/regions' }),
  'GET /api/v1/forms/{code}': () => ({ url: `/api/v1/forms/${encodeURIComponent('1-М')}` }),
  'GET /api/v1/datasets/{id}': async () => {
    const list = (await t.app.inject('/api/v1/datasets')).json() as { items: { id: string }[] };
    return { url: `/api/v1/datasets/${list.items[0]!.id}` };
  },
  'PUT /api/v1/admin/calendar/transfers/{year}': () => ({
    method: 'PUT',
    url: '/api/v1/admin/calendar/transfers/2027',
    headers: as.admin,
    payload: transfers2027,
  }),
  'GET /api/v1/obligations': () => ({ url: '/api/v1/obligations?from=2024-01-01&to=2024-03-31' }),
  'GET /api/v1/obligations.ics': () => ({ url: '/api/v1/obligations.ics?from=2024-01-01&to=2024-03-31' }),
  'GET /api/v1/calendar/{year}': () => ({ url: '/api/v1/calendar/2024' }),
  'POST /api/v1/submissions': () => ({
    method: 'POST',
    url: '/api/v1/submissions',
    headers: as.editor,
    payload: {
      form: '1-p',
      period: '2024-Q2',
      breakdown: '10',
      values: fixtureR1(),
    },
  }),
  'POST /api/v1/submissions/csv': () => ({
    method: 'POST',
    url: '/api/v1/submissions/csv?form=1-p&period=2024-Q2',
    headers: { ...as.editor, 'content-type': 'text/csv' },
    payload: [
      'section,row,graph,breakdown,value',
      ...fixtureR1().map((v) => `${v.section},${v.row},${v.graph},11,${v.value ?? ''}`),
    ].join('\n'),
  }),
  'GET /api/v1/submissions/template': () => ({
    url: '/api/v1/submissions/template?form=1-p&period=2024-Q2&breakdown=12',
    headers: as.editor,
  }),
  'POST /api/v1/submissions/xlsx': async () => {
    const template = await t.app.inject({
      url: '/api/v1/submissions/template?form=1-p&period=2024-Q2&breakdown=10',
      headers: as.editor,
    });
    return {
      method: 'POST',
      url: '/api/v1/submissions/xlsx?form=1-p&period=2024-Q2&breakdown=10&reason=the%20same%20again',
      headers: {
        ...as.editor,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: template.rawPayload,
    };
  },
  'GET /api/v1/staff/forms/{code}/tables/{period}': () => ({
    url: '/api/v1/staff/forms/1-p/tables/2024-Q2',
    headers: as.editor,
  }),
  'GET /api/v1/staff/forms/{code}/revisions/{period}': () => ({
    url: '/api/v1/staff/forms/1-p/revisions/2024-Q2',
    headers: as.editor,
  }),
  'GET /api/v1/forms/{code}/tables/{period}': () => ({ url: '/api/v1/forms/tmd-1/tables/2022-Q4' }),
  'GET /api/v1/forms/{code}/series': () => ({
    url: '/api/v1/forms/tmd-1/series?section=R1&row=1&graph=1&region=10&from=2022-Q1&to=2024-Q4',
  }),
  'GET /api/v1/forms/{code}/revisions/{period}': () => ({ url: '/api/v1/forms/tmd-1/revisions/2022-Q4' }),
  'GET /api/v1/releases': () => ({ url: '/api/v1/releases?from=2023-01-01&to=2024-12-31' }),
  'GET /api/v1/releases.ics': () => ({ url: '/api/v1/releases.ics?from=2023-01-01&to=2024-12-31' }),
  'GET /api/v1/staff/releases': () => ({
    url: '/api/v1/staff/releases?from=2024-01-01&to=2024-12-31',
    headers: as.editor,
  }),
  'POST /api/v1/staff/releases/announce': () => ({
    method: 'POST',
    url: '/api/v1/staff/releases/announce',
    headers: as.editor,
  }),
  'POST /api/v1/staff/releases/{code}/{period}/reschedule': () => ({
    method: 'POST',
    url: '/api/v1/staff/releases/1-p/2024-Q2/reschedule',
    headers: as.editor,
    payload: { date: '2024-07-30', reason: 'a test of the answer' },
  }),
  'POST /api/v1/staff/releases/{code}/{period}/approve': () => ({
    method: 'POST',
    url: '/api/v1/staff/releases/1-p/2024-Q2/approve',
    headers: as.editor,
    payload: { publishAt: '2024-03-16T05:00:00Z', incompleteReason: 'test figures: two regions' },
  }),
  'POST /api/v1/staff/releases/{code}/{period}/publish': () => ({
    method: 'POST',
    url: '/api/v1/staff/releases/1-p/2024-Q2/publish',
    headers: as.editor,
    payload: {},
  }),
  'POST /api/v1/staff/releases/{code}/{period}/revise': async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: as.editor,
      payload: {
        form: '1-p',
        period: '2024-Q2',
        breakdown: '10',
        values: fixtureR1(2),
        reason: 'the region corrected its figures',
      },
    });
    return {
      method: 'POST',
      url: '/api/v1/staff/releases/1-p/2024-Q2/revise',
      headers: as.editor,
      payload: { reason: 'a region came in late', incompleteReason: 'test figures' },
    };
  },
  'POST /api/v1/staff/requests/check': () => ({
    method: 'POST',
    url: '/api/v1/staff/requests/check',
    headers: as.editor,
    payload: requestBody,
  }),
  'POST /api/v1/staff/requests': () => ({
    method: 'POST',
    url: '/api/v1/staff/requests',
    headers: as.editor,
    payload: requestBody,
  }),
  'GET /api/v1/staff/requests': () => ({ url: '/api/v1/staff/requests', headers: as.editor }),
  'GET /api/v1/staff/requests/{number}': async () => ({
    url: `/api/v1/staff/requests/${await requestNumber()}`,
    headers: as.editor,
  }),
  'POST /api/v1/staff/requests/{number}/correct': async () => ({
    method: 'POST',
    url: `/api/v1/staff/requests/${await requestNumber()}/correct`,
    headers: as.editor,
    payload: { period: '2024-Q1', reason: 'the period confirmed by letter' },
  }),
  'POST /api/v1/staff/requests/{number}/extend': async () => ({
    method: 'POST',
    url: `/api/v1/staff/requests/${await requestNumber()}/extend`,
    headers: as.editor,
    payload: { until: '2024-04-30', reason: 'other bodies are asked' },
  }),
  'POST /api/v1/staff/requests/{number}/close': async () => ({
    method: 'POST',
    url: `/api/v1/staff/requests/${await requestNumber()}/close`,
    headers: as.editor,
    payload: { note: 'answered' },
  }),
  // a request of its own for the letters (the one above is closed by now)
  'POST /api/v1/staff/requests/{number}/letters': async () => ({
    method: 'POST',
    url: `/api/v1/staff/requests/${(await letterRequest()).number}/letters`,
    headers: as.editor,
    payload: { lang: 'kk' },
  }),
  'GET /api/v1/staff/requests/{number}/letters': async () => ({
    url: `/api/v1/staff/requests/${(await letterRequest()).number}/letters`,
    headers: as.editor,
  }),
  'GET /api/v1/staff/requests/{number}/letters/{version}/{file}': async () => ({
    url: `/api/v1/staff/requests/${(await letterRequest()).number}/letters/1/payload.json`,
    headers: as.editor,
  }),
  'POST /api/v1/staff/requests/{number}/letters/{version}/approve': async () => ({
    method: 'POST',
    url: `/api/v1/staff/requests/${(await letterRequest()).number}/letters/1/approve`,
    headers: as.editor,
  }),
  'POST /api/v1/requests/status': async () => {
    const { number, statusCode } = await letterRequest();
    return { method: 'POST', url: '/api/v1/requests/status', payload: { number, code: statusCode } };
  },
  // a signed request needs the trust configuration and a test PKI: the intake's tests sign them
  'POST /api/v1/intake/edms/requests': () => ({
    method: 'POST',
    url: '/api/v1/intake/edms/requests',
    payload: {},
    status: 422,
  }),
  'POST /api/v1/intake/kadagalau/requests': () => ({
    method: 'POST',
    url: '/api/v1/intake/kadagalau/requests',
    payload: {},
    status: 422,
  }),
  'POST /api/v1/intake/e-appeals/requests': () => ({
    method: 'POST',
    url: '/api/v1/intake/e-appeals/requests',
    payload: {},
    status: 422,
  }),
  'GET /api/v1/datasets/deadlines': () => ({ url: '/api/v1/datasets/deadlines' }),
  'POST /api/v1/staff/registers/persons-prosecuted-for-sexual-offences-against-minors/entries': () => ({
    method: 'POST',
    url: `/api/v1/staff/registers/${PERSONS}/entries`,
    headers: as.editor,
    payload: {
      fullName: 'Тестов Пример Примерович',
      birthYear: 1970,
      criminalCodeArticles: '122',
      judgmentInForceOn: '2023-01-10',
      court: 'Test court',
      decision: { kind: 'judgment', reference: 'T-1/2023', date: '2022-12-20' },
    },
  }),
  'GET /api/v1/registers/persons-prosecuted-for-sexual-offences-against-minors/search': () => ({
    url: `/api/v1/registers/${PERSONS}/search?fullName=${encodeURIComponent('Тестов Пример Примерович')}`,
  }),
  'POST /api/v1/staff/registers/persons-prosecuted-for-sexual-offences-against-minors/entries/{entry}/removal':
    async () => {
      const found = (
        await t.app.inject({
          url: `/api/v1/registers/${PERSONS}/search?fullName=${encodeURIComponent('Тестов Пример Примерович')}`,
        })
      ).json() as { found: { id: number }[] };
      return {
        method: 'POST',
        url: `/api/v1/staff/registers/${PERSONS}/entries/${found.found[0]!.id}/removal`,
        headers: as.editor,
        payload: { decision: { kind: 'appeal ruling', reference: 'A-7/2024', date: '2024-02-01' } },
      };
    },
  'GET /api/v1/registers': () => ({ url: '/api/v1/registers' }),
  'POST /api/v1/staff/registers/{id}/imports': () => ({
    method: 'POST',
    url: '/api/v1/staff/registers/terrorist-organisations/imports?validFrom=2024-03-01',
    headers: { ...as.editor, 'content-type': 'text/csv' },
    payload: fs.readFileSync('seed/registers/terrorist_organizations.csv'),
  }),
  'GET /api/v1/registers/{id}': () => ({ url: '/api/v1/registers/terrorist-organisations' }),
  'GET /api/v1/registers/{id}/entries/{seq}': () => ({
    url: '/api/v1/registers/terrorist-organisations/entries/1',
  }),
  'GET /api/3/action/{action}': () => ({ url: '/api/3/action/package_list' }),
  'POST /api/3/action/{action}': () => ({
    method: 'POST',
    url: '/api/3/action/package_search',
    payload: { q: 'statistics', rows: 2 },
  }),
  'GET /api/action/{action}': () => ({ url: '/api/action/site_read' }),
  'POST /api/action/{action}': () => ({ method: 'POST', url: '/api/action/license_list', payload: {} }),
  'GET /api/3': () => ({ url: '/api/3' }),
  'GET /dataset/{dataset}/resource/{id}/download/{file}': async () => ({ url: await resourceUrl('csv') }),
  'GET /datastore/dump/{id}': async () => ({
    url: `/datastore/dump/${(await resourceOf((r) => r.datastore_active === true)).id}`,
  }),
  'GET /catalog.jsonld': () => ({ url: '/catalog.jsonld' }),
  'GET /catalog.ttl': () => ({ url: '/catalog.ttl' }),
  'GET /catalog.rdf': () => ({ url: '/catalog.rdf' }),
  'GET /api/v1/staff/outbox': () => ({ url: '/api/v1/staff/outbox', headers: as.editor }),
  'GET /api/v1/staff/collections': () => ({ url: '/api/v1/staff/collections', headers: as.editor }),
  'POST /api/v1/staff/collections/{collection}/{quarter}/build': async () => {
    const list = (await t.app.inject({ url: '/api/v1/staff/collections', headers: as.editor })).json() as {
      collections: { collection: string; quarter: string }[];
    };
    const c = list.collections[0]!;
    return {
      method: 'POST',
      url: `/api/v1/staff/collections/${c.collection}/${c.quarter}/build`,
      headers: as.editor,
      payload: {},
      // its forms are not all published: the collections tests build one
      status: 409,
    };
  },
  'GET /api/v1/staff/collections/recipients': () => ({
    url: '/api/v1/staff/collections/recipients',
    headers: as.editor,
  }),
  'POST /api/v1/staff/collections/recipients/{placeholder}/resolutions': () => ({
    method: 'POST',
    url: '/api/v1/staff/collections/recipients/appendix1-unresolved-p1/resolutions',
    headers: as.admin,
    payload: {
      organisation: 'prosecutor-general-office',
      validFrom: '2023-01-11',
      source: 'a letter of the Committee naming the body of the cell',
    },
  }),
  'POST /api/v1/staff/outbox/{id}/resend': () => ({
    method: 'POST',
    url: '/api/v1/staff/outbox/999999/resend',
    headers: as.editor,
    payload: { reason: 'no such delivery' },
    status: 404,
  }),
  'GET /api/v1/recipient/copies': async () => ({
    url: '/api/v1/recipient/copies',
    headers: await tokenFor(t, 'recipient', 'mazhilis'),
  }),
  'GET /api/v1/recipient/copies/{id}/documents/{name}': async () => ({
    url: '/api/v1/recipient/copies/999999/documents/summary.pdf',
    headers: await tokenFor(t, 'recipient', 'mazhilis'),
    status: 404,
  }),
  'POST /api/v1/outbox/receipts': () => ({
    method: 'POST',
    url: '/api/v1/outbox/receipts',
    headers: { 'x-zanstat-timestamp': '1700000000', 'x-zanstat-signature': 'v1=00' },
    payload: { key: 'no-such-delivery' },
    status: 401,
  }),
  'POST /api/v1/session/challenge': () => ({ method: 'POST', url: '/api/v1/session/challenge' }),
  // no trusted roots are configured here: the sign-in's own tests sign with a test PKI
  'POST /api/v1/session/certificate': () => ({
    method: 'POST',
    url: '/api/v1/session/certificate',
    payload: { cms: 'MIIB' },
    status: 503,
  }),
  'DELETE /api/v1/session': () => ({ method: 'DELETE', url: '/api/v1/session', headers: as.session }),
};

let letterRequestMade: { number: string; statusCode: string } | undefined;
async function letterRequest(): Promise<{ number: string; statusCode: string }> {
  if (letterRequestMade) return letterRequestMade;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/requests',
    headers: as.editor,
    payload: requestBody,
  });
  expect(res.statusCode, res.body).toBe(201);
  letterRequestMade = res.json() as { number: string; statusCode: string };
  return letterRequestMade;
}

async function requestNumber(): Promise<string> {
  if (state.request) return state.request;
  const list = (await t.app.inject({ url: '/api/v1/staff/requests', headers: as.editor })).json() as {
    requests: { number: string }[];
  };
  state.request = list.requests[0]!.number;
  return state.request;
}

type Resource = { id: string; url: string; format: string; datastore_active?: boolean };
async function resourceOf(pick: (r: Resource) => boolean): Promise<Resource> {
  const res = await t.app.inject('/api/3/action/current_package_list_with_resources?limit=100');
  const packages = (res.json() as { result: { resources: Resource[] }[] }).result;
  const found = packages.flatMap((p) => p.resources).find(pick);
  if (!found) throw new Error('no such resource was built');
  return found;
}
async function resourceUrl(format: string): Promise<string> {
  const r = await resourceOf((x) => x.format.toLowerCase() === format && x.url.includes('/download/'));
  return new URL(r.url).pathname;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SCHEMA_ONE = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else'];

/** Each `{}` in a schema (a schema that allows anything and says nothing), by where it is. */
function emptySchemas(schema: unknown, where: string, out: string[]): string[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return out;
  const s = schema as Record<string, unknown>;
  if (Object.keys(s).length === 0) out.push(where);
  for (const k of SCHEMA_MAPS)
    for (const [name, v] of Object.entries((s[k] as Record<string, unknown> | undefined) ?? {}))
      emptySchemas(v, `${where}/${k}/${name}`, out);
  for (const k of SCHEMA_LISTS)
    ((s[k] as unknown[] | undefined) ?? []).forEach((v, i) => emptySchemas(v, `${where}/${k}/${i}`, out));
  for (const k of SCHEMA_ONE) emptySchemas(s[k], `${where}/${k}`, out);
  return out;
}

describe('the answers of the API', () => {
  it('has an example here for every documented route, and no {} among its response schemas', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(
      documented.filter((r) => !(r in EXAMPLES)),
      'documented routes with no example in test/http/answers.db.test.ts',
    ).toEqual([]);
    expect(
      Object.keys(EXAMPLES).filter((r) => !documented.includes(r)),
      'examples of no route',
    ).toEqual([]);
    const empty: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(ops))
        for (const [status, r] of Object.entries(op.responses))
          for (const [type, c] of Object.entries(r.content ?? {}))
            emptySchemas(c.schema, `${m.toUpperCase()} ${p} ${status} ${type}`, empty);
    expect(empty, 'response schemas that say nothing ({})').toEqual([]);
  });

  it('answers every documented route as its published schema says', { timeout: 240_000 }, async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const failures: string[] = [];
    for (const [route, make] of Object.entries(EXAMPLES)) {
      const [method, p] = route.split(' ') as [string, string];
      const op = doc.paths[p]?.[method.toLowerCase()];
      if (!op) continue; // named by the test above
      const example = await make();
      const res = await t.app.inject({ method: method as 'GET', ...example });
      const want = example.status ?? Number(Object.keys(op.responses).find((s) => s.startsWith('2')));
      if (res.statusCode !== want) {
        failures.push(`${route}: ${res.statusCode}, not ${want}: ${res.body.slice(0, 300)}`);
        continue;
      }
      const documented = op.responses[String(res.statusCode)];
      if (!documented) {
        failures.push(`${route}: ${res.statusCode} is not documented`);
        continue;
      }
      if (!documented.content) {
        if (res.body !== '') failures.push(`${route}: a body where the document says none`);
        continue;
      }
      const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
      // a problem is documented under the route's media type (application/json by default)
      const media =
        type in documented.content
          ? type
          : type === 'application/problem+json'
            ? Object.keys(documented.content)[0]!
            : null;
      if (!media) {
        failures.push(`${route}: answered ${type}, documented ${Object.keys(documented.content).join(', ')}`);
        continue;
      }
      const ref = `openapi.json#/${pointer('paths', p, method.toLowerCase(), 'responses', String(res.statusCode), 'content', media, 'schema')}`;
      const schema = documented.content[media]!.schema as { type?: string; format?: string };
      if (schema.format === 'binary') {
        if (res.rawPayload.length === 0) failures.push(`${route}: an empty file`);
        continue;
      }
      const body: unknown = /json/.test(type) ? res.json() : res.body;
      const validate = ajv.compile({ $ref: ref });
      if (!validate(body))
        failures.push(
          `${route} ${res.statusCode} ${media}: ${ajv.errorsText(validate.errors?.slice(0, 5), { separator: '; ' })}`,
        );
    }
    expect(failures).toEqual([]);
  });
});

describe('a series of the republic', () => {
  it('is refused with a problem that says the republic is derived, not stored', async () => {
    const res = await t.app.inject(
      '/api/v1/forms/tmd-1/series?section=R1&row=1&graph=1&region=00&from=2022-Q1&to=2024-Q4',
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { code: string; detail: string; errors: { pointer: string }[] };
    expect(problem.code).toBe('derived_series');
    expect(problem.detail).toMatch(/derived from the regions/);
    expect(problem.errors[0]!.pointer).toBe('/query/region');
  });
});
