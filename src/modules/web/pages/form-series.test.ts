import { describe, expect, it } from 'vitest';
import { translator } from '../i18n.js';
import { periodSpan, seriesPoints } from './form-series.js';

describe('the line over time', () => {
  it.each([
    ['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
    ['2023-Q4', '2024-Q2', ['2023-Q4', '2024-Q1', '2024-Q2']],
    ['2022', '2024', ['2022', '2023', '2024']],
    ['2024-03', '2024-03', ['2024-03']],
  ])('spans every period from %s to %s', (first, last, span) => {
    expect(periodSpan(first, last)).toEqual(span);
  });

  it('keeps a period that was not published on the axis, as a gap that says so', () => {
    const t = translator('ru');
    const points = seriesPoints(
      periodSpan('2024-01', '2024-04'),
      new Set(['2024-01', '2024-02', '2024-04']),
      new Map([
        ['2024-01', 5],
        ['2024-02', null],
        ['2024-04', 9],
      ]),
      t,
    );
    expect(points).toEqual([
      { label: '2024-01', value: 5 },
      { label: '2024-02', value: null, gap: 'опубликовано без этого показателя' },
      { label: '2024-03', value: null, gap: 'не опубликовано' },
      { label: '2024-04', value: 9 },
    ]);
  });
});
