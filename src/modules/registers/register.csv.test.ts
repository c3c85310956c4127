import { describe, expect, it } from 'vitest';
import { parseRegisterCsv } from './register.csv.js';

const header = 'seq,name_ru,name_kk_field,raw_name_ru,egov_dataset';

describe('a register list as CSV', () => {
  it('reads every field as published, a BOM, CRLF and semicolons included', () => {
    const { rows, problems } = parseRegisterCsv(
      '\uFEFFseq;name_ru;raw_name_ru\r\n2;«А»;"«А»\u00AD;"\r\n1;«Б»;\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { seq: 2, nameRu: '«А»', nameKkField: null, rawNameRu: '«А»\u00AD;', egovDataset: null, line: 2 },
      { seq: 1, nameRu: '«Б»', nameKkField: null, rawNameRu: null, egovDataset: null, line: 3 },
    ]);
  });

  it('keeps a title published twice under two numbers', () => {
    expect(parseRegisterCsv(`${header}\n1,«А»,,,\n2,«А»,,,`).rows).toHaveLength(2);
  });

  it.each([
    ['a missing number', `${header}\n,«А»,,,`, [['/line/2/seq', 'missing_seq']]],
    [
      'a number that is not one',
      `${header}\n1a,«А»,,,\n0,«Б»,,,\n-3,«В»,,,`,
      [
        ['/line/2/seq', 'invalid_seq'],
        ['/line/3/seq', 'invalid_seq'],
        ['/line/4/seq', 'invalid_seq'],
      ],
    ],
    ['a number twice', `${header}\n1,«А»,,,\n1,«Б»,,,`, [['/line/3/seq', 'duplicate_seq']]],
    ['an empty title', `${header}\n1, ,,,`, [['/line/2/name_ru', 'empty_title']]],
    ['an unknown column', 'seq,name_ru,court\n1,«А»,x', [['/line/1/court', 'unknown_column']]],
    ['a required column missing', 'seq,name_kk_field\n1,«А»', [['/line/1/name_ru', 'missing_column']]],
    ['a column named twice', 'seq,name_ru,seq\n1,«А»,1', [['/line/1/seq', 'duplicate_column']]],
    ['more cells than columns', 'seq,name_ru\n1,«А»,x', [['/line/2/#3', 'extra_cells']]],
    ['no rows', header, [['/line/2/seq', 'empty_list']]],
    [
      'every problem at once',
      `${header}\n,«А»,,,\n2,,,,\n2,«В»,,,`,
      [
        ['/line/2/seq', 'missing_seq'],
        ['/line/3/name_ru', 'empty_title'],
        ['/line/4/seq', 'duplicate_seq'],
      ],
    ],
  ])('refuses %s, naming line and column, with no rows', (_what, text, expected) => {
    const { rows, problems } = parseRegisterCsv(text);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.pointer, p.code])).toEqual(expected);
  });
});
