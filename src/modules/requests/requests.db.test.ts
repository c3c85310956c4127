// Requests over the real database and HTTP: decided by the rules of the registration date from
// the published figures (publicly available with its link, official-use only to a body with the
// right, what is not available said with why), registered with a number and a term on the
// working-day calendar, corrected, extended, closed, journaled; bad input named by its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, tokenFor, TEST_PASSWORD, type TestContext } from '../../../test/support/test-app.js';
import { systemActor } from '../../platform/usecase.js';
import { remindOfTerms } from './index.js';
import { appWithPublishedFixture } from '../../../test/support/fixture-figures.js';
import { stateBodyRequest } from '../../../test/support/request-bodies.js';

let t: TestContext;
let editor: Record<string, string>;

beforeAll(async () => {
  ({ t, editor } = await appWithPublishedFixture());
});
afterAll(async () => t.close());

const stateBody = stateBodyRequest;
const check = (payload: object, headers = editor) =>
  t.app.inject({ method: 'POST', url: '/api/v1/staff/requests/check', headers, payload });
const register = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/staff/requests', headers: editor, payload });
type Answer = {
  kind: string;
  officialUse: boolean;
  indicators: { status: string; withheld: { reason: string }[]; notAvailable: { reason: string }[] }[];
};
const decision = async (payload: object) => {
  const res = await check(payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().decision as {
    outcome: string;
    ground: { id: string; clause: string };
    links?: string[];
    answer?: Answer;
  };
};

describe('the decision from the published figures', () => {
  it('leaves a request for published figures without consideration, with the link (para 7)', async () => {
    const d = await decision(stateBody());
    expect(d).toMatchObject({
      outcome: 'left-without-consideration',
      ground: { id: 'publicly-available', clause: 'o25.i.p7.3' },
    });
    expect(d.links).toEqual(['http://localhost:8080/api/v1/forms/1-p/tables/2024-Q1?section=R1']);
    const table = await t.app.inject(new URL(d.links![0]!).pathname + new URL(d.links![0]!).search);
    expect(table.statusCode).toBe(200);
  });

  it('does not take a republic summed from part of the regions for the published republic', async () => {
    const d = await decision(
      stateBody({ indicators: [{ form: '1-p', section: 'R1', rows: ['1'], regions: ['10', '00'] }] }),
    );
    expect(d.outcome).toBe('accepted');
    expect(d.answer?.kind).toBe('partial');
    expect(d.answer?.indicators[0]!.notAvailable.map((s) => s.reason)).toEqual(['partial-coverage']);
  });

  it('answers official-use figures to a body that holds the right, and withholds them from others (para 2 item 10)', async () => {
    const official = { indicators: [{ form: '1-p', rows: ['4'], regions: ['10'] }] };
    const entitled = await decision(stateBody(official));
    expect(entitled.answer).toMatchObject({ kind: 'table-from-indicators', officialUse: true });
    const unnamed = await decision(
      stateBody({ ...official, applicant: { kind: 'state-body', name: 'Акимат города' } }),
    );
    expect(unnamed.answer?.kind).toBe('indicator-not-available');
    expect(unnamed.answer?.indicators[0]!.withheld.map((w) => w.reason)).toEqual(['official-use']);
    const person = await decision({
      ...stateBody(official),
      channel: 'written-appeal',
      applicant: { kind: 'individual', name: 'Иванов И. И.', address: 'Астана' },
      signatory: undefined,
    });
    expect(person.answer?.officialUse).toBe(false);
    expect(person.answer?.kind).toBe('indicator-not-available');
  });

  it('never gives a secret section, even to a body with the right', async () => {
    const d = await decision(stateBody({ indicators: [{ form: '1-p', section: 'R2', regions: ['10'] }] }));
    expect(d.answer?.indicators[0]!.withheld.map((w) => w.reason)).toEqual(['secret']);
  });

  it('says which periods are not published, and that a month is finer than a quarterly form (para 5)', async () => {
    const year = await decision(stateBody({ period: '2024' }));
    expect(year.answer?.kind).toBe('partial');
    expect(year.answer?.indicators[0]!.notAvailable.map((s) => s.reason)).toEqual([
      'not-published',
      'not-published',
      'not-published',
    ]);
    const month = await decision(stateBody({ period: '2024-02' }));
    expect(month.answer?.kind).toBe('indicator-not-available');
    expect(month.answer?.indicators[0]!.notAvailable[0]!.reason).toBe('finer-than-form');
  });
});

describe('bad input is named by its field, and nothing is stored', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'an unknown region',
      { indicators: [{ form: '1-p', section: 'R1', rows: ['1'], regions: ['99'] }] },
      '/indicators/0/regions/0',
    ],
    ['a row the form lacks', { indicators: [{ form: '1-p', rows: ['9'] }] }, '/indicators/0/rows/0'],
    ['a graph the form lacks', { indicators: [{ form: '1-p', graphs: [7] }] }, '/indicators/0/graphs/0'],
    ['an unknown form', { indicators: [{ form: '99-Z' }] }, '/indicators/0/form'],
    ['a range that ends before it starts', { period: '2024-Q2..2023-Q1' }, '/period'],
    ['a period that is none', { period: '2024-Q5' }, '/period'],
    ['a date in the wrong format', { registeredOn: '15.03.2024' }, '/registeredOn'],
    ['a date before the rules came into force', { registeredOn: '2018-05-01' }, '/registeredOn'],
    ['a date after today', { registeredOn: '2024-03-16' }, '/registeredOn'],
    ['a channel that is none', { channel: 'fax' }, '/channel'],
    [
      'an unknown organisation',
      { applicant: { kind: 'state-body', name: 'X', organisation: 'no-such-body' } },
      '/applicant/organisation',
    ],
    ['an unknown kind of copy', { copiesOf: ['photo'] }, '/copiesOf/0'],
  ];
  it.each(cases)('%s', async (_what, over, pointer) => {
    for (const url of ['/api/v1/staff/requests/check', '/api/v1/staff/requests']) {
      const res = await t.app.inject({ method: 'POST', url, headers: editor, payload: stateBody(over) });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await t.db.selectFrom('requests').select('id').execute()).toEqual([]);
  });

  it('asks who the caller is before anything else, and lets only the staff in', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/requests/check',
      payload: stateBody(),
    });
    expect(anonymous.statusCode).toBe(401);
    const subject = await check(stateBody(), await tokenFor(t, 'subject'));
    expect(subject.statusCode).toBe(403);
    const admin = await check(stateBody(), await tokenFor(t, 'admin'));
    expect(admin.statusCode).toBe(200);
  });
});

