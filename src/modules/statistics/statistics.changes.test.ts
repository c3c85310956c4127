import { describe, expect, it } from 'vitest';
import { sampleTable } from './exports/table.fixture.js';
import { compareColumn, revisedOfSum } from './statistics.changes.js';

describe('the changes of a table', () => {
  it('compares a column with the same one a year before: change and %, "no data" where missing', () => {
    const now = sampleTable();
    const then = sampleTable();
    const col = now.columns.find((c) => c.breakdown === '10')!;
    const prev = then.columns.find((c) => c.breakdown === '10')!;
    prev.values = Object.fromEntries(
      Object.entries(prev.values).map(([row, vs]) => [row, vs.map((v) => (v === null ? null : v / 2))]),
    );
    const c = compareColumn(now, col, prev, then, '2021-12');
    const first = col.values['1']!;
    expect(c).toMatchObject({ period: '2021-12', noData: false });
    expect(c.previous['1']).toEqual(first.map((v) => (v === null ? null : v / 2)));
    expect(c.change['1']).toEqual(first.map((v) => (v === null ? null : v / 2)));
    expect(c.changePercent['1']!.filter((p) => p !== null).every((p) => p === 100)).toBe(true);
    // no such column a year before: every cell is "no data"
    const none = compareColumn(now, col, undefined, null, '2021-12');
    expect(none.noData).toBe(true);
    expect(none.change['1']!.every((v) => v === null)).toBe(true);
  });

  it.each([
    ['compares', [], true],
    ['says "not comparable" where the territory changed', ['2022-06-08'], false],
  ] as const)('%s', (_, dates, comparable) => {
    const now = sampleTable();
    const col = now.columns.find((c) => c.breakdown === '10')!;
    const prev = sampleTable().columns.find((c) => c.breakdown === '10')!;
    const titles = { kk: 'Жарлық', ru: 'Указ', en: 'Decree' };
    const changes = dates.map((date) => ({
      region: '10',
      date,
      basis: {
        kind: 'presidential-decree' as const,
        signed: '2022-05-03',
        inForce: date,
        titles,
        confidence: 'found' as const,
      },
    }));
    const c = compareColumn(now, col, prev, now, '2021-12', changes);
    expect(c.comparable).toBe(comparable);
    // the previous values are given either way; the change only where the figures compare
    expect(c.previous['1']).toEqual(col.values['1']);
    expect(c.change['1']!.every((v) => v === null)).toBe(!comparable);
    expect(c.changePercent['1']!.every((v) => v === null)).toBe(!comparable);
    if (comparable) expect(c.notComparable).toBeUndefined();
    else expect(c.notComparable).toEqual({ date: '2022-06-08', basis: titles });
  });

  it('marks the derived republic wherever one of its regions is revised', () => {
    const [a, b] = sampleTable().columns.filter((c) => c.kind === 'submitted');
    expect(revisedOfSum([a!, b!])).toEqual({});
    a!.revised = { '1': [3, 1] };
    b!.revised = { '1': [2, 1], '2': [4] };
    expect(revisedOfSum([a!, b!])).toEqual({ revised: { '1': [1, 2, 3], '2': [4] } });
  });
});
