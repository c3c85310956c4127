import { describe, expect, it } from 'vitest';
import type { Graph } from '../structure.schema.js';
import { graphs, rows, sampleTable } from './table.fixture.js';
import {
  graphGroups,
  graphLabel,
  headerCells,
  headerDepth,
  orderedColumns,
  periodText,
  rowDepths,
  tableNotes,
} from './table.layout.js';

const g = (n: number, header?: string[]): Graph => ({
  n,
  label: { ru: `г${n}` },
  ...(header ? { header } : {}),
  unit: 'count',
  valueType: 'integer',
});

describe('the shared layout of exports', () => {
  it('notes the values a revision changed, with their count, in every export', () => {
    expect(tableNotes(sampleTable(), 'en')).toEqual([]);
    const revised = sampleTable();
    revised.columns.find((c) => c.breakdown === '10')!.revised = { '1': [1, 3], '2': [1] };
    expect(tableNotes(revised, 'ru')).toEqual([
      'Значения, исправленные после предыдущей публикации (регион или орган, строка/графа), 3: 10 1/1; 10 1/3; 10 2/1',
    ]);
    const many = sampleTable();
    many.columns.find((c) => c.breakdown === '11')!.revised = {
      '1': Array.from({ length: 25 }, (_, i) => i + 1),
    };
    const [note] = tableNotes(many, 'en');
    expect(note).toMatch(/, 25: 11 1\/1; .*; 11 1\/20; …$/);
  });

  it('builds the header tree: outer headers merged across, own labels spanning down', () => {
    expect(headerDepth(graphs)).toBe(2);
    expect(headerCells(graphs, 'ru')).toEqual([
      { level: 0, col: 0, colSpan: 1, rowSpan: 2, text: 'Зарегистрировано' },
      { level: 0, col: 1, colSpan: 2, rowSpan: 1, text: 'из графы 1' },
      { level: 0, col: 3, colSpan: 1, rowSpan: 2, text: 'Сумма ущерба (тыс. ₸)' },
      { level: 1, col: 1, colSpan: 1, rowSpan: 1, text: 'в отношении женщин' },
      { level: 1, col: 2, colSpan: 1, rowSpan: 1, text: 'через сеть Интернет' },
    ]);
    const deep = [g(1, ['A', 'x']), g(2, ['A', 'x']), g(3, ['A', 'y']), g(4, ['B', 'x'])];
    expect(headerCells(deep, 'ru').filter((c) => c.level < 2)).toEqual([
      { level: 0, col: 0, colSpan: 3, rowSpan: 1, text: 'A' },
      { level: 0, col: 3, colSpan: 1, rowSpan: 1, text: 'B' },
      { level: 1, col: 0, colSpan: 2, rowSpan: 1, text: 'x' },
      { level: 1, col: 2, colSpan: 1, rowSpan: 1, text: 'y' },
      { level: 1, col: 3, colSpan: 1, rowSpan: 1, text: 'x' },
    ]);
  });

  it('does not repeat a unit the label already names', () => {
    const amount: Graph = { ...g(1), label: { ru: 'сумма ущерба (тыс.тенге)' }, unit: 'thousand-tenge' };
    expect(graphLabel(amount, 'ru')).toBe('сумма ущерба (тыс.тенге)');
    expect(graphLabel({ ...amount, label: { ru: 'ущерб' } }, 'kk')).toBe('ущерб (мың ₸)');
  });

  it('cuts wide tables between header groups', () => {
    const wide = [g(1), g(2), ...[3, 4, 5, 6].map((n) => g(n, ['A'])), g(7), g(8)];
    expect(graphGroups(wide, 4).map((group) => group.map((x) => x.n))).toEqual([
      [1, 2],
      [3, 4, 5, 6],
      [7, 8],
    ]);
    const nested = [
      g(1),
      ...[2, 3, 4].map((n) => g(n, ['A', 'x'])),
      ...[5, 6, 7].map((n) => g(n, ['A', 'y'])),
    ];
    expect(graphGroups(nested, 4).map((group) => group.map((x) => x.n))).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7],
    ]);
    expect(graphGroups([g(1), g(2), g(3)], 2).map((group) => group.length)).toEqual([2, 1]);
  });

  it('says the period as read, indents rows under their parents, puts the republic first', () => {
    expect(periodText('2022-12', true, 'ru')).toBe('январь–декабрь 2022 г.');
    expect(periodText('2022-06', false, 'kk')).toBe('маусым 2022 ж.');
    expect(periodText('2024-Q2', false, 'en')).toBe('2024-Q2');
    expect([...rowDepths(rows)]).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 1],
    ]);
    expect(orderedColumns(sampleTable()).map((c) => c.breakdown)).toEqual(['00', '10', '11']);
  });
});
