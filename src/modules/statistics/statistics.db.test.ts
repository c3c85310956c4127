// Submissions through the API against the real database: validated as a whole, stored as
// immutable revisions, read back as tables with only what the reader may see.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publishNow, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { fixtureR1, loadFixtureStructures } from '../../../test/support/fixture-figures.js';

let t: TestContext;
let editor: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  await loadFixtureStructures(t);
  editor = await tokenFor(t, 'editor');
});
afterAll(async () => t.close());

const r1 = fixtureR1;
const submit = (payload: object, headers: Record<string, string> = editor) =>
  t.app.inject({ method: 'POST', url: '/api/v1/submissions', headers, payload });
/** `period=2024-Q1&region=10` → the staff's read of the current revisions, section R1, region 10 */
function tableUrl(q: string): string {
  const params = new URLSearchParams(q);
  const period = params.get('period');
  params.delete('period');
  params.set('section', 'R1');
  return `/api/v1/staff/forms/1-p/tables/${period}?${params.toString()}`;
}
const table = async (q: string) =>
  (await t.app.inject({ url: tableUrl(q), headers: editor })).json() as {
    columns: {
      breakdown: string;
      kind: string;
      revision: number | null;
      values: Record<string, (number | null)[]>;
      revised?: Record<string, number[]>;
    }[];
    rows: { code: string }[];
    republic: { stored: boolean; missingRegions: string[] } | null;
  };
