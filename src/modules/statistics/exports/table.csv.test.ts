import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleTable } from './table.fixture.js';
import { tableToCsv } from './table.csv.js';

describe('tableToCsv', () => {
  it('writes a line per region and row, a column per graph, with the status and the revised graphs', () => {
    const table = sampleTable();
    const ten = table.columns.find((c) => c.breakdown === '10')!;
    ten.status = 'revised';
    ten.revised = { '1': [1, 3] };
    const text = tableToCsv(table);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual([
      'section',
      'row',
      'label',
      'breakdown',
      'g1',
      'g2',
      'g3',
      'g4',
      'status',
      'revised',
    ]);
    expect(lines).toHaveLength(table.columns.length * table.rows.length);
    const line = (breakdown: string, row: string) => lines.find((l) => l[3] === breakdown && l[1] === row)!;
    expect(line('10', '1').slice(-2)).toEqual(['revised', '1 3']);
    expect(line('10', '2').slice(-2)).toEqual(['revised', '']);
    expect(line('00', '1').slice(-2)).toEqual(['derived', '']);
  });
});
