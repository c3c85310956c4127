// A request from arrival to answer (Order 25, paras 4-9), with real parts only: a request signed by
// a ministry's head with a certificate of a test PKI (root, issuing CA, CRL written as the trust
// configuration) arrives through the document-system API, is verified and accepted, answered with
// a table cut from the published 1-М of 2022 (the shipped official figures), its letter's PDF read
// back by pdftotext (Kazakh included), approved, delivered through the outbox to a real local
// receiver, and every step is in the journal. A bad signature registers nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outboxSettings, sendDueDeliveries } from '../../src/modules/outbox/index.js';
import {
  builtInStructuresDir,
  loadFormStructures,
  loadShippedFigures,
} from '../../src/modules/statistics/index.js';
import { systemActor } from '../../src/platform/usecase.js';
import { pdfText } from '../support/pdf-text.js';
import { createTestPki, type TestPki } from '../support/pki.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { createTestApp, publishShipped, tokenFor, type TestContext } from '../support/test-app.js';

const SECRET = 'e2e-requests-secret';
let t: TestContext;
let pki: TestPki;
let edms: Receiver;
let dir: string;
let editor: Record<string, string>;

beforeAll(async () => {
  edms = await startReceiver(SECRET);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-e2e-pki-'));
  pki = await createTestPki({ at: new Date('2024-03-15T06:00:00Z') });
  const trust = await pki.writeTrust(dir);
  t = await createTestApp({
    ...trust.env,
    OUTBOX_EDMS_URL: `${edms.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    OUTBOX_ROUTES: 'unified-edms=edms',
  });
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  await loadShippedFigures(t.deps);
  await publishShipped(t);
  editor = await tokenFor(t, 'editor');
}, 240_000);
afterAll(async () => {
  await t?.close();
  await edms?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

// 1-М's crimes registered (R1 row 1), the republic, 2022 and 2023: 2023 is not published, so the
// request is not for published figures only (para 7) — it is accepted and answered in part.
const request = {
  applicant: {
    kind: 'state-body',
    name: 'Қазақстан Республикасы Ішкі істер министрлігі',
    organisation: 'ministry-of-internal-affairs',
    address: 'Астана, Тәуелсіздік даңғылы, 1',
  },
  unit: 'crime',
  information: '2022–2023 жылдары тіркелген қылмыстар саны',
  period: '2022..2023',
  indicators: [{ form: '1-М', section: 'R1', rows: ['1'], regions: ['00'] }],
  language: 'kk',
};

it('takes a signed request through the document-system API to a delivered answer, every step journaled', async () => {
  const minister = await pki.issue({
    iin: '750101300123',
    bin: '990340000123',
    surname: 'ТЕСТОВ',
    givenName: 'ТЕСТ',
    organisation: 'Министерство внутренних дел Республики Казахстан',
    title: 'Министр внутренних дел',
    purpose: 'signing',
  });
  const document = Buffer.from(JSON.stringify(request), 'utf8');
  const signed = {
    format: 'zanstat.signed-request.v1',
    reference: 'EDMS-2024-77',
    document: document.toString('base64'),
    signature: minister.signBase64(document, { detached: true }),
  };

  // A signature over other bytes is refused, journaled, and registers nothing.
  const tampered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/intake/edms/requests',
    payload: {
      ...signed,
      document: Buffer.from(JSON.stringify({ ...request, period: '2021' })).toString('base64'),
    },
  });
  expect(tampered.statusCode, tampered.body).toBe(422);
  expect(tampered.json().errors[0]).toMatchObject({ pointer: '/signature' });
  expect(await t.db.selectFrom('requests').select('id').execute()).toEqual([]);

  const arrived = await t.app.inject({
    method: 'POST',
    url: '/api/v1/intake/edms/requests',
    payload: signed,
  });
  expect(arrived.statusCode, arrived.body).toBe(201);
  const view = arrived.json() as {
    number: string;
    outcome: string;
    request: { channel: string; signatory: { role: string; position: string } };
    decision: { answer: { kind: string } };
  };
  expect(view.outcome).toBe('accepted');
  expect(view.request.channel).toBe('unified-edms');
  expect(view.request.signatory).toMatchObject({ role: 'head', position: 'Министр внутренних дел' });
  expect(view.decision.answer.kind).toBe('partial');
  const { number } = view;

  const drafted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/requests/${number}/letters`,
    headers: editor,
    payload: {},
  });
  expect(drafted.statusCode, drafted.body).toBe(201);
  expect(drafted.json().tables).toMatchObject([{ form: '1-М', section: 'R1', period: '2022-12' }]);
  const pdf = (
    await t.app.inject({ url: `/api/v1/staff/requests/${number}/letters/1/letter.pdf`, headers: editor })
  ).rawPayload;
  const text = pdfText(pdf);
  expect(text).toContain('Сұрау салуға жауап');
  expect(text).toContain('Қазақстан Республикасы Ішкі істер министрлігі');
  expect(text).toContain('есеп әлі жарияланбаған'); // 2023: not published (para 5)
  // The figure is the published table's: 1-М R1 row 1 graph 2, the republic, 2022 (155 200).
  const published = (await t.app.inject('/api/v1/forms/1-m/tables/2022-12?section=R1&region=00')).json() as {
    columns: { breakdown: string; values: Record<string, number[]> }[];
  };
  expect(published.columns.find((c) => c.breakdown === '00')!.values['1']![1]).toBe(155_200);
  expect(text.replace(/\s/g, '')).toContain('155200');

  const approved = await t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/requests/${number}/letters/1/approve`,
    headers: editor,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  await sendDueDeliveries(t.deps, outboxSettings(t.config), { random: () => 0.5, limit: 10 });
  const key = `request-reply-${number}-v1`;
  const got = edms.accepted.get(key)!;
  expect(got.signatureValid).toBe(true);
  expect(Buffer.from(got.body.documents[0]!.content, 'base64')).toEqual(pdf);
  const payload = JSON.parse(Buffer.from(got.body.documents[1]!.content, 'base64').toString('utf8')) as {
    format: string;
    tables: { columns: { values: Record<string, number[]> }[] }[];
  };
  expect(payload.format).toBe('zanstat.request-reply.v1');
  expect(payload.tables[0]!.columns[0]!.values['1']![1]).toBe(155_200);

  const journal = await t.db
    .selectFrom('journal')
    .select(['action', 'summary'])
    .where('object_id', 'in', [number, key, 'edms:EDMS-2024-77'])
    .orderBy('seq')
    .execute();
  expect(journal.map((j) => j.action)).toEqual([
    'requests.intake.refused',
    'requests.request.registered',
    'requests.letter.drafted',
    'outbox.delivery.enqueued',
    'requests.letter.approved',
    'outbox.delivery.delivered',
  ]);
  expect(journal[0]!.summary).toMatchObject({ reason: 'bad-signature' });
  expect(journal[1]!.summary).toMatchObject({
    signed: {
      system: 'edms',
      reference: 'EDMS-2024-77',
      signer: { iin: '750101300123', position: 'Министр внутренних дел' },
    },
  });
});