const rowCount = async () =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stat_rows`.execute(t.db)).rows[0]!.n);

describe('submissions', () => {
  it('stores a valid submission as revision 1 and reads it back, the republic derived', async () => {
    const res = await submit({ form: '1-П', period: '2024-Q1', breakdown: '10', values: r1() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      form: '1-p',
      code: '1-П',
      period: '2024-Q1',
      revisions: [{ breakdown: '10', revision: 1, valueCount: 11, supersedes: null }],
    });
    await submit({ form: '1-p', period: '2024-Q1', breakdown: '11', values: r1(2) });
    const tbl = await table('period=2024-Q1');
    expect(tbl.columns.map((c) => [c.breakdown, c.kind])).toEqual([
      ['10', 'submitted'],
      ['11', 'submitted'],
      ['00', 'derived'],
    ]);
    expect(tbl.columns.find((c) => c.breakdown === '00')!.values['1']).toEqual([30, 6, 25]);
    expect(tbl.republic).toMatchObject({ stored: false });
    expect(tbl.republic!.missingRegions).toContain('75');
  });

  it('refuses a broken control relation naming the relation and the cell, and stores nothing', async () => {
    const before = await rowCount();
    const values = r1();
    values[0]!.value = 11; // row 1 graph 1 ≠ 6 + 4
    const res = await submit({ form: '1-p', period: '2024-Q2', breakdown: '10', values });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'submission_rejected',
      errors: [
        {
          pointer: '/values/0',
          code: 'control_relation',
          message: 'R1.rows.1=2+3: row 1 must equal rows 2 + 3 (10) in graph 1, but is 11',
          params: {
            relation: 'R1.rows.1=2+3',
            kind: 'sum-of-rows',
            row: '1',
            graph: 1,
            expected: 10,
            actual: 11,
          },
        },
      ],
    });
    expect(await rowCount()).toBe(before);

    // In the client's language: the refusal and each cell's detail, made from the same parameters.
    for (const [lang, detail, message] of [
      [
        'ru',
        'Отчёт отклонён: ошибок — 1. Ничего не сохранено.',
        'R1.rows.1=2+3: строка 1 должна равняться сумме строк 2 + 3 (10) в графе 1, а равна 11',
      ],
      [
        'kk',
        'Есеп қабылданбады: 1 қате. Ештеңе сақталмады.',
        'R1.rows.1=2+3: 1-бағанда 1-жол 2 + 3 жолдарының қосындысына (10) тең болуы керек, ал іс жүзінде: 11',
      ],
    ]) {
      const local = await submit(
        { form: '1-p', period: '2024-Q2', breakdown: '10', values },
        { ...editor, 'accept-language': lang! },
      );
      expect(local.json()).toMatchObject({
        detail,
        params: { count: 1 },
        errors: [{ pointer: '/values/0', headline: expect.any(String), message }],
      });
    }
    expect(await rowCount()).toBe(before);
  });

  it('supersedes with a reason, never overwrites; as-of reads the revision current then', async () => {
    const first = t.clock.now();
    t.clock.advance(60_000);
    expect(
      (await submit({ form: '1-p', period: '2024-Q1', breakdown: '10', values: r1(3) })).json(),
    ).toMatchObject({ code: 'invalid_input', errors: [{ pointer: '/reason', code: 'reason_required' }] });
    const res = await submit({
      form: '1-p',
      period: '2024-Q1',
      breakdown: '10',
      reason: 'late reports of two districts',
      values: r1(3),
    });
    expect(res.json()).toMatchObject({ revisions: [{ revision: 2, supersedes: expect.any(Number) }] });
    const current = (await table('period=2024-Q1&region=10')).columns[0]!;
    expect(current.values['1']![0]).toBe(30);
    // For staff, the values a revision changed against the one it superseded: graph 1 of rows 1–3.
    expect(current).toMatchObject({ status: 'provisional', revised: { '1': [1], '2': [1], '3': [1] } });
    const then = (await table(`period=2024-Q1&region=10&asOf=${first.toISOString()}`)).columns[0]!;
    expect(then.values['1']![0]).toBe(10);
    expect(then.revised).toBeUndefined();
    await expect(sql`UPDATE stat_rows SET vals = '{0}'`.execute(t.db)).rejects.toMatchObject({
      code: '42501',
    });
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'summary'])
      .where('action', 'like', 'statistics.submission.%')
      .orderBy('seq')
      .execute();
    expect(journal.at(-1)).toMatchObject({
      action: 'statistics.submission.revised',
      summary: { revision: 2, reason: 'late reports of two districts' },
    });
  });

  it('lets a reporting body submit only its own region', async () => {
    const body10 = await tokenFor(t, 'subject', 'committee-territorial-10');
    expect(
      (await submit({ form: '1-p', period: '2024-Q3', breakdown: '10', values: r1() }, body10)).statusCode,
    ).toBe(201);
    const other = await submit({ form: '1-p', period: '2024-Q3', breakdown: '11', values: r1() }, body10);
    expect(other.json()).toMatchObject({ status: 403, code: 'breakdown_not_allowed' });
  });

  it.each([
    [{ form: '9-Z', period: '2024-Q1', breakdown: '10' }, '/form', 'unknown_form'],
    [{ form: '1-p', period: '2024-03', breakdown: '10' }, '/period', 'period_mismatch'],
    [{ form: '1-p', period: '2024-Q5', breakdown: '10' }, '/period', 'invalid_period'],
    [{ form: '1-p', period: '2024-Q1', breakdown: '99' }, '/breakdown', 'unknown_breakdown'],
    [{ form: '1-p', period: '2018-Q1', breakdown: '10' }, '/form', 'unknown_form'],
  ])('refuses %j naming %s', async (head, pointer, code) => {
    const res = await submit({ ...head, values: r1() });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ pointer, code }),
    ]);
  });

  it('accepts CSV in long form for several regions at once, all or nothing', async () => {
    const line = (b: string, scale: number) =>
      r1(scale).map((v) => `${v.section},${v.row},${v.graph},${b},${v.value ?? ''}`);
    const csv = ['section,row,graph,breakdown,value', ...line('15', 1), ...line('19', 2)].join('\n');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions/csv?form=1-p&period=2024-Q4',
      headers: { ...editor, 'content-type': 'text/csv' },
      payload: `\uFEFF${csv}`,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as { revisions: unknown[] }).revisions).toHaveLength(2);
    const before = await rowCount();
    const bad = ['section,row,graph,breakdown,value', ...line('23', 1), 'R1,1,1,33,x'].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions/csv?form=1-p&period=2024-Q4',
      headers: { ...editor, 'content-type': 'text/csv' },
      payload: bad,
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { pointer: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ pointer: 'line 14', code: 'not_a_number' }),
    ]);
    expect(await rowCount()).toBe(before);
  });
});

describe('the XLSX template', () => {
  it('is generated per form, period and region, filled in, and read back as a submission', async () => {
    const tpl = await t.app.inject({
      url: '/api/v1/submissions/template?form=1-p&period=2025-Q1&breakdown=23',
      headers: editor,
    });
    expect(tpl.statusCode, tpl.body.slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['R1', 'R2']);
    // Fill R1 as a reporting body would: find each row by its code (column B) and graph by its number.
    const sheet = book.getWorksheet('R1')!;
    let numbersRow = 0;
    sheet.eachRow((row, n) => {
      if (String(row.getCell(2).value) === 'Б') numbersRow = n;
    });
    expect(numbersRow).toBeGreaterThan(0);
    const graphColumn = new Map<number, number>();
    sheet.getRow(numbersRow).eachCell((c, col) => {
      if (typeof c.value === 'number' || /^\d+$/.test(String(c.value))) graphColumn.set(Number(c.value), col);
    });
    const fill: Record<string, number[]> = {
      '1': [10, 3, 12.5],
      '2': [6, 2, 7.25],
      '3': [4, 1, 5.25],
      '4': [1, 0, 0],
    };
    sheet.eachRow((row, n) => {
      const code = String(row.getCell(2).value ?? '');
      if (n > numbersRow && fill[code])
        fill[code]!.forEach((v, i) => (row.getCell(graphColumn.get(i + 1)!).value = v));
    });
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions/xlsx?form=1-p&period=2025-Q1&breakdown=23&fileName=filled.xlsx',
      headers: {
        ...editor,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: filled,
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect((await table('period=2025-Q1&region=23')).columns[0]!.values['1']).toEqual([10, 3, 12.5]);
    // The next template starts from what was submitted.
    const again = await t.app.inject({
      url: '/api/v1/submissions/template?form=1-p&period=2025-Q1&breakdown=23',
      headers: editor,
    });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(again.rawPayload as unknown as ArrayBuffer);
    const values: unknown[] = [];
    book2.getWorksheet('R1')!.eachRow((row) => {
      if (String(row.getCell(2).value) === '1') values.push(row.getCell(graphColumn.get(1)!).value);
    });
    expect(values).toEqual([10]);
  });

  it('is for those who submit', async () => {
    const auditor = await tokenFor(t, 'auditor');
    expect(
      (
        await t.app.inject({
          url: '/api/v1/submissions/template?form=1-p&period=2025-Q1&breakdown=23',
          headers: auditor,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the table route', () => {
  it('defaults to the first section, and names a bad period in the path', async () => {
    const staff = (url: string) => t.app.inject({ url, headers: editor });
    const res = (await staff('/api/v1/staff/forms/1-p/tables/2024-Q1')).json() as {
      section: { id: string };
    };
    expect(res.section.id).toBe('R1');
    expect((await t.app.inject('/api/v1/staff/forms/1-p/tables/2024-Q1')).statusCode).toBe(401);
    const bad = await staff('/api/v1/staff/forms/1-p/tables/2024-Q5?section=R1');
    expect(bad.json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/params/period', code: 'invalid_period' }],
    });
    expect((await staff('/api/v1/staff/forms/9-Z/tables/2024-Q1')).json()).toMatchObject({
      status: 404,
      code: 'form_not_found',
    });
  });
});

describe('comparison with the same period of the previous year', () => {
  it('gives the change and the change in %, and "no data" where that period is missing', async () => {
    await submit({ form: '1-p', period: '2023-Q1', breakdown: '10', values: r1(2) });
    const res = await t.app.inject({
      url: '/api/v1/staff/forms/1-p/tables/2024-Q1?section=R1&compare=previous-year',
      headers: editor,
    });
    const cols = (
      res.json() as {
        columns: {
          breakdown: string;
          comparison: {
            period: string;
            noData: boolean;
            previous: Record<string, (number | null)[]>;
            change: Record<string, (number | null)[]>;
            changePercent: Record<string, (number | null)[]>;
          };
        }[];
      }
    ).columns;
    const c10 = cols.find((c) => c.breakdown === '10')!.comparison;
    // 2024-Q1 region 10 holds revision 2 (row 1 graph 1 = 30); 2023-Q1 holds 20.
    expect(c10).toMatchObject({ period: '2023-Q1', noData: false });
    expect([c10.previous['1']![0], c10.change['1']![0], c10.changePercent['1']![0]]).toEqual([20, 10, 50]);
    const c11 = cols.find((c) => c.breakdown === '11')!.comparison;
    expect(c11.noData).toBe(true);
    expect(c11.change['1']).toEqual([null, null, null]);
  });
});

describe('restricted-access information (Order 25, para 2, item 10)', () => {
  it('keeps an official-use row out of every public answer, and a secret section hidden', async () => {
    await publishNow(t, '1-p', '2024-Q1');
    const pub = (await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R1')).json() as {
      rows: { code: string }[];
    };
    expect(pub.rows.map((r) => r.code)).toEqual(['1', '2', '3']);
    expect(JSON.stringify(pub)).not.toContain('национальной безопасности');
    const csv = await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('национальной безопасности');
    expect(csv.body.split('\n').filter((l) => l.startsWith('R1,4,'))).toEqual([]);
    const staff = (
      await t.app.inject({ url: '/api/v1/staff/forms/1-p/tables/2024-Q1?section=R1', headers: editor })
    ).json() as { rows: { code: string }[] };
    expect(staff.rows.map((r) => r.code)).toContain('4');
    expect((await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R2')).json()).toMatchObject({
      status: 404,
      code: 'section_not_found',
    });
  });

  it('keeps it out of every export: XLSX, PDF, JSON-stat', async () => {
    const secret = 'национальной безопасности';
    const xlsx = await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=xlsx&lang=ru');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells.join('|')).toContain('Всего проверок');
    expect(cells.join('|')).not.toContain(secret);
    const stat = (
      await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=json-stat')
    ).json() as { version: string };
    expect(stat.version).toBe('2.0');
    expect(JSON.stringify(stat)).not.toContain(secret);
    expect(
      (await t.app.inject('/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=pdf')).json(),
    ).toMatchObject({ status: 422, errors: [{ pointer: '/query/region' }] });
    const pdf = await t.app.inject(
      '/api/v1/forms/1-p/tables/2024-Q1?section=R1&format=pdf&region=10&lang=ru',
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(os.tmpdir(), `zanstat-${process.pid}-restricted.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    fs.rmSync(file);
    expect(text).toContain('Всего проверок');
    expect(text).not.toContain(secret);
  });
});
