// The signed intake through each of its three systems (Order 25, paras 6-7; docs/requests-intake.md):
// the unified electronic document management system and "Қадағалау" carry bodies' requests signed
// by their heads, the e-government appeals channel carries a person's own signed application. Each
// registers the request under its own channel; a signature from outside the trusted roots, or over
// other bytes, registers nothing and is journaled with the system and the reason; without trusted
// roots the intake answers that it is not configured.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/usecase.js';
import { builtInStructuresDir, loadFormStructures } from '../statistics/index.js';
import { createTestPki, type TestPki, type TestSigner } from '../../../test/support/pki.js';
import { createTestApp, type TestContext } from '../../../test/support/test-app.js';

let t: TestContext;
let pki: TestPki;
let dir: string;
let minister: TestSigner;
let person: TestSigner;
let stranger: TestSigner;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-intake-pki-'));
  pki = await createTestPki({ at: new Date('2024-03-15T06:00:00Z') });
  const trust = await pki.writeTrust(dir);
  t = await createTestApp({ ...trust.env });
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  minister = await pki.issue({
    iin: '750101300123',
    bin: '990340000123',
    surname: 'ТЕСТОВ',
    givenName: 'ТЕСТ',
    organisation: 'Министерство внутренних дел Республики Казахстан',
    title: 'Министр внутренних дел',
    purpose: 'signing',
  });
  person = await pki.issue({ iin: '900101300123', surname: 'ИВАНОВ', givenName: 'ИВАН', purpose: 'signing' });
  stranger = await pki.issue({ iin: '850101300123', purpose: 'signing', issuer: 'untrusted' });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const bodyRequest = {
  applicant: {
    kind: 'state-body',
    name: 'Министерство внутренних дел',
    organisation: 'ministry-of-internal-affairs',
    address: 'Астана, Тәуелсіздік даңғылы, 1',
  },
  unit: 'crime',
  information: 'Тіркелген қылмыстар саны, 2022 жыл',
  period: '2022',
  indicators: [{ form: '1-М', section: 'R1', rows: ['1'], regions: ['00'] }],
  language: 'kk',
};
const personRequest = {
  ...bodyRequest,
  applicant: { kind: 'individual', name: 'Иванов Иван', address: 'Астана, Бейбітшілік к., 1' },
  language: 'ru',
};

const signedBy = (signer: TestSigner, request: object, reference: string) => {
  const document = Buffer.from(JSON.stringify(request), 'utf8');
  return {
    format: 'zanstat.signed-request.v1',
    reference,
    document: document.toString('base64'),
    signature: signer.signBase64(document, { detached: true }),
  };
};
const post = (system: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/intake/${system}/requests`, payload });
const journalOf = (objectId: string) =>
  t.db.selectFrom('journal').select(['action', 'summary']).where('object_id', '=', objectId).execute();

describe('the signed intake, system by system', () => {
  it.each([
    ['edms', 'unified-edms', 'body', 'EDMS-1'],
    ['kadagalau', 'kadagalau', 'body', 'KAD-1'],
    ['e-appeals', 'written-appeal', 'person', 'EOTINISH-1'],
  ] as const)('%s registers the request as channel %s', async (system, channel, who, reference) => {
    const signer = who === 'body' ? minister : person;
    const res = await post(system, signedBy(signer, who === 'body' ? bodyRequest : personRequest, reference));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as { number: string; request: { channel: string; applicant: { kind: string } } };
    expect(view.request.channel).toBe(channel);
    expect(res.headers.location).toBe(`/api/v1/staff/requests/${view.number}`);
    const [registered] = await journalOf(view.number);
    expect(registered).toMatchObject({
      action: 'requests.request.registered',
      summary: { signed: { system, reference } },
    });
  });

  it.each([
    ['edms', 'EDMS-2'],
    ['kadagalau', 'KAD-2'],
    ['e-appeals', 'EOTINISH-2'],
  ] as const)(
    '%s refuses a signature from outside the trusted roots and registers nothing',
    async (system, reference) => {
      const before = await t.db.selectFrom('requests').select('id').execute();
      const res = await post(system, signedBy(stranger, bodyRequest, reference));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ pointer: '/signature' });
      expect(await t.db.selectFrom('requests').select('id').execute()).toHaveLength(before.length);
      const [refused] = await journalOf(`${system}:${reference}`);
      expect(refused).toMatchObject({
        action: 'requests.intake.refused',
        summary: { reason: 'untrusted-chain' },
      });
    },
  );

  it('refuses a document of another format by its field', async () => {
    const res = await post('kadagalau', { ...signedBy(minister, bodyRequest, 'KAD-3'), format: 'other' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ pointer: '/body/format' });
  });
});

describe('without trusted roots', () => {
  let bare: TestContext;
  beforeAll(async () => {
    bare = await createTestApp();
  }, 120_000);
  afterAll(async () => bare?.close());

  it('answers that the signed intake is not configured, and registers nothing', async () => {
    const res = await bare.app.inject({
      method: 'POST',
      url: '/api/v1/intake/e-appeals/requests',
      payload: signedBy(person, personRequest, 'EOTINISH-9'),
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({ code: 'signed_intake_off' });
    expect(await bare.db.selectFrom('requests').select('id').execute()).toEqual([]);
  });
});
