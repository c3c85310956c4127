// The staff's page of the register of persons (docs/decisions/0011) over the real database: an
// editor adds an entry with its grounding decision, finds it by the whole full name and removes it
// with another decision — each change journaled; a form without the session's CSRF token, an
// auditor, a partial name and a missing decision are refused; there is no list of the entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signInAs, type TestContext } from '../../../test/support/test-app.js';
import { PERSONS_REGISTER } from '../registers/index.js';

let t: TestContext;
let editor: { cookie: string; csrf: string };
const PAGE = '/ru/staff/registers/persons';
const NAME = 'Образцов Учебный Примерович';
const form = (cookie: string, fields: Record<string, string>) => ({
  method: 'POST' as const,
  headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const journal = (action: string) =>
  t.db.selectFrom('journal').selectAll().where('action', '=', action).orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'persons-editor', 'editor');
  await createUser(t, 'persons-auditor', 'auditor');
  editor = await signInAs(t, 'persons-editor');
});
afterAll(async () => t.close());

describe("the staff's page of the register of persons", () => {
  it('adds an entry with its decision, finds it by the full name and removes it, journaled', async () => {
    const page = await t.app.inject({ url: PAGE, headers: { cookie: editor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Перечень лиц: записи');
    expect(page.body).toContain('name="_csrf"');

    const added = await t.app.inject({
      url: `${PAGE}/entries`,
      ...form(editor.cookie, {
        _csrf: editor.csrf,
        fullName: NAME,
        birthYear: '1971',
        criminalCodeArticles: '122',
        judgmentInForceOn: '2023-02-01',
        court: 'Специализированный межрайонный суд (вымышленный)',
        decisionKind: 'приговор',
        decisionReference: '№ 1-000/2023 (вымышленный)',
        decisionDate: '2023-01-20',
      }),
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = Number(/Запись добавлена: номер (\d+)/.exec(added.body)?.[1]);
    expect(id).toBeGreaterThan(0);
    const [addedEntry] = await journal('registers.person.added');
    expect(addedEntry).toMatchObject({ object_id: String(id), actor_kind: 'user' });
    expect(addedEntry!.summary).toMatchObject({ decision: { kind: 'приговор' } });

    const found = await t.app.inject({
      url: `${PAGE}?fullName=${encodeURIComponent(NAME.toUpperCase())}`,
      headers: { cookie: editor.cookie },
    });
    expect(found.body).toContain(`Запись ${id}: ${NAME}`);
    expect(found.body).toContain(`/ru/staff/registers/persons/entries/${id}/removal`);
    expect((await journal('registers.person.searched')).length).toBe(1);

    const removed = await t.app.inject({
      url: `${PAGE}/entries/${id}/removal`,
      ...form(editor.cookie, {
        _csrf: editor.csrf,
        fullName: NAME,
        decisionKind: 'постановление апелляционной инстанции',
        decisionReference: '№ 2а-000/2023 (вымышленный)',
        decisionDate: '2023-05-02',
      }),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.body).toContain(`Запись удалена: номер ${id}`);
    expect(await journal('registers.person.removed')).toEqual([
      expect.objectContaining({ object_id: String(id), actor_kind: 'user' }),
    ]);
    const api = await t.app.inject(
      `/api/v1/registers/${PERSONS_REGISTER}/search?fullName=${encodeURIComponent(NAME)}`,
    );
    expect((api.json() as { found: unknown[] }).found).toEqual([]);

    const again = await t.app.inject({
      url: `${PAGE}/entries/${id}/removal`,
      ...form(editor.cookie, {
        _csrf: editor.csrf,
        decisionKind: 'x',
        decisionReference: 'y',
        decisionDate: '2023-05-03',
      }),
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an entry without its decision or with another article, naming the fields, and stores nothing', async () => {
    const res = await t.app.inject({
      url: `${PAGE}/entries`,
      ...form(editor.cookie, {
        _csrf: editor.csrf,
        fullName: 'Другов Пример Образцович',
        criminalCodeArticles: '188',
        judgmentInForceOn: '2023-02-01',
        court: 'суд',
        decisionKind: '',
        decisionReference: '',
        decisionDate: '',
      }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('/body/criminalCodeArticles');
    expect(res.body).toContain('/body/decision/reference');
    expect(res.body).toContain('value="Другов Пример Образцович"'); // the form keeps what was typed
    const rows = await t.db
      .selectFrom('person_entries')
      .select('id')
      .where('full_name', 'like', 'Другов%')
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a partial name: the page lists nothing either', async () => {
    const res = await t.app.inject({
      url: `${PAGE}?fullName=${encodeURIComponent('Образцов')}`,
      headers: { cookie: editor.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('role="alert"');
    expect(res.body).not.toContain('id="found"');
  });

  it('refuses a form without the CSRF token, and the page to an auditor', async () => {
    const forged = await t.app.inject({
      url: `${PAGE}/entries`,
      ...form(editor.cookie, { fullName: NAME, criminalCodeArticles: '122' }),
    });
    expect(forged.statusCode).toBe(403);
    const auditor = await signInAs(t, 'persons-auditor');
    const page = await t.app.inject({ url: PAGE, headers: { cookie: auditor.cookie } });
    expect(page.statusCode).toBe(303);
  });
});
