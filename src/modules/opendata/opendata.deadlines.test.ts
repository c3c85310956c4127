// The deadline watch's core, by table: next due date, late or not, for each kind of dataset.
import { describe, expect, it } from 'vitest';
import { deadlineOf } from './opendata.deadlines.js';

const Q = [
  { period: '2024-Q1', due: '2024-04-22', provisional: false },
  { period: '2024-Q2', due: '2024-07-22', provisional: false },
  { period: '2024-Q3', due: '2024-10-21', provisional: false },
];
const starts: Record<string, string> = {
  '2024-Q1': '2024-01-01',
  '2024-Q2': '2024-04-01',
  '2024-Q3': '2024-07-01',
};

describe('the deadline watch of a dataset', () => {
  it.each([
    // today, covered, countsFrom, rule, next due, late periods
    ['2024-04-22', [], '2024-01-01', 'quarterly', '2024-04-22', []],
    ['2024-04-23', [], '2024-01-01', 'quarterly', '2024-07-22', ['2024-Q1']],
    ['2024-04-23', ['2024-Q1'], '2024-01-01', 'quarterly', '2024-07-22', []],
    ['2024-07-23', ['2024-Q1'], '2024-01-01', 'quarterly', '2024-10-21', ['2024-Q2']],
    ['2024-07-23', [], '2024-04-01', 'quarterly', '2024-10-21', ['2024-Q2']],
    ['2024-10-22', ['2024-Q2'], '2024-01-01', 'quarterly', null, ['2024-Q1', '2024-Q3']],
    ['2024-07-23', [], '2024-01-01', 'on-arrival', null, []],
    ['2024-07-23', [], '2024-01-01', 'permanent', null, []],
  ] as const)(
    'on %s, covering %j, counting from %s, a %s dataset is due %s and late for %j',
    (today, covered, countsFrom, period, next, late) => {
      const d = deadlineOf({
        dataset: 'x',
        updatePeriod: period,
        obligations: period === 'quarterly' ? Q : [],
        covered: (p) => (covered as readonly string[]).includes(p),
        countsFrom,
        periodStart: (p) => starts[p]!,
        lastUpdate: null,
        today,
      });
      expect(d.nextDue?.due ?? null).toBe(next);
      expect(d.overdue.map((o) => o.period)).toEqual(late);
      expect(d.late).toBe(late.length > 0);
      expect(d.rule).toBe(period === 'quarterly' ? 'by-period' : period);
    },
  );
});
