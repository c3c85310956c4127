import { describe, expect, it } from 'vitest';
import { DETAIL_CODES, describedProblem, problemDetail, type ProblemLang } from './problem-detail.js';
import { problemHeadline } from '../http/problem-text.js';

const cell = { section: 'R1', row: '12', graph: 3 };

describe('the detail of a problem, in each language', () => {
  it.each<[string, Record<string, string | number>, Record<ProblemLang, string>]>([
    [
      'not_a_number',
      { ...cell, value: 'ten' },
      {
        en: 'R1 row 12 graph 3: "ten" is not a number',
        ru: 'R1, строка 12, графа 3: «ten» — не число',
        kk: 'R1, 12-жол, 3-баған: «ten» сан емес',
      },
    ],
    [
      'control_relation',
      {
        relation: 'R1.g7',
        kind: 'sum-of-graphs',
        row: '4',
        graph: 7,
        parts: '8 + 9',
        expected: 5,
        actual: 6,
      },
      {
        en: 'R1.g7: graph 7 must equal graphs 8 + 9 (5) in row 4, but is 6',
        ru: 'R1.g7: графа 7 должна равняться сумме граф 8 + 9 (5) в строке 4, а равна 6',
        kk: 'R1.g7: 4-жолда 7-баған 8 + 9 бағандарының қосындысына (5) тең болуы керек, ал іс жүзінде: 6',
      },
    ],
    [
      'control_relation',
      {
        relation: 'R1.le',
        kind: 'not-greater',
        row: '5',
        graph: 2,
        limitRow: '1',
        limitGraph: 2,
        expected: 3,
        actual: 4,
      },
      {
        en: 'R1.le: row 5 graph 2 (4) must not exceed row 1 graph 2 (3)',
        ru: 'R1.le: строка 5, графа 2 (4) не может превышать строку 1, графу 2 (3)',
        kk: 'R1.le: 5-жол, 2-баған (4) 1-жол, 2-бағаннан (3) аспауы керек',
      },
    ],
    [
      'missing_row',
      { rows: '1, 2', more: 3 },
      {
        en: 'Rows missing from the sheet: 1, 2 and 3 more',
        ru: 'на листе нет строк: 1, 2 и ещё 3',
        kk: 'парақта мына жолдар жоқ: 1, 2 және тағы 3',
      },
    ],
    [
      'submission_rejected',
      { count: 250, listed: 200 },
      {
        en: 'The submission is refused: 250 problem(s), the first 200 listed. Nothing was stored.',
        ru: 'Отчёт отклонён: ошибок — 250 (показаны первые 200). Ничего не сохранено.',
        kk: 'Есеп қабылданбады: 250 қате, алғашқы 200 көрсетілген. Ештеңе сақталмады.',
      },
    ],
  ])('%s %j', (code, params, texts) => {
    for (const lang of ['en', 'ru', 'kk'] as const)
      expect(problemDetail(code, params, lang)).toBe(texts[lang]);
  });

  it('has a headline for every code it words, and leaves nothing unfilled', () => {
    const params = {
      ...cell,
      form: '1-М',
      kind: 'sum-of-rows',
      relation: 'r',
      parts: '2 + 3',
      expected: 1,
      actual: 2,
      limitRow: '1',
      limitGraph: 1,
      earlier: 'line 2',
      value: 'x',
      breakdown: '99',
      dimension: 'region',
      period: '2024-01',
      sheet: 'R1',
      graphs: '4',
      rows: '5',
      reason: 'zip',
      required: 'a',
      missing: 'b',
      count: 1,
      periodicity: 'quarterly',
      max: 2000,
      revision: 2,
      title: '1-M',
    };
    for (const code of DETAIL_CODES) {
      expect(problemHeadline(code, 'kk'), code).not.toBeNull();
      for (const lang of ['en', 'ru', 'kk'] as const) {
        const text = problemDetail(code, params, lang)!;
        expect(text, `${code} ${lang}`).toMatch(/\S/);
        expect(text, `${code} ${lang}`).not.toMatch(/undefined|\$\{|\[object/);
      }
    }
  });

  it('keeps the English detail as the message, with its parameters; a code without a template keeps its words', () => {
    expect(describedProblem('/values/0', 'negative', { ...cell, value: -1 })).toEqual({
      pointer: '/values/0',
      code: 'negative',
      message: 'R1 row 12 graph 3: -1 is negative',
      params: { ...cell, value: -1 },
    });
    expect(problemDetail('unique_violation', {}, 'ru')).toBeNull();
    expect(problemDetail('negative', undefined, 'ru')).toBeNull();
  });
});
