// Reply letters over the real database and HTTP: the answer's tables cut from the published ones
// (official-use figures only to a body with the right, the letter saying what was withheld and
// why), letters for the other outcomes citing the ground and clause, versions, approval enqueuing
// the reply into the outbox in the same transaction, delivered to a real local receiver, and the
// applicant's status by number and code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import type { TestContext } from '../../../test/support/test-app.js';
import { outboxSettings, sendDueDeliveries } from '../outbox/index.js';
import { stateBodyRequest } from '../../../test/support/request-bodies.js';

const SECRET = 'letters-test-secret';
let t: TestContext;
let editor: Record<string, string>;
let edms: Receiver;

beforeAll(async () => {
  edms = await startReceiver(SECRET);
  ({ t, editor } = await appWithPublishedFixture({
    OUTBOX_EDMS_URL: `${edms.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    OUTBOX_ROUTES: 'unified-edms=edms',
  }));
});
afterAll(async () => {
  await t.close();
  await edms.close();
});

const stateBody = (over: Record<string, unknown> = {}) =>
  stateBodyRequest({
    signatory: { role: 'head', position: 'министр' },
    information: 'Количество проверок, в том числе по линии национальной безопасности',
    indicators: [{ form: '1-p', section: 'R1', rows: ['1', '4'], regions: ['10'] }],
    language: 'ru',
    ...over,
  });
const individual = (over: Record<string, unknown> = {}) =>
  stateBody({
    channel: 'written-appeal',
    applicant: { kind: 'individual', name: 'Иванов И. И.', address: 'Астана, ул. Бейбітшілік, 1' },
    signatory: undefined,
    ...over,
  });

async function register(payload: object): Promise<{ number: string; statusCode: string; outcome: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/staff/requests', headers: editor, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const draft = (number: string, lang?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/requests/${number}/letters`,
    headers: editor,
    payload: lang ? { lang } : {},
  });
const file = async (number: string, version: number, name: 'letter.pdf' | 'payload.json') => {
  const res = await t.app.inject({
    url: `/api/v1/staff/requests/${number}/letters/${version}/${name}`,
    headers: editor,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
type Payload = {
  kind: string;
  paragraphs: string[];
  tables: {
    form: string;
    rows: { code: string }[];
    columns: { breakdown: string; values: Record<string, (number | null)[]> }[];
  }[];
  withheld: { reason: string; text: string }[];
  ground: { id: string; clause: string };
  missing: string[];
};
const payloadOf = async (number: string, version: number) =>
  JSON.parse((await file(number, version, 'payload.json')).toString('utf8')) as Payload;

describe('the answer from the published figures', () => {
  it('gives official-use figures to a body holding the right, and none of them to an individual, saying why (para 2 item 10)', async () => {
    const body = await register(stateBody());
    expect(body.outcome).toBe('accepted');
    expect((await draft(body.number)).statusCode).toBe(201);
    const given = await payloadOf(body.number, 1);
    expect(given.tables.map((x) => x.rows.map((r) => r.code))).toEqual([['1', '4']]);
    // The same figures as the published table (fixture: row 1 graph 1 = 10 × 2 for region 10).
    expect(given.tables[0]!.columns).toMatchObject([
      { breakdown: '10', values: { '1': [20, 3, 12.5], '4': [1, 0, null] } },
    ]);
    expect(given.withheld).toEqual([]);
    expect(pdfText(await file(body.number, 1, 'letter.pdf'))).toContain('по линии национальной безопасности');

    const person = await register(individual());
    expect(person.outcome).toBe('accepted');
    expect((await draft(person.number)).statusCode).toBe(201);
    const refused = await payloadOf(person.number, 1);
    expect(refused.tables.map((x) => x.rows.map((r) => r.code))).toEqual([['1']]);
    expect(refused.withheld.map((w) => w.reason)).toEqual(['official-use']);
    const text = pdfText(await file(person.number, 1, 'letter.pdf'));
    expect(text).toContain('информация для служебного пользования');
    expect(text).not.toContain('по линии национальной безопасности');
  });

  it('writes the letter in Kazakh with its letters intact, read back by pdftotext', async () => {
    const { number } = await register(stateBody({ language: 'kk' }));
    expect((await draft(number)).json()).toMatchObject({
      version: 1,
      lang: 'kk',
      kind: 'answer',
      state: 'draft',
    });
    const text = pdfText(await file(number, 1, 'letter.pdf'));
    expect(text).toContain('Сұрау салуға жауап');
    expect(text).toContain('жарияланған ресми деректерден');
  });
});

describe('letters for the other outcomes cite the ground and its clause', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a telephone request (para 7)', { channel: 'telephone' }, 'oral', 'o25.i.p7'],
    [
      'a signatory without authority (para 6)',
      { signatory: { role: 'other', position: 'специалист' } },
      'signatory-without-authority',
      'o25.i.p6',
    ],
  ];
  it.each(cases)('%s', async (_what, over, ground, clause) => {
    const { number, outcome } = await register(stateBody(over));
    expect(outcome).not.toBe('accepted');
    expect((await draft(number)).statusCode).toBe(201);
    const p = await payloadOf(number, 1);
    expect(p).toMatchObject({ kind: 'refusal', ground: { id: ground } });
    expect(p.ground.clause.startsWith(clause)).toBe(true);
    expect(pdfText(await file(number, 1, 'letter.pdf'))).toContain(p.ground.clause);
  });

  it('an incomplete request: the letter says what is missing (para 8)', async () => {
    const { number, outcome } = await register(stateBody({ period: undefined, unit: undefined }));
    expect(outcome).toBe('incomplete');
    await draft(number);
    const p = await payloadOf(number, 1);
    expect(p.kind).toBe('incomplete');
    expect([...p.missing].sort()).toEqual(['period', 'unit']);
  });
});

describe('versions, approval and the reply through the outbox', () => {
  it('sends the approved version back through the channel it came by, kept as sent, every step journaled', async () => {
    const { number, statusCode } = await register(stateBody());
    await draft(number, 'kk');
    await draft(number, 'ru');
    const approve = (v: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/requests/${number}/letters/${v}/approve`,
        headers: editor,
      });
    expect((await approve(1)).statusCode).toBe(409); // superseded by version 2
    const approved = await approve(2);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      version: 2,
      state: 'approved',
      delivery: { recipient: 'unified-edms', state: 'pending', key: `request-reply-${number}-v2` },
    });
    // The approval and the delivery are one transaction: both are there.
    await sendDueDeliveries(t.deps, outboxSettings(t.config), { random: () => 0.5, limit: 10 });
    const got = edms.accepted.get(`request-reply-${number}-v2`)!;
    expect(got.signatureValid).toBe(true);
    expect(got.body.documents.map((d) => d.name)).toEqual([
      `reply-${number}-v2.pdf`,
      `reply-${number}-v2.json`,
    ]);
    expect(Buffer.from(got.body.documents[0]!.content, 'base64')).toEqual(
      await file(number, 2, 'letter.pdf'),
    );
    const list = (
      await t.app.inject({ url: `/api/v1/staff/requests/${number}/letters`, headers: editor })
    ).json() as { letters: { version: number; state: string; delivery: { state: string } | null }[] };
    expect(list.letters.map((l) => [l.version, l.state, l.delivery?.state ?? null])).toEqual([
      [1, 'superseded', null],
      [2, 'approved', 'delivered'],
    ]);
    const view = (await t.app.inject({ url: `/api/v1/staff/requests/${number}`, headers: editor })).json();
    expect(view).toMatchObject({ state: 'closed' });
    expect(view.answeredAt).not.toBeNull();
    expect((await draft(number)).statusCode).toBe(409);
    const actions = await t.db
      .selectFrom('journal')
      .select('action')
      .where('object_id', 'in', [number, `request-reply-${number}-v2`])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'requests.request.registered',
      'requests.letter.drafted',
      'requests.letter.drafted',
      'outbox.delivery.enqueued',
      'requests.letter.approved',
      'outbox.delivery.delivered',
    ]);

    // The applicant sees the status, and nothing else.
    const status = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests/status',
      payload: { number, code: statusCode },
    });
    expect(status.json()).toEqual({ number, status: 'answered' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests/status',
      payload: { number, code: 'WRONGCODE2' },
    });
    expect(wrong.statusCode).toBe(404);
  });
});
