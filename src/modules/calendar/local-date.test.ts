import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumberOf,
  localDate,
  localDateFromDayNumber,
  monthsLater,
  weekdayOf,
} from './local-date.js';

describe('local dates', () => {
  // [date, weekday, days since 1970-01-01]
  it.each([
    ['1970-01-01', 'Thu', 0],
    ['1969-12-31', 'Wed', -1],
    ['2000-02-29', 'Tue', 11016],
    ['2019-04-15', 'Mon', 18001], // the day Order 25 was signed
    ['2024-03-21', 'Thu', 19803],
    ['2100-03-01', 'Mon', 47541], // 2100 is not a leap year
  ])('%s is a %s, day %i', (text, weekday, dayNumber) => {
    const date = localDate(text);
    expect([weekdayOf(date), dayNumberOf(date), localDateFromDayNumber(dayNumber)]).toEqual([
      weekday,
      dayNumber,
      text,
    ]);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2024-01-01', -1, '2023-12-31'],
  ])('%s + %i day = %s', (from, days, expected) => {
    expect(addDays(localDate(from), days)).toBe(expected);
  });

  // [text, the error's message]
  it.each([
    ['2023-02-29', "day 29 in '2023-02-29' does not exist: 2023-02 has 28 days"],
    ['2024-04-31', "day 31 in '2024-04-31' does not exist: 2024-04 has 30 days"],
    ['2024-13-01', "month 13 in '2024-13-01' is not between 01 and 12"],
    ['2024-1-01', "'2024-1-01' is not a date in the form YYYY-MM-DD"],
    ['2024-01-01T00:00:00Z', "'2024-01-01T00:00:00Z' is not a date in the form YYYY-MM-DD"],
  ])('%s is refused', (text, message) => {
    expect(() => localDate(text)).toThrow(expect.objectContaining({ code: 'invalid_date', message }));
  });
});

describe('months later', () => {
  it.each([
    // from, months, day, expected
    ['2024-01-15', 1, undefined, '2024-02-15'],
    ['2023-12-31', 2, undefined, '2024-02-29'], // a leap February's last day
    ['2023-12-31', 2, 20, '2024-02-20'], // Order 84: the 20th of the month after
    ['2024-03-31', 1, 14, '2024-04-14'], // Order 25 para 13: the 14th after a quarter
    ['2024-11-30', 2, undefined, '2025-01-30'], // across a year
    ['2024-05-31', 1, undefined, '2024-06-30'], // a 30-day month
    ['2024-05-31', 0, 20, '2024-05-20'],
  ] as const)('%s + %d months (day %s) is %s', (from, months, day, expected) => {
    expect(monthsLater(localDate(from), months, day)).toBe(expected);
  });
});