describe('the register', () => {
  let number = '';

  it('registers a request with the same decision, a number and its term on the working-day calendar', async () => {
    const res = await register(stateBody({ period: undefined }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    number = body.number;
    expect(number).toBe('2024-00001');
    expect(res.headers.location).toBe(`/api/v1/staff/requests/${number}`);
    expect(body.decision).toMatchObject({
      outcome: 'incomplete',
      ground: { id: 'content-missing' },
      missing: ['period'],
    });
    // 15 working days from Friday 15 March 2024 (the Code's term, applied to state bodies): Nauryz
    // (21-22 March, and the 25th for the 23rd, a Saturday) is not counted.
    expect(body.term).toMatchObject({ id: 'state-body-consideration', due: '2024-04-10', basis: 'inferred' });
  });

  it("counts an individual's term of 2020 in calendar days (Law 221)", async () => {
    const res = await register({
      channel: 'written-appeal',
      applicant: { kind: 'individual', name: 'Петров П.', address: 'Алматы' },
      unit: 'person',
      information: 'Число осужденных',
      period: '2019',
      registeredOn: '2020-03-10',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toBe('2020-00001');
    // 15 calendar days end on 25 March 2020, a day off (Nauryz of the 22nd, a Sunday, moved to the
    // 25th): the term ends on the next working day (para 13).
    expect(res.json().term).toMatchObject({
      id: 'consideration',
      due: '2020-03-26',
      legalBasis: { act: 'law-221-2007' },
    });
  });

  it('takes the decision again when staff correct a field, with the history', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${number}/correct`,
      headers: editor,
      payload: {
        period: '2024-Q1',
        indicators: [{ form: '1-p', rows: ['4'], regions: ['10'] }],
        reason: 'период уточнен письмом',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision.answer.kind).toBe('table-from-indicators');
    expect(res.json().history.map((h: { action: string }) => h.action)).toEqual(['registered', 'corrected']);
  });

  it('extends the term no further than the law allows, and closes it once', async () => {
    const extend = (until: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/requests/${number}/extend`,
        headers: editor,
        payload: { until, reason: 'нужны сведения других органов' },
      });
    const tooLate = await extend('2024-12-31');
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().errors[0].pointer).toBe('/body/until');
    const ok = await extend('2024-04-30');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().term).toMatchObject({ extendedUntil: '2024-04-30', endsOn: '2024-04-30' });
    const close = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/requests/${number}/close`,
        headers: editor,
        payload: { note: 'ответ направлен' },
      });
    expect((await close()).statusCode).toBe(200);
    expect((await close()).statusCode).toBe(409);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('object_id', '=', number)
      .orderBy('seq')
      .execute();
    expect(journal.map((j) => j.action)).toEqual([
      'requests.request.registered',
      'requests.request.corrected',
      'requests.request.extended',
      'requests.request.closed',
    ]);
  });

  it('lists the overdue requests and counts them in /metrics', async () => {
    const headers = await tokenFor(t, 'editor', 'committee', 365);
    t.clock.set(new Date('2024-06-03T06:00:00Z'));
    const res = await t.app.inject({ url: '/api/v1/staff/requests?overdue=true', headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .requests.map((r: { number: string; term: { overdue: boolean } }) => [r.number, r.term.overdue]),
    ).toEqual([['2020-00001', true]]);
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toMatch(/^zanstat_requests_overdue 1$/m);
    const one = await t.app.inject({ url: `/api/v1/staff/requests/${number}`, headers });
    expect(one.json()).toMatchObject({ state: 'closed', closed: { note: 'ответ направлен' } });
  });

  it('reminds once of a term that has ended, by the job', async () => {
    const first = await remindOfTerms(t.deps, systemActor('requests.remind-terms'), { workingDays: 3 });
    expect(first.reminded).toBe(1);
    expect(
      (await remindOfTerms(t.deps, systemActor('requests.remind-terms'), { workingDays: 3 })).reminded,
    ).toBe(0);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'object_id'])
      .where('action', '=', 'requests.request.reminded')
      .execute();
    expect(journal).toEqual([{ action: 'requests.request.reminded', object_id: '2020-00001' }]);
  });

  it.each([
    ['ru', 'срок истёк'],
    ['kk', 'мерзімі өтті'],
    ['en', 'term ended'],
  ])('shows the overdue request on the staff schedule in %s', async (lang, overdue) => {
    await createUser(t, `req-editor-${lang}`, 'editor');
    const signIn = await t.app.inject({
      method: 'POST',
      url: `/${lang}/staff/sign-in`,
      payload: `login=req-editor-${lang}&password=${encodeURIComponent(TEST_PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signIn.statusCode).toBe(303);
    const cookie = `zanstat_session=${signIn.cookies.find((c) => c.name === 'zanstat_session')!.value}`;
    const page = await t.app.inject({ url: `/${lang}/staff`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2020-00001');
    expect(page.body).toContain(overdue);
  });
});
