import { describe, expect, it } from 'vitest';
import { localDate } from './local-date.js';
import {
  formatPeriod,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodsBetween,
  periodStart,
} from './periods.js';

describe('parsePeriod and formatPeriod', () => {
  // [text, start, end]
  it.each([
    ['2024-03', '2024-03-01', '2024-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'], // leap year
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-12', '2024-12-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q2', '2024-04-01', '2024-06-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024', '2024-01-01', '2024-12-31'],
  ])('%s spans %s – %s and formats back', (text, start, end) => {
    const period = parsePeriod(text);
    expect([periodStart(period), periodEnd(period), formatPeriod(period)]).toEqual([start, end, text]);
  });

  // [text, the error's message]
  it.each([
    ['2024-13', "month 13 in '2024-13' is not between 01 and 12"],
    ['2024-00', "month 00 in '2024-00' is not between 01 and 12"],
    ['2024-Q5', "quarter 5 in '2024-Q5' is not between 1 and 4"],
    ['2024-Q0', "quarter 0 in '2024-Q0' is not between 1 and 4"],
    ['2024-Q01', "quarter 01 in '2024-Q01' is not between 1 and 4"],
    ['2024-H3', "half-year 3 in '2024-H3' is not 1 or 2"],
    ['1899', "year 1899 in '1899' is outside 1900–2200"],
    [
      '2024-3',
      "'2024-3' is not a period: write YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half-year) or YYYY",
    ],
    [
      '2024-q1',
      "'2024-q1' is not a period: write YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half-year) or YYYY",
    ],
    [
      '24-03',
      "'24-03' is not a period: write YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half-year) or YYYY",
    ],
    ['', "'' is not a period: write YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half-year) or YYYY"],
  ])('%s is refused', (text, message) => {
    expect(() => parsePeriod(text)).toThrow(expect.objectContaining({ code: 'invalid_period', message }));
  });
});

describe('periodContaining', () => {
  it.each([
    ['2024-05-31', 'monthly', '2024-05'],
    ['2024-05-31', 'quarterly', '2024-Q2'],
    ['2024-07-01', 'quarterly', '2024-Q3'],
    ['2024-06-30', 'half-yearly', '2024-H1'],
    ['2024-07-01', 'half-yearly', '2024-H2'],
    ['2024-12-31', 'yearly', '2024'],
  ] as const)('%s in %s periods is %s', (date, periodicity, expected) => {
    expect(formatPeriod(periodContaining(localDate(date), periodicity))).toBe(expected);
  });
});

describe('periodsBetween lists every period with a day in the range', () => {
  it.each([
    ['2024-01-01', '2024-12-31', 'quarterly', '2024-Q1 2024-Q2 2024-Q3 2024-Q4'],
    ['2024-02-15', '2024-04-01', 'monthly', '2024-02 2024-03 2024-04'],
    ['2024-11-30', '2025-02-01', 'monthly', '2024-11 2024-12 2025-01 2025-02'],
    ['2024-03-31', '2024-04-01', 'quarterly', '2024-Q1 2024-Q2'],
    ['2024-05-05', '2024-05-05', 'quarterly', '2024-Q2'],
    ['2023-12-31', '2025-01-01', 'half-yearly', '2023-H2 2024-H1 2024-H2 2025-H1'],
    ['2019-06-01', '2021-01-01', 'yearly', '2019 2020 2021'],
  ] as const)('%s – %s, %s: %s', (from, to, periodicity, expected) => {
    const periods = periodsBetween(localDate(from), localDate(to), periodicity);
    expect(periods.map(formatPeriod).join(' ')).toBe(expected);
  });

  it('refuses a range whose start is after its end', () => {
    expect(() => periodsBetween(localDate('2024-02-01'), localDate('2024-01-01'), 'monthly')).toThrow(
      expect.objectContaining({
        code: 'invalid_range',
        message: "'from' 2024-02-01 is after 'to' 2024-01-01",
      }),
    );
  });
});
