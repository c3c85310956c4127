// The registers: the official lists load at start with their counts as published, point-in-time
// reads before, on and after the capture date, an import that removes, adds and changes rows (by
// the staff's API and the CLI), an entry's history, and a broken upload refused whole.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOf } from '../../app.js';
import { createTestApp, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { importRegisterFile } from '../../cli/registers.js';
import { registerLastModified, registerRows, SHIPPED_LISTS } from './index.js';

let t: TestContext;
let editor: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2025-04-01T06:00:00Z');
  editor = await tokenFor(t, 'editor');
}, 120_000);
afterAll(async () => t.close());

const get = async <T = Record<string, unknown>>(url: string) => {
  const res = await t.app.inject(url);
  return { status: res.statusCode, body: res.json() as T };
};
const journal = (action: string) =>
  t.db.selectFrom('journal').selectAll().where('action', '=', action).orderBy('seq').execute();
const upload = (id: string, query: string, csv: string, headers: Record<string, string> = editor) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/registers/${id}/imports?${query}`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });

interface Entry {
  seq: number;
  version: number;
  nameRu: string;
  validFrom: string;
  validUntil: string | null;
  added: { decision: { inSource: boolean; note: string | null; reference: string | null } };
  ended: { as: string; decision: { inSource: boolean; reference: string | null } } | null;
}
interface OnView {
  known: boolean;
  firstKnownDate: string | null;
  note: string | null;
  total?: number;
  entries?: Entry[];
}

describe('the official lists', () => {
  it('load at start, each register with its count as published (duplicate titles included), journaled', async () => {
    const job = jobsOf(t.deps, t.config).find((j) => j.name === 'registers.load-official-lists')!;
    const report = (await job.run()) as { loaded: { register: string; rows: number }[]; skipped: string[] };
    expect(report.loaded).toEqual(SHIPPED_LISTS.map((l) => ({ register: l.register, rows: l.rows })));
    const { body } = await get<{
      registers: { id: string; countToday: number | null; firstKnownDate: string | null; offered: boolean }[];
    }>('/api/v1/registers');
    expect(
      Object.fromEntries(body.registers.map((r) => [r.id, [r.countToday, r.firstKnownDate, r.offered]])),
    ).toEqual({
      'terrorist-organisations': [17, '2025-03-26', true],
      'extremist-organisations': [8, '2025-03-26', true],
      'terrorist-materials': [186, '2025-03-26', true],
      'extremist-religious-materials': [877, '2025-03-26', true],
      'persons-prosecuted-for-sexual-offences-against-minors': [null, null, false],
    });
    const entries = await journal('registers.list.imported');
    expect(entries.map((e) => [e.object_id, e.actor_id])).toEqual(
      SHIPPED_LISTS.map((l) => [l.register, 'registers.load-official-lists']),
    );
    expect(entries[0]!.summary).toMatchObject({
      rows: 17,
      added: 17,
      channel: 'shipped',
      decision: { inSource: false },
    });
  });

  it('load once: a second start adds nothing and journals nothing', async () => {
    const job = jobsOf(t.deps, t.config).find((j) => j.name === 'registers.load-official-lists')!;
    expect(await job.run()).toEqual({ loaded: [], skipped: SHIPPED_LISTS.map((l) => l.register) });
    expect(await journal('registers.list.imported')).toHaveLength(4);
  });

  it('keep a title published twice as two entries, and every field of the source', async () => {
    const { body } = await get<OnView>(
      '/api/v1/registers/extremist-religious-materials?on=2025-03-26&limit=1000',
    );
    const titles = body.entries!.map((e) => e.nameRu);
    expect(body.total).toBe(877);
    const twice = titles.filter((n, i) => titles.indexOf(n) !== i);
    expect(twice).toHaveLength(1);
    const found = await get<OnView>(
      `/api/v1/registers/extremist-religious-materials?on=2025-03-26&q=${encodeURIComponent(twice[0]!.toUpperCase())}`,
    );
    expect(found.body.entries!.filter((e) => e.nameRu === twice[0])).toHaveLength(2);
    const first = (await get<OnView>('/api/v1/registers/terrorist-organisations?on=2025-03-26&limit=1')).body
      .entries![0]!;
    expect(first).toMatchObject({
      seq: 1,
      version: 1,
      nameRu: '«Исламская партия Восточного Туркестана»',
      nameKkField: '«Исламская партия Восточного Туркестана»',
      rawNameRu: '«Исламская партия Восточного Туркестана»;',
      egovDataset: 'gp_od_service_to',
      validFrom: '2025-03-26',
      validUntil: null,
      added: {
        decision: { inSource: false, note: 'not in the source', kind: null, reference: null, date: null },
      },
      ended: null,
    });
  });

  it.each([
    ['2025-03-25', false, undefined],
    ['2019-08-16', false, undefined],
    ['2025-03-26', true, 17],
    ['2030-01-01', true, 17],
  ])('on %s: known %s, %s entries', async (on, known, total) => {
    const { status, body } = await get<OnView>(`/api/v1/registers/terrorist-organisations?on=${on}`);
    expect(status).toBe(200);
    expect(body.known).toBe(known);
    expect(body.firstKnownDate).toBe('2025-03-26');
    expect(body.total).toBe(total);
    if (!known) {
      expect(body.entries).toBeUndefined();
      expect(body.note).toMatch(/^not known/);
    }
  });

  it('answer today by default (the injected clock): not known before the capture date', async () => {
    t.clock.set('2025-03-20T06:00:00Z');
    expect((await get<OnView>('/api/v1/registers/extremist-organisations')).body.known).toBe(false);
    const list = await get<{ registers: { id: string; known: boolean; countToday: number | null }[] }>(
      '/api/v1/registers',
    );
    expect(list.body.registers.find((r) => r.id === 'extremist-organisations')).toMatchObject({
      known: false,
      countToday: null,
    });
    t.clock.set('2025-04-01T06:00:00Z');
    expect((await get<OnView>('/api/v1/registers/extremist-organisations')).body.total).toBe(8);
  });

  it('give the open-data module typed rows of the entries in force, and the last change', async () => {
    const rows = await registerRows(t.db, 'extremist-organisations', '2025-04-01');
    expect(rows!.fields.map((f) => [f.id, f.type])).toEqual([
      ['seq', 'int'],
      ['version', 'int'],
      ['name_ru', 'text'],
      ['name_kk_field', 'text'],
      ['raw_name_ru', 'text'],
      ['egov_dataset', 'text'],
      ['valid_from', 'date'],
      ['decision', 'text'],
      ['decision_date', 'date'],
    ]);
    expect(rows!.rows).toHaveLength(8);
    expect(rows!.rows[0]).toMatchObject({
      seq: 1,
      valid_from: '2025-03-26',
      decision: 'not in the source',
      decision_date: null,
    });
    expect(await registerRows(t.db, 'extremist-organisations', '2025-03-25')).toBeNull();
    expect(
      await registerRows(t.db, 'persons-prosecuted-for-sexual-offences-against-minors', '2025-04-01'),
    ).toBeNull();
    expect(await registerRows(t.db, 'no-such-register', '2025-04-01')).toBeNull();
    await expect(registerRows(t.db, 'extremist-organisations', '2025-4-1')).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await registerLastModified(t.db, 'extremist-organisations')).toBeInstanceOf(Date);
    expect(
      await registerLastModified(t.db, 'persons-prosecuted-for-sexual-offences-against-minors'),
    ).toBeNull();
  });
});

describe('bad input to the reads', () => {
  it.each([
    ['/api/v1/registers/terrorist-organisations?on=2025-13-01', 422, '/query/on', 'invalid_date'],
    ['/api/v1/registers/no-such-register', 404, '/params/id', 'register_not_found'],
    ['/api/v1/registers/no-such-register/entries/1', 404, '/params/id', 'register_not_found'],
    ['/api/v1/registers/terrorist-organisations/entries/999', 404, '/params/seq', 'register_entry_not_found'],
    [
      '/api/v1/registers/persons-prosecuted-for-sexual-offences-against-minors',
      404,
      '/params/id',
      'register_not_offered',
    ],
    [
      '/api/v1/registers/persons-prosecuted-for-sexual-offences-against-minors/entries/1',
      404,
      '/params/id',
      'register_not_offered',
    ],
  ])('%s is a %i naming %s', async (url, status, pointer, code) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json() as { code: string; errors: { pointer: string; code: string }[] };
    expect(body.errors[0]).toMatchObject({ pointer, code });
  });

  it('says a register of personal data is searched only by a full name and never listed', async () => {
    const res = await t.app.inject('/api/v1/registers/persons-prosecuted-for-sexual-offences-against-minors');
    expect((res.json() as { detail: string }).detail).toMatch(
      /personal data.*searched only.*full name.*neither listed/,
    );
  });
});

const header = 'seq,name_ru,name_kk_field,raw_name_ru,egov_dataset';
/** The terrorist organisations as loaded, with 17 removed, 3 renamed, 18 added. */
async function nextTerroristList(): Promise<string> {
  const text = await fs.readFile(
    new URL('../../../seed/registers/terrorist_organizations.csv', import.meta.url),
    'utf8',
  );
  const lines = text.trim().split(/\r?\n/);
  const kept = lines
    .slice(1, 17)
    .map((l) =>
      l.startsWith('3,')
        ? '3,«Братья-мусульмане»,«Братья-мусульмане»,«Братья-мусульмане»,gp_od_service_to'
        : l,
    );
  return [header, ...kept, '18,«Новая организация»,,,'].join('\n');
}

describe('an import', () => {
  it('refuses a broken upload whole, naming each row and column, and stores nothing', async () => {
    const before = await t.db
      .selectFrom('register_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const journaled = (await journal('registers.list.imported')).length;
    const res = await upload(
      'terrorist-organisations',
      'validFrom=2025-06-01',
      [header, '1,«A»,,,', ',«B»,,,', '1,«C»,,,', '4,,,,', '5,«E»,,,'].join('\n'),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; errors: { pointer: string; code: string; message: string }[] };
    expect(body.code).toBe('register_list_refused');
    expect(body.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/line/3/seq', 'missing_seq'],
      ['/line/4/seq', 'duplicate_seq'],
      ['/line/5/name_ru', 'empty_title'],
    ]);
    expect(body.errors[1]!.message).toBe('line 4, column seq: sequence number 1 is already on line 2');

    const wrong = await upload('terrorist-organisations', 'validFrom=2025-06-01', 'seq,title\n1,«A»');
    expect(wrong.statusCode).toBe(422);
    expect(
      (wrong.json() as { errors: { pointer: string; code: string }[] }).errors.map((e) => [
        e.pointer,
        e.code,
      ]),
    ).toEqual([
      ['/line/1/title', 'unknown_column'],
      ['/line/1/name_ru', 'missing_column'],
    ]);
    const after = await t.db
      .selectFrom('register_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await journal('registers.list.imported')).toHaveLength(journaled);
    expect(
      await t.db.selectFrom('register_imports').selectAll().where('valid_from', '=', '2025-06-01').execute(),
    ).toEqual([]);
  });

  it.each([
    ['validFrom=2025-02-30', '/query/validFrom', 'invalid_date'],
    ['validFrom=2025-03-26', '/query/validFrom', 'not_later'],
    ['validFrom=2025-06-01&decision=x&decisionDate=yesterday', '/query/decisionDate', 'invalid_date'],
  ])('refuses %s naming %s', async (query, pointer, code) => {
    const res = await upload('terrorist-organisations', query, await nextTerroristList());
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string; code: string }[] }).errors[0]).toMatchObject({
      pointer,
      code,
    });
  });

  it('is for staff: anonymous is 401, a register of personal data is not offered', async () => {
    expect((await upload('terrorist-organisations', 'validFrom=2025-06-01', header, {})).statusCode).toBe(
      401,
    );
    const res = await upload(
      'persons-prosecuted-for-sexual-offences-against-minors',
      'validFrom=2025-06-01',
      `${header}\n1,x,,,`,
    );
    expect((res.json() as { code: string }).code).toBe('register_not_offered');
  });

  it('is a new state of the whole list: removed, added and changed rows, read before and after, with history', async () => {
    const decision = 'Решение суда № 2-123/2025';
    const res = await upload(
      'terrorist-organisations',
      `validFrom=2025-06-01&decision=${encodeURIComponent(decision)}&decisionKind=court&decisionDate=2025-05-20&fileName=to.csv`,
      await nextTerroristList(),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      register: 'terrorist-organisations',
      validFrom: '2025-06-01',
      channel: 'upload',
      rowCount: 17,
      added: 1,
      changed: 1,
      removed: 1,
      unchanged: 15,
      decision: { inSource: true, kind: 'court', reference: decision, date: '2025-05-20', note: null },
    });

    const before = (await get<OnView>('/api/v1/registers/terrorist-organisations?on=2025-05-31&limit=1000'))
      .body;
    expect(before.total).toBe(17);
    expect(before.entries!.map((e) => e.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(before.entries!.find((e) => e.seq === 3)!.nameRu).toBe('«Братья мусульмане»');

    const after = (await get<OnView>('/api/v1/registers/terrorist-organisations?on=2025-06-01&limit=1000'))
      .body;
    expect(after.total).toBe(17);
    expect(after.entries!.map((e) => e.seq)).toEqual([...Array.from({ length: 16 }, (_, i) => i + 1), 18]);
    expect(after.entries!.find((e) => e.seq === 3)).toMatchObject({
      nameRu: '«Братья-мусульмане»',
      version: 2,
    });
    expect(after.entries!.find((e) => e.seq === 18)).toMatchObject({
      nameKkField: null,
      added: { decision: { inSource: true, reference: decision } },
    });

    const changed = (
      await get<{ versions: Entry[]; imports: { channel: string }[] }>(
        '/api/v1/registers/terrorist-organisations/entries/3',
      )
    ).body;
    expect(changed.versions.map((v) => [v.version, v.validFrom, v.validUntil, v.ended?.as ?? null])).toEqual([
      [1, '2025-03-26', '2025-05-31', 'replaced'],
      [2, '2025-06-01', null, null],
    ]);
    expect(changed.versions[0]!.added.decision.note).toBe('not in the source');
    expect(changed.versions[0]!.ended!.decision).toMatchObject({ inSource: true, reference: decision });
    expect(changed.imports.map((i) => i.channel)).toEqual(['shipped', 'upload']);
    const removed = (await get<{ versions: Entry[] }>('/api/v1/registers/terrorist-organisations/entries/17'))
      .body;
    expect(removed.versions.map((v) => [v.validUntil, v.ended?.as])).toEqual([['2025-05-31', 'removed']]);

    const entry = (await journal('registers.list.imported')).at(-1)!;
    expect(entry).toMatchObject({
      object_id: 'terrorist-organisations',
      role: 'editor',
      actor_kind: 'token',
    });
    expect(entry.summary).toMatchObject({
      validFrom: '2025-06-01',
      added: 1,
      changed: 1,
      removed: 1,
      unchanged: 15,
    });
  });

  it('by the CLI, brings back a removed entry as a new version', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-registers-'));
    const file = path.join(dir, 'to.csv');
    await fs.writeFile(file, `${await nextTerroristList()}\n17,«Вернувшаяся»,,,`);
    const r = await importRegisterFile(t.deps, 'terrorist-organisations', file, { validFrom: '2025-09-01' });
    expect(r).toMatchObject({
      channel: 'cli',
      fileName: 'to.csv',
      added: 1,
      changed: 0,
      removed: 0,
      unchanged: 17,
    });
    expect(r.decision).toMatchObject({ inSource: false, note: 'not in the source' });
    const history = (await get<{ versions: Entry[] }>('/api/v1/registers/terrorist-organisations/entries/17'))
      .body;
    expect(history.versions.map((v) => [v.version, v.validFrom, v.validUntil])).toEqual([
      [1, '2025-03-26', '2025-05-31'],
      [2, '2025-09-01', null],
    ]);
    const onAugust = (await get<OnView>('/api/v1/registers/terrorist-organisations?on=2025-08-01&limit=1000'))
      .body;
    expect(onAugust.entries!.map((e) => e.seq)).not.toContain(17);
    expect((await journal('registers.list.imported')).at(-1)).toMatchObject({ actor_id: 'cli' });
    await fs.rm(dir, { recursive: true });
  });
});
