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
      'coverage',
    ]);
    expect(lines).toHaveLength(table.columns.length * table.rows.length);
    const line = (breakdown: string, row: string) => lines.find((l) => l[3] === breakdown && l[1] === row)!;
    expect(line('10', '1').slice(-3)).toEqual(['revised', '1 3', '']);
    expect(line('10', '2').slice(-3)).toEqual(['revised', '', '']);
    expect(line('00', '1').slice(-3)).toEqual(['derived', '', '2/2']);
  });

  it('marks a sum of part of the regions as partial, never as the republic', () => {
    const table = sampleTable({ coverage: { regions: 2, of: 20, complete: false, missing: [] } });
    const [, ...lines] = parse(tableToCsv(table), { bom: true }) as string[][];
    expect(lines.find((l) => l[3] === '00')!.slice(-3)).toEqual(['partial', '', '2/20']);
  });
});
